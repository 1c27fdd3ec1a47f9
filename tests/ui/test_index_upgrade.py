"""Opening a library whose index another version of Briefing wrote: the window says it is
updating the index, shows progress, and then searches the rebuilt index."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.library import Library
from briefing_app.ui.app import build_window
from tests.ui.test_main_window import WAIT_MS, close_window, type_query


def test_the_window_rebuilds_an_old_index_with_progress(qtbot, tmp_path: Path, settings) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for number in range(3):
        (folder / f"n{number}.txt").write_text(
            f" date 2024-0{number + 1} Bericht {number}\n\nDe kinderen van bericht {number}.\n",
            encoding="utf-8",
        )
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
    (tmp_path / "data" / "search-index" / "briefing-index.json").write_text(
        json.dumps({"schema_version": 0})
    )
    window = build_window(tmp_path / "data", [], settings)
    qtbot.addWidget(window)
    progress: list[tuple[int, int]] = []
    window.service.import_progress.connect(
        lambda done, total, _path: progress.append((done, total))
    )
    window.show()
    with qtbot.waitSignal(window.service.index_rebuilding, timeout=WAIT_MS):
        window.service.start()
    assert "Updating the search index" in window.status_label.text()
    try:
        qtbot.waitUntil(lambda: window.library_size() == 3, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
        assert progress and progress[-1] == (3, 3)
        type_query(qtbot, window, "kind")  # a word form: found in the rebuilt index
        assert window.results_model.rowCount() == 3
    finally:
        close_window(qtbot, window)
