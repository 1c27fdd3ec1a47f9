"""The reader: a header, the rendered document and a find bar.

Documents are untrusted. Raw HTML is escaped by briefing_app.render, and the view refuses
every resource except inline `data:` images, so opening a document never touches the
network or the disk.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing_app.bookmarks import Bookmark, BookmarkStatus
from briefing_app.bookmarks.citation import Citation, quote_html, quote_text
from briefing_app.library.library import OpenedDocument
from briefing_app.render import render_document
from briefing_app.ui.bookmark_text import bookmark_tooltip
from briefing_app.ui.find_bar import FindBar
from briefing_app.ui.passage_mapping import passages_in_view, view_to_document, whole_words
from briefing_app.ui.pdf_export import prepare_for_print
from briefing_app.ui.reader_header import INDENT as HEADER_INDENT
from briefing_app.ui.reader_header import ReaderHeader, format_date
from briefing_app.ui.text_matching import Matches, Span, ViewText, spans_in_window

BASE_POINT_SIZE = 12.0
MARK_MAX_WORDS = 8  # "Mark as person": a name, not a passage
ZOOM_STEP = 1.1  # each zoom step scales the text by 10 %
ZOOM_MIN, ZOOM_MAX = -5, 10
COLUMN_CHARACTERS = 75  # the longest comfortable line
LINE_HEIGHT_PERCENT = 140
# Highlights in a document longer than this are given to Qt only near the text in view,
# SELECTION_MARGIN characters either side of it (in a shorter one, all at once).
WINDOW_ABOVE_CHARS = 40_000
SELECTION_MARGIN = 20_000
DOCUMENT_MARGIN = 16  # pixels around the text column
READER_FONTS = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "serif"]

# Fixed soft tints with dark text: readable on light and dark palettes alike.
DARK_TEXT = QColor("#1a1a1a")
HIT_COLOUR = QColor("#fff3a3")
CURRENT_HIT_COLOUR = QColor("#ffb64d")
ENTITY_COLOUR = QColor("#c8ecd4")
FIND_COLOUR = QColor("#cfe3ff")
CURRENT_FIND_COLOUR = QColor("#7fb2ff")
BOOKMARK_COLOUR = QColor("#c4ece6")  # soft teal
CURRENT_BOOKMARK_COLOUR = QColor("#8fd8cc")

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


# -- the document view ---------------------------------------------------------------------


class ReaderView(QTextBrowser):
    """Shows one document as HTML: safe, readable, with hit/entity/find highlights."""

    hits_changed = Signal(int, int)  # current (1-based), total
    find_changed = Signal(int, int)
    zoom_changed = Signal(int)
    link_activated = Signal(QUrl)  # http(s) and mailto only, and only when clicked
    bookmark_clicked = Signal(str)  # bookmark id: a click (no selection) on a bookmarked passage
    context_menu_wanted = Signal(QPoint)  # global position; the pane builds the menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName(self.tr("Document"))
        self.setAccessibleDescription(self.tr("The text of the open document"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setPlaceholderText(self.tr("Select a result to read it here"))
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        # A caret, as in caret browsing: Shift+arrows (and Shift+Ctrl+arrows) select, so a
        # passage is bookmarked without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        self.blocked_resources: list[str] = []
        self._opened: OpenedDocument | None = None
        self._html = ""
        self._zoom = 0
        self._text: ViewText | None = None
        self._hit_terms: list[str] = []
        self._entity_surfaces: list[str] = []
        self._find_text = ""
        self._hits = Matches()
        self._entities = Matches()
        self._finds = Matches()
        self._formats: dict[str, QTextCharFormat] = {}
        self._bookmarks: dict[str, Bookmark] = {}
        self._bookmark_spans: dict[str, Span] = {}  # UTF-16 offsets in the view
        self._current_bookmark: str | None = None
        self._document_text = ""  # Document.text the bookmark offsets refer to
        # The view positions (Qt's) whose highlights Qt was given; None: all of them.
        self._selection_window: tuple[int, int] | None = None
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._apply_font()

    # -- showing documents -----------------------------------------------------------------

    @property
    def opened(self) -> OpenedDocument | None:
        return self._opened

    def show_document(self, opened: OpenedDocument, rendered: str | None = None) -> None:
        """Render the document; the current hit terms and entity highlights carry over.
        `rendered`: its HTML made off the GUI thread (`render_document`; a 1 MB document
        takes a third of a second), or None to make it here."""
        if self._opened is None or self._opened.entry.id != opened.entry.id:
            self._bookmarks, self._bookmark_spans, self._current_bookmark = {}, {}, None
        self._opened = opened
        document = opened.document
        if document is None:
            problem = opened.problem or self.tr("The file could not be read.")
            heading = self.tr("This document cannot be shown")
            self._html = f"<h2>{html.escape(heading)}</h2><p>{html.escape(problem)}</p>"
        elif rendered is not None:
            self._html = rendered
        else:
            self._html = render_document(document.markdown, document.text)
        self._render()
        self._scroll_to_span(self._hits.current_span())

    def reload_document(
        self, opened: OpenedDocument, rendered: str | None, words: list[str]
    ) -> None:
        """The open document as the library now has it (its file changed): new text and
        highlights, the reading place kept."""

        def change() -> None:
            self._hit_terms = [w for w in words if w.strip()]
            self.show_document(opened, rendered)

        self._keeping_the_place(change)

    def clear_document(self) -> None:
        """Back to the empty state ("Select a result to read it here")."""
        self._opened = None
        self._html = ""
        self._bookmarks, self._bookmark_spans, self._current_bookmark = {}, {}, None
        self.clear()
        self._text = None
        self._refresh_matches()

    def _render(self) -> None:
        self.document().setDefaultStyleSheet(self._style_sheet())
        self.setHtml(self._html)
        self.document().setUndoRedoEnabled(False)
        self._text = None
        self._update_column()
        self._map_bookmarks()
        self._refresh_matches()

    def _style_sheet(self) -> str:
        rule = self.palette().color(QPalette.ColorRole.Mid).name()
        return (
            # Every block's line height (a unitless factor: Qt reads "140%" as single spacing).
            # As a style, not a cursor over the whole document: that took 0.45 s a megabyte.
            f"* {{ line-height: {LINE_HEIGHT_PERCENT / 100}; }}"
            "h1, h2, h3, h4 { font-weight: 600; margin-top: 18px; margin-bottom: 6px; }"
            "p, li { margin-bottom: 8px; }"
            f"table {{ border-collapse: collapse; border: 1px solid {rule}; margin: 8px 0; }}"
            f"th, td {{ border: 1px solid {rule}; padding: 4px 8px; }}"
            "code, pre { font-family: monospace; }"
            "blockquote { margin-left: 18px; font-style: italic; }"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The table rules follow the palette, so a light/dark switch re-renders.
        if event.type() == QEvent.Type.PaletteChange and self._html:
            self._keeping_the_place(self._render)

    # -- resources and links ---------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        url = QUrl(name)
        if url.scheme().lower() == "data":
            return None  # QTextDocument decodes data: URLs itself; nothing is fetched
        self.blocked_resources.append(url.toString())
        # Not None: on a null result QTextDocument falls back to reading local files itself.
        if type == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return ""

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_LINK_SCHEMES:
            self.link_activated.emit(url)
        elif not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        # javascript:, file: and anything else: ignored on purpose.

    # -- typography and zoom ---------------------------------------------------------------

    @property
    def zoom_level(self) -> int:
        return self._zoom

    def set_zoom_level(self, level: int) -> None:
        level = max(ZOOM_MIN, min(ZOOM_MAX, int(level)))
        if level == self._zoom:
            return
        self._zoom = level
        self._keeping_the_place(self._apply_font)
        self.zoom_changed.emit(level)

    def zoom_in(self) -> None:
        self.set_zoom_level(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom_level(self._zoom - 1)

    def reset_zoom(self) -> None:
        self.set_zoom_level(0)

    def point_size(self) -> float:
        return round(BASE_POINT_SIZE * ZOOM_STEP**self._zoom * 2) / 2

    def _apply_font(self) -> None:
        font = QFont(self.font())
        font.setFamilies(READER_FONTS)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(self.point_size())
        self.document().setDefaultFont(font)
        self._update_column()

    def _update_column(self) -> None:
        """Centre a column of about COLUMN_CHARACTERS characters (Qt ignores CSS max-width)."""
        metrics = QFontMetricsF(self.document().defaultFont())
        column = metrics.averageCharWidth() * COLUMN_CHARACTERS
        # Never less than the header's indent, so a narrow reader's text lines up with the
        # title above it instead of touching the border.
        least = float(max(0, HEADER_INDENT - self.frameWidth()))
        side = max(least, (self.viewport().width() - column) / 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if abs(frame_format.leftMargin() - side) < 1:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        root.setFrameFormat(frame_format)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_column()
        self._on_scrolled()  # more text may be in view

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel goes through our zoom so the level stays in step with the font.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        else:
            super().keyPressEvent(event)

    # -- highlights ------------------------------------------------------------------------

    def set_highlight_terms(self, words: list[str]) -> None:
        """Highlight whole-word occurrences (ignoring case and accents); go to the first."""
        self._hit_terms = [w for w in words if w.strip()]
        self._refresh_matches()
        self._scroll_to_span(self._hits.current_span())

    def set_entity_highlight(self, surfaces: list[str]) -> None:
        """Highlight an entity's mentions in their own colour; an empty list clears them."""
        self._entity_surfaces = [s for s in surfaces if s.strip()]
        self._refresh_matches()
        if self._entities.spans and not any(map(self._is_visible, self._entities.spans)):
            self._scroll_to_span(self._entities.spans[0])

    def next_hit(self) -> None:
        if self._hits.step(1):
            self._show_current(self._hits)
            self._caret_to(self._hits.current_span())
            self.hits_changed.emit(*self._hits.position())

    def previous_hit(self) -> None:
        if self._hits.step(-1):
            self._show_current(self._hits)
            self._caret_to(self._hits.current_span())
            self.hits_changed.emit(*self._hits.position())

    def _caret_to(self, span: Span | None) -> None:
        """The caret to the start of a hit (F3): Shift+arrows select from there."""
        if span is not None:
            start = self._view_position(span[0])
            self.setTextCursor(self._cursor16((start, start)))

    def hit_position(self) -> tuple[int, int]:
        return self._hits.position()

    def go_to_hit(self, index: int) -> None:
        """Make hit `index` (0-based) the current one and show it (back to a document)."""
        if self._hits.go_to(index):
            self._show_current(self._hits)
            self.hits_changed.emit(*self._hits.position())

    def entity_mention_count(self) -> int:
        return len(self._entities.spans)

    def set_find_text(self, text: str) -> None:
        """Find as you type: case- and accent-insensitive, any part of a word."""
        self._find_text = text
        self._refresh_matches()
        self._scroll_to_span(self._finds.current_span())

    def find_next(self) -> None:
        if self._finds.step(1):
            self._show_current(self._finds)
            self.find_changed.emit(*self._finds.position())

    def find_previous(self) -> None:
        if self._finds.step(-1):
            self._show_current(self._finds)
            self.find_changed.emit(*self._finds.position())

    def find_position(self) -> tuple[int, int]:
        return self._finds.position()

    def _view_text(self) -> ViewText:
        if self._text is None:  # made again only when the document changes
            self._text = ViewText(self.document().toPlainText())
        return self._text

    def _refresh_matches(self) -> None:
        text = self._view_text()
        self._hits.reset(text.find(self._hit_terms, whole_words=True))
        self._entities.reset(text.find(self._entity_surfaces, whole_words=True))
        finds = [self._find_text] if self._find_text.strip() else []
        self._finds.reset(text.find(finds, whole_words=False))
        self._paint_selections()
        self.hits_changed.emit(*self._hits.position())
        self.find_changed.emit(*self._finds.position())

    def _show_current(self, matches: Matches) -> None:
        self._paint_selections()
        self._scroll_to_span(matches.current_span())

    def _paint_selections(self) -> None:
        # Later selections paint over earlier ones: entities < hits < find < current ones.
        layers = [
            (self._entities.spans, ENTITY_COLOUR),
            (self._hits.spans, HIT_COLOUR),
            (self._finds.spans, FIND_COLOUR),
        ]
        # Qt lays out every block up to each selection it is given (to know what to repaint):
        # 6,000 hits in a 3 MB document took 1.2 s, 200 in 0.2 MB 90 ms. In a long document
        # only the ones near the text in view are given; scrolling away gives the next ones.
        long = self.document().characterCount() > WINDOW_ABOVE_CHARS
        window = self._window_around_view() if long else None
        self._selection_window = window
        to_qt = self._view_text().to_qt

        # Inside an edit block a cursor does not lay out its block to learn its x position.
        batch = QTextCursor(self.document())
        batch.beginEditBlock()
        try:
            selections = [
                self._bookmark_selection(span)
                for span in spans_in_window(self._bookmark_spans.values(), window)
            ]
            if self._current_bookmark in self._bookmark_spans:
                current = self._bookmark_spans[self._current_bookmark]
                selections.append(self._bookmark_selection(current, CURRENT_BOOKMARK_COLOUR))
            selections += [
                self._selection(span, colour)
                for spans, colour in layers
                for span in spans_in_window(spans, window, to_qt)
            ]
            for matches, colour in (
                (self._hits, CURRENT_HIT_COLOUR),
                (self._finds, CURRENT_FIND_COLOUR),
            ):
                span = matches.current_span()
                if span is not None:
                    selections.append(self._selection(span, colour))
        finally:
            batch.endEditBlock()
        self.setExtraSelections(selections)

    def _view_position(self, position: int) -> int:
        return self._view_text().to_qt(position)

    def _view_range(self) -> tuple[int, int]:
        """The text in view, in Qt's positions."""
        area = self.viewport().rect()
        top = self.cursorForPosition(area.topLeft()).position()
        return top, self.cursorForPosition(area.bottomRight()).position()

    def _window_around_view(self) -> tuple[int, int]:
        top, bottom = self._view_range()
        if bottom - top > SELECTION_MARGIN:
            # Not laid out yet (a document just shown): Qt cannot tell what is in view. The
            # view is about to go to the current hit or find, if any.
            current = self._finds.current_span() or self._hits.current_span()
            top = bottom = self._view_position(current[0]) if current else top
        return max(0, top - SELECTION_MARGIN), bottom + SELECTION_MARGIN

    def _on_scrolled(self) -> None:
        window = self._selection_window
        if window is None:
            return
        top, bottom = self._view_range()
        in_view_known = bottom - top <= SELECTION_MARGIN
        if in_view_known and (top < window[0] or bottom > window[1]):
            self._paint_selections()

    def _cursor(self, span: Span) -> QTextCursor:
        return self._cursor16((self._view_position(span[0]), self._view_position(span[1])))

    def _selection(self, span: Span, colour: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(span)
        selection.format = self._highlight_format(colour)
        return selection

    def _highlight_format(self, colour: QColor) -> QTextCharFormat:
        # One shared format per colour: cheaper for documents with thousands of hits.
        key = colour.name()
        if key not in self._formats:
            char_format = QTextCharFormat()
            char_format.setBackground(colour)
            char_format.setForeground(DARK_TEXT)
            self._formats[key] = char_format
        return self._formats[key]

    def _is_visible(self, span: Span) -> bool:
        rect = self.cursorRect(self._cursor((span[0], span[0])))
        return self.viewport().rect().contains(rect)

    def _scroll_to_span(self, span: Span | None) -> None:
        if span is not None:
            self._bring_into_view(self._cursor((span[0], span[0])))

    def _bring_into_view(self, cursor: QTextCursor) -> None:
        """Scroll `cursor` about a third down the page, unless it is already in view."""
        rect = self.cursorRect(cursor)
        if not self.viewport().rect().contains(rect):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def _keeping_the_place(self, change: Callable[[], None]) -> None:
        """Run `change` (a new font, a re-render) with the line first in view staying first:
        Qt lays the text out again from the top, and the scroll bar's old value would land
        elsewhere (in a long text, near the start)."""
        first_in_view = self.cursorForPosition(QPoint(0, 0)).position()
        at_start = first_in_view == 0 and self.verticalScrollBar().value() == 0
        change()
        if not at_start:
            rect = self.cursorRect(self._cursor16((first_in_view, first_in_view)))
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top())

    # -- passages (for bookmarks) ----------------------------------------------------------

    def scroll_to_text(self, text: str) -> bool:
        """Select the first occurrence of a passage (whitespace, case and accents aside)."""
        spans = self._view_text().find([text], whole_words=False)
        if not spans:
            return False
        cursor = self._cursor(spans[0])
        self.setTextCursor(cursor)
        self._scroll_to_span(spans[0])
        return True

    def set_bookmarks(self, bookmarks: list[Bookmark], document_text: str | None = None) -> None:
        """Highlight bookmarked passages of the open document (orphans have no place to go).

        Offsets are code points in `document_text` (Document.text of the open document)."""
        if document_text is None:
            document = self._opened.document if self._opened is not None else None
            document_text = document.text if document is not None else ""
        self._document_text = document_text
        self._bookmarks = {b.id: b for b in bookmarks if b.status != BookmarkStatus.ORPHANED}
        self._map_bookmarks()
        self._paint_selections()

    def _map_bookmarks(self) -> None:
        text = self._document_text
        self._bookmark_spans = {}
        if self._bookmarks and text:
            anchors = {b.id: b.anchor for b in self._bookmarks.values()}
            self._bookmark_spans = passages_in_view(anchors, text, self.document().toPlainText())

    def bookmark_ids(self) -> list[str]:
        """The bookmarks highlighted in the view, in text order."""
        return sorted(self._bookmark_spans, key=lambda i: self._bookmark_spans[i])

    def bookmark_at(self, position: int) -> Bookmark | None:
        """The bookmark whose highlighted passage covers a (UTF-16) cursor position."""
        for bookmark_id, (start, end) in self._bookmark_spans.items():
            if start <= position < end:
                return self._bookmarks.get(bookmark_id)
        return None

    def bookmark_text(self, bookmark_id: str) -> str:
        """The text highlighted for a bookmark, as the view shows it ("" if not shown)."""
        span = self._bookmark_spans.get(bookmark_id)
        if span is None:
            return ""
        cursor = self._cursor16(span)
        return cursor.selectedText().replace("\u2029", "\n")

    def scroll_to_bookmark(self, bookmark_id: str) -> bool:
        """Bring a bookmarked passage into view, marked as the current one."""
        span = self._bookmark_spans.get(bookmark_id)
        if span is None:
            return False
        self._current_bookmark = bookmark_id
        self._paint_selections()
        self._bring_into_view(self._cursor16((span[0], span[0])))
        return True

    def selection_span(self) -> Span | None:
        """The selected passage as code-point offsets into Document.text (None: no passage)."""
        document = self._opened.document if self._opened is not None else None
        cursor = self.textCursor()
        if document is None or not cursor.hasSelection():
            return None
        span = view_to_document(
            self.document().toPlainText(),
            cursor.selectionStart(),
            cursor.selectionEnd(),
            document.text,
        )
        return None if span is None else whole_words(document.text, *span)

    def select_view_span(self, start16: int, end16: int) -> None:
        """Select text by UTF-16 offsets of the view (tests and keyboard users' helpers)."""
        cursor = self._cursor16((start16, end16))
        self.setTextCursor(cursor)

    def _cursor16(self, span: Span) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _bookmark_selection(
        self, span: Span, colour: QColor = BOOKMARK_COLOUR
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor16(span)  # bookmark spans are in Qt's offsets already
        selection.format = self._highlight_format(colour)
        return selection

    def event(self, event: QEvent) -> bool:
        # Hovering a bookmarked passage shows its note (or its quote when it has none).
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(self.viewport().mapFrom(self, event.pos()))
            bookmark = self.bookmark_at(position.position())
            if bookmark is not None:
                QToolTip.showText(event.globalPos(), bookmark_tooltip(bookmark), self)
                return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            bookmark = self.bookmark_at(
                self.cursorForPosition(event.position().toPoint()).position()
            )
            if bookmark is not None:
                self.bookmark_clicked.emit(bookmark.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_wanted.emit(event.globalPos())

    def selection_citation(self) -> Citation | None:
        """Where the selected passage comes from: the document's title, issuer, date and
        file, and the page it starts on in a document with pages (None: nothing selected)."""
        opened = self._opened
        if opened is None or opened.document is None or not self.textCursor().hasSelection():
            return None
        span = self.selection_span()
        entry, document = opened.entry, opened.document
        page = document.page_of(span[0]) if span is not None else 0
        title = entry.title or document.title
        return Citation(title, entry.path, entry.date, entry.source or document.source, page)

    def printable_document(self, highlights: bool = True) -> QTextDocument:
        """A copy of the shown document to print: a heading with its citation (title, issuer,
        date, file), then the text, with the search hits, entity mentions, finds and
        bookmarked passages highlighted (or not) as in the reader: all of them, not only
        those near the text in view."""
        copy = self.document().clone()
        if highlights:
            to_qt = self._view_text().to_qt
            spans = [(span, BOOKMARK_COLOUR) for span in self._bookmark_spans.values()]
            spans += [
                ((to_qt(start), to_qt(end)), colour)
                for matches, colour in (
                    (self._entities, ENTITY_COLOUR),
                    (self._hits, HIT_COLOUR),
                    (self._finds, FIND_COLOUR),
                )
                for start, end in matches.spans
            ]
            cursor = QTextCursor(copy)
            cursor.beginEditBlock()
            for (start, end), colour in spans:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(self._highlight_format(colour))
            cursor.endEditBlock()
        prepare_for_print(copy, self.document().defaultFont())
        opened = self._opened
        if opened is not None:
            entry = opened.entry
            citation = Citation(entry.title, entry.path, entry.date, entry.source)
            heading = QTextCursor(copy)
            heading.movePosition(QTextCursor.MoveOperation.Start)
            heading.insertBlock()
            heading.movePosition(QTextCursor.MoveOperation.Start)
            heading.insertHtml(
                f"<h1>{html.escape(citation.parts()[0])}</h1>"
                f"<p>{html.escape(', '.join(citation.parts(format_date)[1:]))}<br>"
                f"<small>{html.escape(entry.path)}</small></p>"
            )
        return copy

    def selected_plain_text(self) -> str:
        # Qt separates paragraphs in a selection with U+2029.
        return self.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def heading_texts(self) -> list[str]:
        """The document's headings in order (used for tests and an outline later)."""
        headings = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                headings.append(block.text())
            block = block.next()
        return headings


# -- the pane the window embeds ------------------------------------------------------------


class ReaderPane(QWidget):
    """Header + ReaderView + FindBar, with the actions the window puts in its menus."""

    hits_changed = Signal(int, int)
    zoom_changed = Signal(int)
    link_activated = Signal(QUrl)
    open_file_requested = Signal(str)
    show_in_folder_requested = Signal(str)
    bookmark_requested = Signal()  # "Bookmark passage" (Ctrl+D, context menu)
    bookmark_clicked = Signal(str)  # bookmark id
    # "Mark as person/organization/country": entity type, the selected words
    mark_entity_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.header = ReaderHeader()
        self.view = ReaderView()
        self.find_bar = FindBar()
        self.hit_bar = self._make_hit_bar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.hit_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.header.hide()

        self.header.open_file_requested.connect(self.open_file_requested)
        self.header.show_in_folder_requested.connect(self.show_in_folder_requested)
        self.view.link_activated.connect(self.link_activated)
        self.view.zoom_changed.connect(self.zoom_changed)
        self.view.hits_changed.connect(self._on_hits_changed)
        self.view.find_changed.connect(self.find_bar.set_position)
        self.find_bar.find_text_changed.connect(self.view.set_find_text)
        self.find_bar.next_requested.connect(self.view.find_next)
        self.find_bar.previous_requested.connect(self.view.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.view.bookmark_clicked.connect(self.bookmark_clicked)
        self.view.context_menu_wanted.connect(self._show_context_menu)
        self.view.selectionChanged.connect(self._update_bookmark_action)
        self._make_actions()
        self._update_bookmark_action()

    def _make_hit_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("hitBar")
        self.hit_label = QLabel()
        self.hit_label.setObjectName("hitPosition")
        self.hit_label.setAccessibleName(self.tr("Search hit position"))
        previous = QToolButton(bar)
        previous.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        previous.setToolTip(self.tr("Previous hit (Shift+F3)"))
        previous.setAutoRaise(True)
        previous.clicked.connect(self.previous_hit)
        following = QToolButton(bar)
        following.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        following.setToolTip(self.tr("Next hit (F3)"))
        following.setAutoRaise(True)
        following.clicked.connect(self.next_hit)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(12, 0, 12, 2)
        layout.addStretch(1)
        layout.addWidget(self.hit_label)
        layout.addWidget(previous)
        layout.addWidget(following)
        bar.hide()
        return bar

    def _make_actions(self) -> None:
        """Actions carry the standard shortcuts; the window adds them to its menus."""

        def action(text: str, keys: list[QKeySequence], slot: object) -> QAction:
            made = QAction(text, self)
            made.setShortcuts(keys)
            made.triggered.connect(slot)
            return made

        key = QKeySequence
        self.find_action = action(
            self.tr("&Find in Document…"), [key(key.StandardKey.Find)], self.show_find
        )
        self.next_hit_action = action(self.tr("Next &Hit"), [key(Qt.Key.Key_F3)], self.next_hit)
        self.previous_hit_action = action(
            self.tr("Previous H&it"), [key(Qt.Modifier.SHIFT | Qt.Key.Key_F3)], self.previous_hit
        )
        self.zoom_in_action = action(
            self.tr("Zoom &In"), [key(key.StandardKey.ZoomIn), key("Ctrl+=")], self.zoom_in
        )
        self.zoom_out_action = action(
            self.tr("Zoom &Out"), [key(key.StandardKey.ZoomOut)], self.zoom_out
        )
        self.reset_zoom_action = action(self.tr("&Actual Size"), [key("Ctrl+0")], self.reset_zoom)
        self.bookmark_action = action(
            self.tr("&Bookmark Passage"), [key("Ctrl+D")], self.bookmark_requested.emit
        )
        self.bookmark_action.setObjectName("bookmarkPassageAction")
        self.bookmark_action.setToolTip(self.tr("Bookmark the selected passage (Ctrl+D)"))
        self.mark_actions = {
            kind: self._mark_action(kind, text)
            for kind, text in (
                ("person", self.tr("Mark as Person")),
                ("org", self.tr("Mark as Organization")),
                ("country", self.tr("Mark as Country")),
            )
        }
        self.copy_citation_action = action(
            self.tr("Copy with &Citation"), [key("Ctrl+Shift+C")], self.copy_with_citation
        )
        self.copy_citation_action.setObjectName("copyWithCitationAction")
        self.copy_citation_action.setToolTip(
            self.tr("Copy the selected passage with its title, issuer, date and file")
        )

    def actions_for_menus(self) -> list[QAction]:
        return [
            self.bookmark_action,
            self.copy_citation_action,
            self.find_action,
            self.next_hit_action,
            self.previous_hit_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.reset_zoom_action,
        ]

    # -- documents -------------------------------------------------------------------------

    def show_document(self, opened: OpenedDocument, rendered: str | None = None) -> None:
        self.header.show_document(opened)
        self.header.show()
        self.view.show_document(opened, rendered)

    def reload_document(
        self, opened: OpenedDocument, rendered: str | None, words: list[str]
    ) -> None:
        """The open document's new text, the reading place kept (see ReaderView)."""
        self.header.show_document(opened)
        self.header.show()
        self.view.reload_document(opened, rendered, words)

    def clear_document(self) -> None:
        self.header.clear()
        self.header.hide()
        self.view.clear_document()

    # -- forwarded view API ----------------------------------------------------------------

    def set_highlight_terms(self, words: list[str]) -> None:
        self.view.set_highlight_terms(words)

    def set_entity_highlight(self, surfaces: list[str]) -> None:
        self.view.set_entity_highlight(surfaces)

    def next_hit(self) -> None:
        self.view.next_hit()

    def previous_hit(self) -> None:
        self.view.previous_hit()

    def hit_position(self) -> tuple[int, int]:
        return self.view.hit_position()

    def go_to_hit(self, index: int) -> None:
        self.view.go_to_hit(index)

    def show_find(self) -> None:
        self.find_bar.open_bar()
        if self.find_bar.text():
            self.view.set_find_text(self.find_bar.text())

    @property
    def zoom_level(self) -> int:
        return self.view.zoom_level

    def set_zoom_level(self, level: int) -> None:
        self.view.set_zoom_level(level)

    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def reset_zoom(self) -> None:
        self.view.reset_zoom()

    def scroll_to_text(self, text: str) -> bool:
        return self.view.scroll_to_text(text)

    def selected_plain_text(self) -> str:
        return self.view.selected_plain_text()

    def set_bookmarks(self, bookmarks: list[Bookmark], document_text: str | None = None) -> None:
        self.view.set_bookmarks(bookmarks, document_text)

    def selection_span(self) -> Span | None:
        return self.view.selection_span()

    def scroll_to_bookmark(self, bookmark_id: str) -> bool:
        return self.view.scroll_to_bookmark(bookmark_id)

    def context_menu(self) -> QMenu:
        """The reader's context menu: standard copy/select, Copy with citation, then Bookmark
        passage."""
        menu = self.view.createStandardContextMenu()
        menu.setObjectName("readerContextMenu")
        menu.addSeparator()
        menu.addAction(self.copy_citation_action)
        menu.addAction(self.bookmark_action)
        # The selected words name an entity the panels missed: kept like other corrections.
        words = self.markable_text()
        menu.addSeparator()
        for mark in self.mark_actions.values():
            mark.setEnabled(bool(words))
            menu.addAction(mark)
        return menu

    def _mark_action(self, kind: str, text: str) -> QAction:
        mark = QAction(text, self)
        mark.setObjectName(f"mark{kind.capitalize()}Action")
        mark.setToolTip(self.tr("The selected words name it, in every document"))
        mark.triggered.connect(lambda: self._request_mark(kind))
        return mark

    def markable_text(self) -> str:
        """The selection, if it can name an entity: a few words on one line ("" if not)."""
        if self.view.opened is None:
            return ""
        text = self.view.selected_plain_text().strip()
        words = text.split()
        if not words or "\n" in text or len(words) > MARK_MAX_WORDS or len(text) > 120:
            return ""
        return " ".join(words)

    def _request_mark(self, kind: str) -> None:
        words = self.markable_text()
        if words:
            self.mark_entity_requested.emit(kind, words)

    def citation_texts(self) -> tuple[str, str] | None:
        """The selected passage with its citation, as plain text and as HTML (None: no
        passage selected)."""
        citation = self.view.selection_citation()
        quote = self.view.selected_plain_text().strip()
        if citation is None or not quote:
            return None
        return quote_text(quote, citation, format_date), quote_html(quote, citation, format_date)

    def copy_with_citation(self) -> bool:
        """Put the selected passage with its citation on the clipboard, as plain text and as
        HTML; False when nothing is selected."""
        texts = self.citation_texts()
        if texts is None:
            return False
        data = QMimeData()
        data.setText(texts[0])
        data.setHtml(texts[1])
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(position)
        menu.deleteLater()

    def _update_bookmark_action(self) -> None:
        opened = self.view.opened
        passage = (
            opened is not None
            and opened.document is not None
            and self.view.textCursor().hasSelection()
        )
        self.bookmark_action.setEnabled(passage)
        self.copy_citation_action.setEnabled(passage)

    # -- internals -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc in the document (the view ignores it) closes an open find bar too.
        if event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        super().keyPressEvent(event)

    def _on_hits_changed(self, current: int, total: int) -> None:
        self.hit_label.setText(
            self.tr("Hit %1 of %2").replace("%1", str(current)).replace("%2", str(total))
        )
        self.hit_bar.setVisible(total > 0)
        self.hits_changed.emit(current, total)

    def _on_find_closed(self) -> None:
        self.view.set_find_text("")
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
