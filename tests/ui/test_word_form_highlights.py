"""The reader marks every form of a searched word: searching "kind" marks "kinderen" and
steps through it with "Hit n of m" (issue #17, highlights follow the match)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_main_window import WAIT_MS, close_window, open_window, type_query


def test_the_reader_marks_every_form_of_the_searched_word(qtbot, tmp_path: Path, settings) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "opvang.txt").write_text(
        " date 2024-03 Opvang van kinderen\n\n"
        "De kinderen worden opgevangen in de gemeente. Elk kind krijgt een mentor.\n\n"
        "Ook de kinderopvang wordt uitgebreid.\n",
        encoding="utf-8",
    )
    window = open_window(qtbot, tmp_path, settings, [folder])
    try:
        qtbot.waitUntil(lambda: window.library_size() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
        type_query(qtbot, window, "kind")
        assert window.results_model.rowCount() == 1
        assert "<mark>kinderen</mark>" in window.results_model.hit_at(0).snippet.lower()
        window.results_view.select_row(0)
        qtbot.waitUntil(lambda: window.current_document_id() is not None, timeout=WAIT_MS)
        # "kinderen" and "kind" in the body: two hits, the first one shown
        qtbot.waitUntil(lambda: window.reader.hit_position() == (1, 2), timeout=WAIT_MS)
    finally:
        close_window(qtbot, window)
