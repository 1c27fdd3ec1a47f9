"""Opening a long document in the reader: what the GUI thread spends on it.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.reader_open [MEGABYTES ...]   # 0.2 1 3

Each document is press releases of the benchmark corpus run together (`make bench` writes
it). Prints, per size: rendering to HTML (the window's read worker does it, off the GUI
thread), showing it in the reader, highlighting two common words, placing 20 bookmarks spread
over it (as a document with bookmarks opens), and painting, in ms.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.run import corpus
from briefing_app.bookmarks import Bookmark, make_anchor
from briefing_app.documents import Document, read_document
from briefing_app.library.analysis import catalog_entry
from briefing_app.library.library import OpenedDocument
from briefing_app.render import render_document
from briefing_app.ui.reader import ReaderPane

WORDS = ["minister", "kabinet"]
BOOKMARKS = 20


def long_document(folder: Path, megabytes: float, into: Path) -> Path:
    parts: list[str] = []
    size = 0
    for path in sorted(folder.rglob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        parts.append(body)
        size += len(body)
        if size >= megabytes * 1_000_000:
            break
    into.write_text(" date 2020-01 A long transcript\n" + "\n\n".join(parts), encoding="utf-8")
    return into


def spread_bookmarks(document: Document) -> list[Bookmark]:
    step = len(document.text) // (BOOKMARKS + 1)
    return [
        Bookmark(
            document.content_hash,
            str(document.path),
            make_anchor(document.text, at, at + 120, document.content_hash),
        )
        for at in range(step, step * (BOOKMARKS + 1), step)
    ]


def ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def main(argv: list[str]) -> int:
    sizes = [float(arg) for arg in argv] or [0.2, 1.0, 3.0]
    app = QApplication.instance() or QApplication(["briefing-reader-open"])
    folder = corpus(10_000)
    with tempfile.TemporaryDirectory() as scratch:
        for megabytes in sizes:
            document = read_document(long_document(folder, megabytes, Path(scratch) / "long.txt"))
            pane = ReaderPane()
            pane.resize(900, 700)
            pane.show()
            app.processEvents()
            started = time.perf_counter()
            html = render_document(document.markdown, document.text)
            rendered = ms_since(started)
            opened = OpenedDocument(catalog_entry(document), document, None, [])
            started = time.perf_counter()
            pane.show_document(opened, html)
            shown = ms_since(started)
            started = time.perf_counter()
            pane.set_highlight_terms(WORDS)
            highlighted = ms_since(started)
            started = time.perf_counter()
            pane.set_bookmarks(spread_bookmarks(document), document.text)
            bookmarked = ms_since(started)
            started = time.perf_counter()
            app.processEvents()
            pane.view.viewport().repaint()
            painted = ms_since(started)
            print(
                f"{len(document.text) / 1e6:.1f} M characters, {pane.hit_position()[1]} hits: "
                f"render {rendered} ms (read worker); GUI thread: show {shown} ms, "
                f"highlight {highlighted} ms, {BOOKMARKS} bookmarks {bookmarked} ms, "
                f"paint {painted} ms"
            )
            pane.close()
            pane.deleteLater()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
