"""How one search hit looks in the results list, and the list view that shows them.

Every row has the same height (title, meta line, SNIPPET_LINES of snippet), measured from the
font, so the view can use uniform item sizes and scroll large result sets smoothly.
"""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefing_app.ui.models import ResultRole

SNIPPET_LINES = 3
# Soft yellow with dark text: readable on light and dark palettes alike.
HIGHLIGHT_BACKGROUND = "#ffe97a"
HIGHLIGHT_FOREGROUND = "#1a1a1a"
_SNIPPET_CACHE_SIZE = 256

AnyIndex = QModelIndex | QPersistentModelIndex


def snippet_to_html(snippet: str) -> str:
    """The core's snippet (escaped text with <mark>) as HTML QTextDocument can style."""
    span = f'<span style="background-color:{HIGHLIGHT_BACKGROUND}; color:{HIGHLIGHT_FOREGROUND}">'
    # Newlines in the source are just whitespace; the delegate decides where lines break.
    return snippet.replace("<mark>", span).replace("</mark>", "</span>").replace("\n", " ")


def snippet_plain_text(snippet: str) -> str:
    return html.unescape(snippet.replace("<mark>", "").replace("</mark>", ""))


class ResultDelegate(QStyledItemDelegate):
    """Paints title (bold), a muted date · source · language line and the highlighted snippet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Laid-out snippet documents by (snippet, width, font); painting stays cheap on scroll.
        self._documents: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    # -- geometry -------------------------------------------------------------------------

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title_font = QFont(option.font)
        title_font.setBold(True)
        return title_font, QFont(option.font)

    @staticmethod
    def _padding(metrics: QFontMetrics) -> int:
        return max(2, metrics.height() // 3)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title_font, body_font = self._fonts(option)
        body = QFontMetrics(body_font)
        padding = self._padding(body)
        height = (
            2 * padding
            + QFontMetrics(title_font).lineSpacing()
            + body.lineSpacing()
            + SNIPPET_LINES * body.lineSpacing()
            + padding // 2
        )
        # A modest width: the list stretches rows to the viewport and elides what does not fit.
        return QSize(20 * body.averageCharWidth(), height)

    # -- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and focus frame come from the style, the text from us
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        try:
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
            self._paint_text(painter, opt, index)
        finally:
            painter.restore()

    def _paint_text(self, painter: QPainter, opt: QStyleOptionViewItem, index: AnyIndex) -> None:
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(group, text_role)
        muted_color = (
            text_color if selected else palette.color(group, QPalette.ColorRole.PlaceholderText)
        )

        title_font, body_font = self._fonts(opt)
        body = QFontMetrics(body_font)
        title_metrics = QFontMetrics(title_font)
        padding = self._padding(body)
        rect = opt.rect.adjusted(padding, padding, -padding, -padding)
        if rect.width() <= 0:
            return

        title = str(index.data(ResultRole.TitleRole) or self.tr("(untitled)"))
        painter.setFont(title_font)
        painter.setPen(text_color)
        line = QRect(rect.left(), rect.top(), rect.width(), title_metrics.lineSpacing())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )

        painter.setFont(body_font)
        painter.setPen(muted_color)
        line = QRect(rect.left(), line.bottom() + 1, rect.width(), body.lineSpacing())
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            body.elidedText(self._meta_line(index), Qt.TextElideMode.ElideRight, rect.width()),
        )

        snippet = str(index.data(ResultRole.SnippetRole) or "")
        if not snippet:
            return
        document = self._snippet_document(snippet, rect.width(), body_font)
        top = line.bottom() + 1 + padding // 2
        painter.translate(rect.left(), top)
        clip = QRectF(0, 0, rect.width(), SNIPPET_LINES * body.lineSpacing())
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        context.clip = clip
        document.documentLayout().draw(painter, context)

    def _meta_line(self, index: AnyIndex) -> str:
        date = index.data(ResultRole.DateRole) or self.tr("no date")
        parts = [date, index.data(ResultRole.SourceRole), index.data(ResultRole.LanguageRole)]
        return " · ".join(str(part) for part in parts if part)

    def _snippet_document(self, snippet: str, width: int, font: QFont) -> QTextDocument:
        key = (snippet, width, font.key())
        cached = self._documents.get(key)
        if cached is not None:
            self._documents.move_to_end(key)
            return cached
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setTextWidth(width)
        document.setHtml(snippet_to_html(snippet))
        _elide_to_lines(document, SNIPPET_LINES)
        self._documents[key] = document
        if len(self._documents) > _SNIPPET_CACHE_SIZE:
            self._documents.popitem(last=False)
        return document


def _line_count(document: QTextDocument) -> int:
    document.size()  # layout is lazy: asking for the size lays out every block
    count = 0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        count += layout.lineCount() if layout is not None else 0
        block = block.next()
    return count


def _elide_to_lines(document: QTextDocument, max_lines: int) -> None:
    """Cuts the document after max_lines lines and ends it with an ellipsis."""
    if _line_count(document) <= max_lines:
        return
    block = document.begin()
    seen = 0
    cut = document.characterCount()
    while block.isValid():
        layout = block.layout()
        if seen + layout.lineCount() >= max_lines:
            line = layout.lineAt(max_lines - seen - 1)
            cut = block.position() + line.textStart() + line.textLength()
            break
        seen += layout.lineCount()
        block = block.next()
    cursor = QTextCursor(document)
    # Remove everything after the last visible line, then trim until "…" fits on that line.
    for _ in range(40):
        cursor.setPosition(max(0, cut - 1))
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.insertText("…")
        if _line_count(document) <= max_lines or cut <= 1:
            return
        cut = max(1, cut - 3)


class ResultsView(QListView):
    """The results list: uniform rows, keyboard driven, asks the model for more as it scrolls."""

    open_requested = Signal(str)  # document id, on Enter or double-click
    current_changed = Signal(str)  # document id of the newly current row ("" if none)
    move_up_from_top = Signal()  # Up on the first row: the window gives the search box focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.setAccessibleName(self.tr("Search results"))
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setMouseTracking(True)  # hover feedback from the style
        self.doubleClicked.connect(self._emit_open)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        selection = self.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._emit_current)

    def current_id(self) -> str:
        value = self.currentIndex().data(ResultRole.IdRole)
        return str(value) if value else ""

    def select_row(self, row: int) -> bool:
        """Makes row current and selected (e.g. Down from the search box); False if absent."""
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return False
        index = model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def focus_first_result(self) -> bool:
        if not self.select_row(max(0, self.currentIndex().row())):
            return False
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._emit_open(self.currentIndex())
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.move_up_from_top.emit()
            return
        super().keyPressEvent(event)

    def _emit_open(self, index: AnyIndex) -> None:
        doc_id = index.data(ResultRole.IdRole)
        if doc_id:
            self.open_requested.emit(str(doc_id))

    def _emit_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(ResultRole.IdRole)
        self.current_changed.emit(str(doc_id) if doc_id else "")
