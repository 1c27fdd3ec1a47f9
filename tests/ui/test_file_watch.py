"""The open document's file is watched: a change is reported once it has settled, also when
an editor saves by replacing the file, and only for the file watched now."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_app.ui.file_watch import FileWatch

WAIT_MS = 5000


def test_a_change_is_reported_once_settled(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch(settle_ms=200)
    watch.watch(str(path))
    assert watch.path() == str(path)
    with qtbot.waitSignal(watch.changed, timeout=WAIT_MS) as changed:
        path.write_text("two", encoding="utf-8")
        path.write_text("three", encoding="utf-8")  # a burst: one report
    assert changed.args == [str(path)]
    with qtbot.assertNotEmitted(watch.changed, wait=300):
        pass


def test_a_file_replaced_on_save_is_still_watched(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch(settle_ms=50)
    watch.watch(str(path))
    for text in ("two", "three"):
        new = tmp_path / "note.txt.new"
        new.write_text(text, encoding="utf-8")
        with qtbot.waitSignal(watch.changed, timeout=WAIT_MS):
            os.replace(new, path)


def test_only_the_file_watched_now_is_reported(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("one", encoding="utf-8")
    second.write_text("one", encoding="utf-8")
    watch = FileWatch(settle_ms=50)
    watch.watch(str(first))
    watch.watch(str(second))
    with qtbot.assertNotEmitted(watch.changed, wait=300):
        first.write_text("two", encoding="utf-8")
    watch.watch("")  # no document: nothing watched
    with qtbot.assertNotEmitted(watch.changed, wait=300):
        second.write_text("two", encoding="utf-8")
