"""The window names entities in its own language (issue #18): a Dutch document's "NAVO" and
"Europese Unie" are "NATO" and "European Union" in the English window, an English one's
"Vladimir Putin" is "Vladimir Poetin" in the Dutch window, and one person either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from briefing_app.ui.app import build_window, reset_ui_language
from briefing_app.ui.main_window import MainWindow

WAIT_MS = 30_000

DUTCH = """ date 2022-03 Kabinet steunt Oekraïne

Minister Hoekstra van Buitenlandse Zaken sprak in Brussel met de Europese Unie en de NAVO.
De Russische president Vladimir Poetin kreeg nieuwe sancties. Poetin reageerde niet.
"""

ENGLISH = """ date 2022-03 Allies agree on sanctions

NATO allies and the European Union agreed new sanctions. Russian President Vladimir Putin
did not respond. President Putin is expected to speak on Friday.
"""


@pytest.fixture
def app(qapp: QApplication):
    yield qapp
    reset_ui_language(qapp)  # the next test starts in English


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "nl.txt").write_text(DUTCH, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


def open_window(qtbot, tmp_path: Path, settings: QSettings, folder: Path, language: str):
    settings.setValue("ui/language", language)
    window = build_window(tmp_path / "data", [folder], settings)
    qtbot.addWidget(window)
    window.show()
    window.service.start()
    qtbot.waitUntil(lambda: window.library_size() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
    return window


def panel(window: MainWindow, kind: str) -> dict[str, int]:
    view = window.panels[kind]
    items = [view.proxy.item_at(row) for row in range(view.proxy.rowCount())]
    return {item.name: item.count for item in items if item is not None}


def show_all(qtbot, window: MainWindow) -> None:
    for kind in ("person", "org"):
        window.panels[kind].set_scope("results")
    window.search("")
    qtbot.waitUntil(lambda: window.results_model.total == 2, timeout=WAIT_MS)


def open_titled(qtbot, window: MainWindow, title: str) -> None:
    rows = range(window.results_model.rowCount())
    row = next(r for r in rows if window.results_model.hit_at(r).title == title)
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(row)


@pytest.mark.parametrize(
    ("language", "person", "organizations"),
    [
        ("en", "Vladimir Putin", {"NATO", "European Union", "Ministry of Foreign Affairs"}),
        ("nl", "Vladimir Poetin", {"NAVO", "Europese Unie", "Ministerie van Buitenlandse Zaken"}),
    ],
)
def test_panels_name_entities_in_the_windows_language(
    qtbot,
    app: QApplication,
    tmp_path: Path,
    settings: QSettings,
    folder: Path,
    language: str,
    person: str,
    organizations: set[str],
) -> None:
    window = open_window(qtbot, tmp_path, settings, folder, language)
    try:
        show_all(qtbot, window)
        # The whole result set: one person, in the spelling of the window's language.
        qtbot.waitUntil(lambda: person in panel(window, "person"), timeout=WAIT_MS)
        people = panel(window, "person")
        assert people[person] == 2 and not {"Vladimir Putin", "Vladimir Poetin"} - {person} & set(
            people
        )
        assert organizations <= set(panel(window, "org"))

        # Each document, whichever language it is written in.
        for title in ("Kabinet steunt Oekraïne", "Allies agree on sanctions"):
            for kind in ("person", "org"):
                window.panels[kind].set_scope("document")
            open_titled(qtbot, window, title)
            assert person in panel(window, "person")
            assert {"NATO", "NAVO"} & set(panel(window, "org")) == {
                "NATO" if language == "en" else "NAVO"
            }
    finally:
        window.close()
