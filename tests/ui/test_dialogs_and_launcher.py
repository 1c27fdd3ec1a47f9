"""The small dialogs (import problems, keyboard shortcuts) and the GUI entry points."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from briefing_app import launcher
from briefing_app.library import datadir
from briefing_app.library.datadir import checkout_dir
from briefing_app.ui import app as ui_app
from briefing_app.ui import main_window
from briefing_app.ui.dialogs import FailuresDialog, PairsModel, ShortcutsDialog


def test_pairs_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PairsModel(("File", "Reason"), [("/a.txt", "empty file"), ("/b.pdf", "unsupported")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2


def test_failures_dialog_lists_each_file_with_its_reason(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = FailuresDialog(parent, [("/docs/leeg.txt", "empty file")])
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.index(0, 0).data() == "/docs/leeg.txt"
    assert model.index(0, 1).data() == "empty file"


def test_shortcuts_dialog_lists_actions_that_have_shortcuts(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    with_key = QAction("&Search", parent)
    with_key.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+L")])
    without = QAction("About", parent)
    dialog = ShortcutsDialog(parent, [with_key, without])
    qtbot.addWidget(dialog)
    rows = [
        (dialog.table.model().index(r, 0).data(), dialog.table.model().index(r, 1).data())
        for r in range(dialog.table.model().rowCount())
    ]
    assert rows == [("Search", "Ctrl+K, Ctrl+L")]


@pytest.mark.parametrize(
    ("argv", "paths"),
    [([], []), (["gui"], []), (["gui", "a.txt", "notes"], ["a.txt", "notes"])],
)
def test_no_command_or_gui_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], paths: list[str]
) -> None:
    calls: list[tuple[Path, list[Path]]] = []
    monkeypatch.setattr(ui_app, "run_gui", lambda data, p: calls.append((data, p)) or 0)
    assert launcher.main(["--data-dir", str(tmp_path), *argv]) == 0
    assert calls == [(tmp_path.resolve(), [Path(p) for p in paths])]


def test_main_py_uses_the_checkout_index_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(ui_app, "run_gui", lambda data, p: calls.append(data) or 0)
    monkeypatch.setattr(datadir, "checkout_dir", checkout_dir)  # the real one, for this test
    repo = Path(__file__).resolve().parents[2]
    assert launcher.main([]) == 0
    assert calls == [(repo / "index").resolve()]


def test_about_box_names_the_data_folder(
    qtbot, tmp_path: Path, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ui_app.build_window(tmp_path / "data", [], settings)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "about", lambda _parent, _title, text: shown.append(text)
    )
    about = next(a for a in window.findChildren(QAction) if a.text() == "&About Briefing")
    about.trigger()
    assert shown and f"Data folder: {tmp_path / 'data'}" in shown[0]


def test_smoke_test_mode_shows_results_then_quits(tmp_path: Path) -> None:
    """What the packaging check (scripts/check_wheel.sh) runs against an installed wheel."""
    data_dir = tmp_path / "data"
    env = {
        **{k: v for k, v in os.environ.items() if k != "BRIEFING_DATA_DIR"},
        "QT_QPA_PLATFORM": "offscreen",
        ui_app.SMOKE_TEST_ENV: "120",
    }
    command = [sys.executable, "-m", "briefing_app", "--data-dir", str(data_dir)]
    # An empty library: the window imports the sample library and shows it.
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert re.search(r"Smoke test: the window painted [1-9]\d* results\.", done.stdout)
    # Nothing can be painted in a millisecond: the deadline fails the check.
    env[ui_app.SMOKE_TEST_ENV] = "0.001"
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 1
    assert "no results were painted in time" in done.stderr
