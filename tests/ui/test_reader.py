"""The reader pane: rendering, safety, hit/entity/find highlighting, zoom, links, header."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextBlockFormat, QTextCursor, QTextDocument

from briefing_app.documents import Document, DocumentKind, read_document
from briefing_app.library.analysis import catalog_entry
from briefing_app.library.catalog import CatalogEntry
from briefing_app.library.library import OpenedDocument
from briefing_app.ui.reader import LINE_HEIGHT_PERCENT, ReaderPane, ReaderView

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "sample"
KAAG = SAMPLE / "2018-04-kaag-steunt-jordanie-bij-opvang-vluchtelingen.txt"
AQABA = SAMPLE / "2018-11-briefing-aqaba-conferentie.md"


def opened_from_file(path: Path, problem: str | None = None) -> OpenedDocument:
    document = read_document(path)
    return OpenedDocument(entry=_entry(document), document=document, problem=problem, entities=[])


def opened_from_markdown(
    markdown: str, *, title: str = "Test", kind: DocumentKind = DocumentKind.BRIEFING_NOTE
) -> OpenedDocument:
    document = Document(
        path=Path("/nowhere/test.md"),
        title=title,
        date="2018-04-12",
        language="en",
        kind=kind,
        text=markdown,
        markdown=markdown,
        content_hash="0" * 64,
        size=len(markdown),
        mtime=0.0,
        source="Ministry of Tests",
        tags=("alpha", "beta"),
    )
    return OpenedDocument(entry=_entry(document), document=document, problem=None, entities=[])


def _entry(document: Document) -> CatalogEntry:
    return catalog_entry(document, "doc-1")


@pytest.fixture
def pane(qtbot) -> ReaderPane:
    widget = ReaderPane()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_text(qtbot, view: ReaderView, text: str) -> None:
    found = view.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 1)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


# -- rendering -------------------------------------------------------------------------------


def test_press_release_shows_headings_and_paragraphs(pane: ReaderPane) -> None:
    pane.show_document(opened_from_file(KAAG))
    text = pane.view.toPlainText()
    assert text.startswith("Nederland maakt dit jaar 35 miljoen euro extra vrij")
    assert "## " not in text  # Markdown headings are rendered, not shown raw
    assert pane.view.heading_texts() == ["Onderwijs en banen", "Regionale aanpak"]
    assert pane.header.title_label.text().startswith("Kaag: meer steun voor Jordanië")


def test_briefing_note_renders_lists_and_tables(pane: ReaderPane) -> None:
    pane.show_document(opened_from_file(AQABA))
    document = pane.view.document()
    cursor = document.find("Terugkeerders en hun kinderen")
    assert cursor.currentTable() is not None
    assert document.find("EU-lidstaten").currentList() is not None
    assert "Doel" in pane.view.heading_texts()


def test_empty_state_invites_to_pick_a_result(pane: ReaderPane) -> None:
    assert pane.view.toPlainText() == ""
    assert "Select a result" in pane.view.placeholderText()
    assert pane.header.isHidden()
    pane.show_document(opened_from_file(KAAG))
    assert pane.header.isVisible()
    pane.clear_document()
    assert pane.view.toPlainText() == ""
    assert pane.header.isHidden()
    assert pane.hit_position() == (0, 0)


def test_unreadable_document_shows_the_problem(pane: ReaderPane) -> None:
    opened = opened_from_file(KAAG)
    missing = OpenedDocument(
        entry=opened.entry, document=None, problem="The file was moved or deleted.", entities=[]
    )
    pane.show_document(missing)
    assert "cannot be shown" in pane.view.toPlainText()
    assert "The file was moved or deleted." in pane.view.toPlainText()
    assert pane.header.title_label.text() == opened.entry.title
    assert not pane.header.open_button.isEnabled()


# -- safety ----------------------------------------------------------------------------------

HOSTILE = """# Hostile

<script>alert('x')</script>

<img src="http://example.org/x.png">

<img src="file:///etc/passwd">

[click me](javascript:alert(1))

![remote](http://example.org/y.png)

![local](LOCAL_IMAGE)
"""


def test_hostile_markdown_loads_nothing(pane: ReaderPane, qtbot, tmp_path: Path) -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    local = tmp_path / "secret.png"
    image.save(str(local))
    local_url = QUrl.fromLocalFile(str(local)).toString()
    pane.show_document(opened_from_markdown(HOSTILE.replace("LOCAL_IMAGE", local_url)))
    view = pane.view
    view.document().size()  # lays the whole document out: every image is asked for now

    html = view.toHtml()
    assert "<script" not in html and '<img src="http://example.org/x.png"' not in html
    assert "<script>alert('x')</script>" in view.toPlainText()  # shown as text, inert
    assert "http://example.org/y.png" in view.blocked_resources
    assert local_url in view.blocked_resources
    assert all(not url.startswith("file:///etc") for url in view.blocked_resources)
    # Qt would read local files itself if the view answered "no data": make sure it did not.
    loaded = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(local_url))
    assert loaded is None or loaded.isNull()

    with qtbot.assertNotEmitted(view.link_activated):
        click_text(qtbot, view, "click me")
    assert view.source().isEmpty()


def test_inline_data_image_is_allowed(pane: ReaderPane, qtbot) -> None:
    # A 1x1 transparent PNG.
    pixel = (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8"
        "AAAAASUVORK5CYII="
    )
    pane.show_document(opened_from_markdown(f"![dot](data:image/png;base64,{pixel})"))
    pane.view.document().size()  # lays the whole document out: every image is asked for now
    assert pane.view.blocked_resources == []


# -- links -----------------------------------------------------------------------------------


def test_clicking_a_web_link_emits_and_does_not_navigate(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_markdown("Read [the statement](https://example.org/s) now."))
    before = pane.view.toPlainText()
    with qtbot.waitSignal(pane.link_activated, timeout=1000) as blocker:
        click_text(qtbot, pane.view, "the statement")
    assert blocker.args == [QUrl("https://example.org/s")]
    assert pane.view.toPlainText() == before
    assert pane.view.source().isEmpty()


@pytest.mark.parametrize("target", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a"])
def test_unsafe_links_are_ignored(pane: ReaderPane, qtbot, target: str) -> None:
    pane.show_document(opened_from_markdown(f"A [link here]({target}) to nowhere."))
    with qtbot.assertNotEmitted(pane.link_activated):
        click_text(qtbot, pane.view, "link here")
    assert "link here" in pane.view.toPlainText()


# -- hit highlighting ------------------------------------------------------------------------

COUNTING = """Jordanië steunt. De jordanie-aanpak werkt; JORDANIË ook.

Jordaniërs en Jordaans tellen niet mee. Militairen, militair, militairen!
"""


@pytest.mark.parametrize(
    ("terms", "total"),
    [
        (["jordanie"], 3),  # accent- and case-insensitive, whole words only
        (["Jordanië"], 3),
        (["militairen"], 2),
        (["jordanie", "militairen"], 5),
        (["militair"], 1),
        (["onbekend"], 0),
        ([], 0),
    ],
)
def test_highlight_counts_whole_word_occurrences(
    pane: ReaderPane, terms: list[str], total: int
) -> None:
    pane.show_document(opened_from_markdown(COUNTING))
    pane.set_highlight_terms(terms)
    assert pane.hit_position() == ((1 if total else 0), total)
    assert pane.hit_bar.isVisible() == bool(total)


def test_hits_carry_over_to_the_next_document(pane: ReaderPane) -> None:
    pane.set_highlight_terms(["Jordanië"])
    pane.show_document(opened_from_file(KAAG))
    current, total = pane.hit_position()
    assert current == 1 and total >= 5
    selected = {s.cursor.selectedText() for s in pane.view.extraSelections()}
    assert selected == {"Jordanië"}


def test_f3_steps_through_hits_and_wraps(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_markdown(COUNTING))
    pane.set_highlight_terms(["jordanie"])
    seen = []
    pane.hits_changed.connect(lambda current, total: seen.append((current, total)))
    for _ in range(3):
        pane.next_hit_action.trigger()
    assert seen == [(2, 3), (3, 3), (1, 3)]
    pane.previous_hit_action.trigger()
    assert pane.hit_position() == (3, 3)
    assert pane.hit_label.text() == "Hit 3 of 3"


def test_next_hit_scrolls_the_current_hit_into_view(pane: ReaderPane) -> None:
    long_text = "\n\n".join(["Gewone alinea zonder treffer."] * 120 + ["Hier staat Aqaba."])
    pane.show_document(opened_from_markdown(long_text))
    pane.set_highlight_terms(["aqaba"])
    assert pane.view.verticalScrollBar().value() > 0
    cursor = pane.view.document().find("Aqaba")
    rect = pane.view.cursorRect(cursor)
    assert pane.view.viewport().rect().contains(rect)


def test_entity_highlight_coexists_with_hits(pane: ReaderPane) -> None:
    pane.show_document(opened_from_file(KAAG))
    pane.set_highlight_terms(["vluchtelingen"])
    hits = pane.hit_position()[1]
    pane.set_entity_highlight(["Sigrid Kaag", "Kaag"])
    assert pane.view.entity_mention_count() >= 3
    assert pane.hit_position()[1] == hits
    colours = {s.format.background().color().name() for s in pane.view.extraSelections()}
    assert len(colours) == 3  # hits, current hit, entity mentions
    pane.set_entity_highlight([])
    assert pane.view.entity_mention_count() == 0
    assert pane.hit_position()[1] == hits


# -- find in document ------------------------------------------------------------------------


def test_find_bar_finds_counts_and_hides_on_escape(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_markdown(COUNTING))
    assert pane.find_bar.isHidden()
    pane.find_action.trigger()
    assert pane.find_bar.isVisible()
    qtbot.keyClicks(pane.find_bar.line_edit, "JORDAN")
    # Parts of words count here, unlike search hits: Jordanië ×3 and Jordaniërs.
    assert pane.view.find_position() == (1, 4)
    assert pane.find_bar.count_label.text() == "1 of 4"
    qtbot.keyClick(pane.find_bar.line_edit, Qt.Key.Key_Return)
    assert pane.find_bar.count_label.text() == "2 of 4"
    qtbot.keyClick(pane.find_bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.find_bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.find_bar.count_label.text() == "4 of 4"

    qtbot.keyClicks(pane.find_bar.line_edit, "zzz")
    assert pane.find_bar.count_label.text() == "No matches"

    qtbot.keyClick(pane.find_bar.line_edit, Qt.Key.Key_Escape)
    assert pane.find_bar.isHidden()
    assert pane.view.find_position() == (0, 0)
    assert pane.view.extraSelections() == []


# -- zoom ------------------------------------------------------------------------------------


def test_zoom_changes_font_size_and_reports(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_file(KAAG))
    size = pane.view.document().defaultFont().pointSizeF()
    height = pane.view.document().size().height()
    with qtbot.waitSignal(pane.zoom_changed) as blocker:
        pane.zoom_in_action.trigger()
    assert blocker.args == [1]
    assert pane.zoom_level == 1
    assert pane.view.document().defaultFont().pointSizeF() > size
    assert pane.view.document().size().height() > height

    pane.zoom_out()
    pane.zoom_out()
    assert pane.zoom_level == -1
    assert pane.view.document().defaultFont().pointSizeF() < size
    pane.reset_zoom_action.trigger()
    assert pane.view.document().defaultFont().pointSizeF() == size


def test_zoom_is_clamped_and_restorable(pane: ReaderPane, qtbot) -> None:
    for _ in range(40):
        pane.zoom_in()
    top = pane.zoom_level
    with qtbot.assertNotEmitted(pane.zoom_changed):
        pane.zoom_in()
    pane.set_zoom_level(3)
    assert (top, pane.zoom_level) == (10, 3)


def test_ctrl_wheel_zooms_through_the_same_level(pane: ReaderPane, qtbot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(10, 10),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    pane.view.wheelEvent(event)
    assert pane.zoom_level == 1


def test_text_column_is_narrow_on_wide_windows(pane: ReaderPane, qtbot) -> None:
    pane.resize(1600, 700)
    pane.show_document(opened_from_file(KAAG))
    qtbot.waitUntil(lambda: pane.view.document().rootFrame().frameFormat().leftMargin() > 100)
    frame = pane.view.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin()
    block = pane.view.document().begin().blockFormat()
    assert block.lineHeight() == 140


# -- passages (bookmarks later) --------------------------------------------------------------


def test_scroll_to_text_selects_the_passage(pane: ReaderPane) -> None:
    pane.show_document(opened_from_file(KAAG))
    assert pane.scroll_to_text("Jordanië  draagt een enorme last")  # whitespace-tolerant
    assert pane.selected_plain_text() == "Jordanië draagt een enorme last"
    assert not pane.scroll_to_text("tekst die er niet staat")


# -- header ----------------------------------------------------------------------------------


def test_header_shows_metadata_and_buttons_emit_the_path(pane: ReaderPane, qtbot) -> None:
    opened = opened_from_markdown("Body.", title="Sanctions update")
    pane.show_document(opened)
    header = pane.header
    assert header.title_label.text() == "Sanctions update"
    meta = header.meta_label.text()
    assert "2018" in meta and "Ministry of Tests" in meta and "English" in meta
    assert "alpha, beta" in meta
    assert header.path_label.full_text() == "/nowhere/test.md"
    assert header.problem_row.isHidden()
    with qtbot.waitSignal(pane.open_file_requested) as opened_signal:
        qtbot.mouseClick(header.open_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pane.show_in_folder_requested) as folder_signal:
        qtbot.mouseClick(header.folder_button, Qt.MouseButton.LeftButton)
    assert opened_signal.args == folder_signal.args == ["/nowhere/test.md"]


def test_header_elides_long_paths_and_shows_problems(pane: ReaderPane) -> None:
    document = read_document(KAAG)
    entry = _entry(document)
    long_path = "/very" + "/deeply/nested" * 30 + "/release.txt"
    entry = CatalogEntry(**{**entry.__dict__, "path": long_path})
    pane.show_document(
        OpenedDocument(entry=entry, document=document, problem="The file changed.", entities=[])
    )
    label = pane.header.path_label
    assert label.text() != long_path and "…" in label.text()
    assert label.toolTip() == long_path
    assert pane.header.problem_row.isVisible()
    assert pane.header.problem_label.text() == "The file changed."


def test_key_widgets_are_named_for_automation(pane: ReaderPane) -> None:
    view = pane.findChild(ReaderView, "readerView")
    assert view is pane.view and view.accessibleName()
    assert pane.find_bar.line_edit.accessibleName()


# -- matching (the plain Python part: tests/core/test_text_matching.py) ---------------------


def test_highlights_after_astral_characters_land_on_the_word(pane: ReaderPane) -> None:
    # Qt counts UTF-16 units: an emoji before the word must not shift the highlight.
    pane.show_document(opened_from_markdown("😀😀 Jordanië werkt."))
    pane.set_highlight_terms(["jordanie"])
    assert [s.cursor.selectedText() for s in pane.view.extraSelections()] == ["Jordanië"] * 2


def test_escape_in_the_document_closes_the_find_bar(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_markdown(COUNTING))
    pane.show_find()
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)
    assert pane.find_bar.isHidden()


# -- long documents ------------------------------------------------------------------------------


MIXED_BLOCKS = """# Kop

Een alinea met *nadruk*.

- punt een
- punt twee

> Een citaat.

| land | aantal |
|---|---|
| Jordanië | 3 |

    code

## Tweede kop
Slot.
"""


def test_every_block_is_shown_with_the_reading_line_height(pane: ReaderPane) -> None:
    pane.show_document(opened_from_markdown(MIXED_BLOCKS))
    heights = set()
    block = pane.view.document().begin()
    while block.isValid():
        if block.text():
            style = block.blockFormat()
            heights.add((style.lineHeightType(), style.lineHeight()))
        block = block.next()
    proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert heights == {(proportional, LINE_HEIGHT_PERCENT)}


def test_html_rendered_elsewhere_is_shown_as_given(pane: ReaderPane) -> None:
    opened = opened_from_markdown("# Kop\n\nTekst.")
    pane.show_document(opened, "<h1>Kop</h1><p>Al gemaakt.</p>")
    assert pane.view.document().toPlainText() == "Kop\nAl gemaakt."


def _hits_in_view(view: ReaderView, word: str) -> list[int]:
    area = view.viewport().rect()
    top = view.cursorForPosition(area.topLeft()).position()
    bottom = view.cursorForPosition(area.bottomRight()).position()
    starts, cursor = [], view.document().find(word, top)
    while not cursor.isNull() and cursor.selectionEnd() <= bottom:
        starts.append(cursor.selectionStart())
        cursor = view.document().find(word, cursor)
    return starts


def test_many_hits_in_a_long_document_are_highlighted_where_the_reader_looks(
    pane: ReaderPane,
) -> None:
    paragraphs = [f"Alinea {i}: de minister sprak." for i in range(3000)]
    pane.show_document(opened_from_markdown("\n\n".join(paragraphs)))
    pane.set_highlight_terms(["minister"])
    assert pane.hit_position() == (1, 3000)
    view = pane.view

    def highlighted() -> set[int]:
        return {s.cursor.selectionStart() for s in view.extraSelections()}

    # Qt is given the hits near the text in view only (all of them took seconds in big files).
    assert 0 < len(highlighted()) < 3000
    assert set(_hits_in_view(view, "minister")) <= highlighted()
    bar = view.verticalScrollBar()
    for value in (bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        in_view = _hits_in_view(view, "minister")
        assert in_view and set(in_view) <= highlighted()
    # Stepping to a hit far away highlights it as the current one.
    pane.previous_hit_action.trigger()
    assert pane.hit_position() == (3000, 3000)
    assert view.document().find("Alinea 2999").selectionStart() < max(highlighted())


def _half_way_through_a_long_document(pane: ReaderPane) -> int:
    """Show a long document scrolled to its middle; the position first in view."""
    paragraphs = [f"Alinea {i}: de minister sprak over de begroting." for i in range(3000)]
    pane.show_document(opened_from_markdown("\n\n".join(paragraphs)))
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    first_in_view = pane.view.cursorForPosition(QPoint(0, 0)).position()
    assert first_in_view > 50_000
    return first_in_view


def _still_first_in_view(view: ReaderView, position: int) -> bool:
    # The same passage at the top: a line's worth of characters either way.
    return abs(view.cursorForPosition(QPoint(0, 0)).position() - position) < 120


def test_zooming_keeps_the_reader_s_place_in_a_long_document(pane: ReaderPane) -> None:
    first_in_view = _half_way_through_a_long_document(pane)
    for zoom in (pane.view.zoom_in, pane.view.zoom_in, pane.view.zoom_out):
        zoom()
        assert _still_first_in_view(pane.view, first_in_view)


def test_a_light_dark_switch_keeps_the_reader_s_place(pane: ReaderPane) -> None:
    first_in_view = _half_way_through_a_long_document(pane)
    palette = pane.view.palette()
    palette.setColor(palette.ColorRole.Mid, QColor("#202020"))
    pane.view.setPalette(palette)  # re-renders: the table rules follow the palette
    assert _still_first_in_view(pane.view, first_in_view)


def test_the_text_keeps_the_title_s_indent_in_a_narrow_reader(pane: ReaderPane, qtbot) -> None:
    # Issue 19, bug 14: in a reader narrower than the text column (a 1280 px window with its
    # panels) the body text touched the left border while the title above it was indented.
    pane.resize(420, 700)
    pane.show_document(opened_from_file(KAAG))
    qtbot.waitUntil(lambda: pane.view.viewport().width() < 420)
    view = pane.view
    start = view.cursorRect(QTextCursor(view.document()))
    title_x = pane.header.title_label.mapTo(pane, QPoint(0, 0)).x()
    text_x = view.viewport().mapTo(pane, start.topLeft()).x()
    assert abs(text_x - title_x) <= 4, (text_x, title_x)
