"""Untrusted Markdown in the reader: every resource request is intercepted (loadResource) and
answered with nothing, raw HTML stays inert text, and huge tables or 5 MB documents render
without freezing the window. Extends tests/ui/test_reader.py::test_hostile_markdown_loads_nothing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QImage

from briefing_app.ui.reader import ReaderPane, ReaderView
from tests.reliability.conftest import LONG_RUN
from tests.ui import test_reader
from tests.ui.test_reader import opened_from_markdown

pytestmark = pytest.mark.reliability

pane = test_reader.pane  # the reader tests' fixture: a shown ReaderPane

TABLE_ROWS = 3000 if LONG_RUN else 800

HOSTILE = [
    "<script>alert(1)</script>",
    '<iframe src="http://example.org/frame"></iframe>',
    '<img src="http://example.org/raw.png">',
    '<img src="file:///etc/passwd">',
    '<link rel="stylesheet" href="http://example.org/s.css">',
    "<style>@import url(http://example.org/i.css); p { background: url(file:///etc/x) }</style>",
    '<object data="file:///etc/passwd"></object>',
    "![remote](http://example.org/md.png)",
    "![local](file:///etc/passwd)",
    "![relative](../../etc/passwd)",
    "[ref image][r]\n\n![r]\n\n[r]: http://example.org/ref.png",
    '[js](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a>',
]


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every resource the reader asks for, with the answer it gave."""
    seen: list[tuple[str, object]] = []
    original = ReaderView.loadResource

    def spy(self: ReaderView, kind: int, name: QUrl | str) -> object:
        answer = original(self, kind, name)
        seen.append((QUrl(name).toString(), answer))
        return answer

    monkeypatch.setattr(ReaderView, "loadResource", spy)
    return seen


@pytest.mark.parametrize("markdown", HOSTILE)
def test_nothing_outside_the_document_is_loaded(pane: ReaderPane, qtbot, requests, markdown: str):
    pane.show_document(opened_from_markdown(f"# Hostile\n\n{markdown}\n\nEinde."))
    pane.view.document().size()  # lays the whole document out: every resource is asked for now
    html = pane.view.toHtml().lower()
    assert "<script" not in html and "<iframe" not in html and "<object" not in html
    assert "einde." in pane.view.toPlainText().lower()
    for url, answer in requests:
        empty = answer == "" or answer is None or (isinstance(answer, QImage) and answer.isNull())
        assert empty, f"{url} was answered with data"
        assert not url.lower().startswith("data:")  # data: is decoded by Qt, never requested


def test_a_huge_table_renders_without_freezing(pane: ReaderPane, qtbot) -> None:
    header = "| " + " | ".join(f"k{i}" for i in range(12)) + " |\n|" + "---|" * 12 + "\n"
    rows = "".join(
        "| " + " | ".join(f"r{r}c{c}" for c in range(12)) + " |\n" for r in range(TABLE_ROWS)
    )
    started = time.perf_counter()
    pane.show_document(opened_from_markdown(header + rows))
    qtbot.waitUntil(lambda: f"r{TABLE_ROWS - 1}c11" in pane.view.toPlainText(), timeout=10_000)
    # ~0.5 s idle; before tables were shortened, 800 rows froze the window for ~5 s.
    assert time.perf_counter() - started < 3


def test_a_five_megabyte_document_opens_and_stays_responsive(pane: ReaderPane, qtbot) -> None:
    paragraph = "De minister van Buitenlandse Zaken sprak over de VN-missie in Mali. " * 12
    text = "\n\n".join([paragraph] * (5 * 1024 * 1024 // len(paragraph)))
    started = time.perf_counter()
    pane.show_document(opened_from_markdown(text))
    shown = time.perf_counter() - started
    # After it is shown, the event loop answers promptly (a scroll is handled at once).
    started = time.perf_counter()
    pane.view.verticalScrollBar().setValue(pane.view.verticalScrollBar().maximum() // 2)
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True], timeout=10_000)
    assert time.perf_counter() - started < 2
    assert shown < 60
