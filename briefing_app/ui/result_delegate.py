"""How one search hit looks in the results list, and the list view that shows them.

Every row has the same height (title, meta line, SNIPPET_LINES of snippet), measured from the
font, so the view can use uniform item sizes and scroll large result sets smoothly.
"""

from __future__ import annotations

import html
import re
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from briefing_app.ui.models import ResultRole, ResultsModel

SNIPPET_LINES = 3
# Soft yellow with dark text: readable on light and dark palettes alike.
HIGHLIGHT_BACKGROUND = "#ffe97a"
HIGHLIGHT_FOREGROUND = "#1a1a1a"
_SNIPPET_CACHE_SIZE = 256

AnyIndex = QModelIndex | QPersistentModelIndex


_MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
_SPACES = re.compile(r"\s+")


def parse_snippet(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The core's snippet (escaped text with <mark>) as plain text, white space collapsed
    (the delegate decides where lines break), and the (start, length) of each marked part."""
    pieces = _MARKED.split(_SPACES.sub(" ", snippet).strip())
    text, marked = "", []
    for number, piece in enumerate(pieces):
        plain = html.unescape(piece)
        if number % 2 and plain:
            marked.append((len(text), len(plain)))
        text += plain
    return text, marked


def snippet_plain_text(snippet: str) -> str:
    return parse_snippet(snippet)[0]


class SnippetLayout:
    """A snippet laid out in at most `max_lines` lines of `width`, cut with "…" when longer,
    its marked words highlighted. Laid out once (QTextLayout: no HTML to parse, no document)."""

    def __init__(self, snippet: str, width: int, font: QFont, max_lines: int) -> None:
        text, marked = parse_snippet(snippet)
        highlight = QTextCharFormat()
        highlight.setBackground(QBrush(QColor(HIGHLIGHT_BACKGROUND)))
        highlight.setForeground(QBrush(QColor(HIGHLIGHT_FOREGROUND)))
        self._formats = []
        for start, length in marked:
            run = QTextLayout.FormatRange()
            run.start, run.length, run.format = start, length, highlight
            self._formats.append(run)
        self._width, self._font, self._max_lines = width, font, max_lines
        self.layout, last_line_start, cut = self._lay_out(text)
        if cut:
            # Colours do not change widths: the last line is the rest of the text elided.
            rest = QFontMetrics(font).elidedText(
                text[last_line_start:], Qt.TextElideMode.ElideRight, width
            )
            self.layout, _, _ = self._lay_out(text[:last_line_start] + (rest or "…"))

    def _lay_out(self, text: str) -> tuple[QTextLayout, int, bool]:
        layout = QTextLayout(text, self._font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setFormats([f for f in self._formats if f.start < len(text)])
        layout.setCacheEnabled(True)
        y, line_start = 0.0, 0
        layout.beginLayout()
        while layout.lineCount() < self._max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self._width)
            line.setPosition(QPointF(0, y))
            y += line.height()
            line_start = line.textStart()
        layout.endLayout()
        last = layout.lineAt(layout.lineCount() - 1) if layout.lineCount() else None
        cut = last is not None and last.textStart() + last.textLength() < len(text)
        return layout, line_start, cut

    def text(self) -> str:
        return self.layout.text()

    def line_count(self) -> int:
        return self.layout.lineCount()

    def draw(self, painter: QPainter) -> None:
        self.layout.draw(painter, QPointF(0, 0))


class ResultDelegate(QStyledItemDelegate):
    """Paints title (bold), a muted date · source · language line and the highlighted snippet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Laid-out snippets by (snippet, width, font); painting stays cheap on scroll.
        self._snippets: OrderedDict[tuple[str, int, str], SnippetLayout] = OrderedDict()

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
        rect = self._content_rect(opt, index)
        if rect.width() <= 0:
            return
        if index.data(ResultRole.SimilarOfRole):
            # A near duplicate shown below its hit: indented, with a rule on its left.
            painter.setPen(muted_color)
            x = rect.left() - self._indent(body) // 2
            painter.drawLine(x, rect.top(), x, rect.bottom())

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
        similar = self.similar_label(index)
        meta_width = rect.width()
        if similar:
            label = self._similar_rect(line, body, similar)
            meta_width = max(0, label.left() - line.left() - body.averageCharWidth())
            link = palette.color(group, QPalette.ColorRole.Link)
            painter.setPen(text_color if selected else link)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignVCenter), similar)
            painter.setPen(muted_color)
        painter.drawText(
            QRect(line.left(), line.top(), meta_width, line.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            body.elidedText(self._meta_line(index), Qt.TextElideMode.ElideRight, meta_width),
        )

        snippet = str(index.data(ResultRole.SnippetRole) or "")
        if not snippet:
            if index.data(ResultRole.SimilarOfRole):  # no snippet of its own: where it is
                line = QRect(
                    rect.left(), line.bottom() + 1 + padding // 2, rect.width(), line.height()
                )
                path = str(index.data(ResultRole.PathRole) or "")
                painter.drawText(
                    line,
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    body.elidedText(path, Qt.TextElideMode.ElideMiddle, rect.width()),
                )
            return
        laid_out = self._snippet_layout(snippet, rect.width(), body_font)
        top = line.bottom() + 1 + padding // 2
        painter.translate(rect.left(), top)
        painter.setClipRect(QRectF(0, 0, rect.width(), SNIPPET_LINES * body.lineSpacing()))
        painter.setPen(text_color)
        laid_out.draw(painter)

    # -- near duplicates ------------------------------------------------------------------

    def similar_label(self, index: AnyIndex) -> str:
        """ "▸ 3 similar" on a hit that stands for near duplicates ("▾" while they are shown),
        "" on any other row."""
        count = int(index.data(ResultRole.SimilarCountRole) or 0)
        if not count:
            return ""
        arrow = "▾" if index.data(ResultRole.ExpandedRole) else "▸"
        return f"{arrow} " + self.tr("%n similar", "", count)

    def similar_hit_rect(self, option: QStyleOptionViewItem, index: AnyIndex) -> QRect:
        """Where the row's "n similar" is drawn (a click there shows or hides them); an
        empty rect on a row without one."""
        label = self.similar_label(index)
        if not label:
            return QRect()
        title_font, body_font = self._fonts(option)
        body = QFontMetrics(body_font)
        rect = self._content_rect(option, index)
        top = rect.top() + QFontMetrics(title_font).lineSpacing()
        return self._similar_rect(
            QRect(rect.left(), top, rect.width(), body.lineSpacing()), body, label
        )

    @staticmethod
    def _similar_rect(line: QRect, metrics: QFontMetrics, label: str) -> QRect:
        width = min(line.width(), metrics.horizontalAdvance(label) + 2)
        return QRect(line.right() - width + 1, line.top(), width, line.height())

    @staticmethod
    def _indent(metrics: QFontMetrics) -> int:
        return 3 * metrics.averageCharWidth()

    def _content_rect(self, option: QStyleOptionViewItem, index: AnyIndex) -> QRect:
        body = QFontMetrics(self._fonts(option)[1])
        padding = self._padding(body)
        rect = option.rect.adjusted(padding, padding, -padding, -padding)
        if index.data(ResultRole.SimilarOfRole):
            rect.setLeft(rect.left() + self._indent(body))
        return rect

    def _meta_line(self, index: AnyIndex) -> str:
        date = index.data(ResultRole.DateRole) or self.tr("no date")
        parts = [date, index.data(ResultRole.SourceRole), index.data(ResultRole.LanguageRole)]
        return " · ".join(str(part) for part in parts if part)

    def _snippet_layout(self, snippet: str, width: int, font: QFont) -> SnippetLayout:
        key = (snippet, width, font.key())
        cached = self._snippets.get(key)
        if cached is not None:
            self._snippets.move_to_end(key)
            return cached
        laid_out = self._snippets[key] = SnippetLayout(snippet, width, font, SNIPPET_LINES)
        if len(self._snippets) > _SNIPPET_CACHE_SIZE:
            self._snippets.popitem(last=False)
        return laid_out


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
        # Right shows a hit's similar documents, Left hides them (from one of them too), as
        # in a tree.
        if key == Qt.Key.Key_Right and self.set_similar_shown(self.currentIndex().row(), True):
            return
        if key == Qt.Key.Key_Left and self._hide_similar_around(self.currentIndex().row()):
            return
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.move_up_from_top.emit()
            return
        super().keyPressEvent(event)

    # -- near duplicates ------------------------------------------------------------------

    def set_similar_shown(self, row: int, shown: bool) -> bool:
        """Shows or hides the similar documents of the hit at `row`; False if nothing changed."""
        model = self.model()
        return isinstance(model, ResultsModel) and model.set_expanded(row, shown)

    def _hide_similar_around(self, row: int) -> bool:
        """Left: on a hit, hide its similar ones; on one of them, go back to the hit and hide."""
        model = self.model()
        if not isinstance(model, ResultsModel):
            return False
        parent = model.similar_of(row)
        if parent:
            row = model.row_of(parent)
            self.select_row(row)
        return model.set_expanded(row, False) or bool(parent)

    def similar_rect(self, index: QModelIndex) -> QRect:
        """Where the row's "n similar" is, in viewport coordinates (empty if it has none)."""
        delegate = self.itemDelegate()
        if not isinstance(delegate, ResultDelegate) or not index.isValid():
            return QRect()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return delegate.similar_hit_rect(option, index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and self.similar_rect(index).contains(event.position().toPoint())
        ):
            model = self.model()
            if isinstance(model, ResultsModel):
                model.toggle_expanded(index.row())
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.similar_menu(self.indexAt(event.pos()))
        if menu is not None:
            menu.exec(event.globalPos())

    def similar_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row whose hit has similar documents (or of one of those):
        show or hide them. None for any other row."""
        model = self.model()
        if not index.isValid() or not isinstance(model, ResultsModel):
            return None
        parent = model.similar_of(index.row())
        row = model.row_of(parent) if parent else index.row()
        count = model.similar_count(row)
        if not count:
            return None
        menu = QMenu(self)
        if model.is_expanded(row):
            action = menu.addAction(self.tr("Hide similar documents"))
        else:
            action = menu.addAction(self.tr("Show %n similar document(s)", "", count))
        action.triggered.connect(lambda: model.toggle_expanded(row))
        return menu

    def _emit_open(self, index: AnyIndex) -> None:
        doc_id = index.data(ResultRole.IdRole)
        if doc_id:
            self.open_requested.emit(str(doc_id))

    def _emit_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(ResultRole.IdRole)
        self.current_changed.emit(str(doc_id) if doc_id else "")
