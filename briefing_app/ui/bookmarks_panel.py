"""The Bookmarks panel: every bookmark with its quote, document, note, tags and status.

A list model over the bookmarks the window hands in, a proxy that filters on text (quote,
note, tags), tag, document and entity ignoring case and accents, and the panel widget. The
panel emits requests; the window does the work through the service.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing_app.bookmarks import Bookmark, BookmarkStatus
from briefing_app.folding import fold as fold_text
from briefing_app.ui.bookmark_text import excerpt

AnyIndex = QModelIndex | QPersistentModelIndex
EntityLabel = Callable[[str], str]  # "country:JO" -> "Jordanië"


def default_entity_label(entity: str) -> str:
    return entity.partition(":")[2] or entity


def _render_note(note: str) -> tuple[str, str]:
    """A note's Markdown as plain text (for the list) and as an HTML fragment (tooltip)."""
    document = QTextDocument()
    document.setMarkdown(note)
    body = re.search(r"<body[^>]*>(.*)</body>", document.toHtml(), re.DOTALL)
    return document.toPlainText(), body.group(1) if body else html.escape(note)


class BookmarkRole(IntEnum):
    IdRole = Qt.ItemDataRole.UserRole + 1
    QuoteRole = Qt.ItemDataRole.UserRole + 2
    TitleRole = Qt.ItemDataRole.UserRole + 3
    DateRole = Qt.ItemDataRole.UserRole + 4
    NoteRole = Qt.ItemDataRole.UserRole + 5
    TagsRole = Qt.ItemDataRole.UserRole + 6
    StatusRole = Qt.ItemDataRole.UserRole + 7
    EntitiesRole = Qt.ItemDataRole.UserRole + 8
    PathRole = Qt.ItemDataRole.UserRole + 9
    BookmarkRole = Qt.ItemDataRole.UserRole + 10
    FilterRole = Qt.ItemDataRole.UserRole + 11  # folded quote, note and tags


class BookmarksModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bookmarks: list[Bookmark] = []
        self._folded: list[str] = []
        self._notes: dict[str, tuple[str, str]] = {}  # note -> (plain text, HTML) rendered

    def set_bookmarks(self, bookmarks: Sequence[Bookmark]) -> None:
        self.beginResetModel()
        self._bookmarks = list(bookmarks)
        self._folded = [fold_text(" ".join((b.quote, b.note, *b.tags))) for b in self._bookmarks]
        notes = {b.note for b in self._bookmarks if b.note.strip()}
        self._notes = {note: self._notes.get(note) or _render_note(note) for note in notes}
        self.endResetModel()

    def bookmarks(self) -> list[Bookmark]:
        return list(self._bookmarks)

    def bookmark_at(self, row: int) -> Bookmark | None:
        return self._bookmarks[row] if 0 <= row < len(self._bookmarks) else None

    def row_of(self, bookmark_id: str) -> int:
        return next((r for r, b in enumerate(self._bookmarks) if b.id == bookmark_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._bookmarks)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._bookmarks):
            return None
        b = self._bookmarks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(b)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(b)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{b.quote} — {b.doc_title} — {self.status_text(b)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._status_icon(b.status)
        values: dict[int, object] = {
            BookmarkRole.IdRole: b.id,
            BookmarkRole.QuoteRole: b.quote,
            BookmarkRole.TitleRole: b.doc_title,
            BookmarkRole.DateRole: b.doc_date or "",
            BookmarkRole.NoteRole: b.note,
            BookmarkRole.TagsRole: list(b.tags),
            BookmarkRole.StatusRole: str(b.status),
            BookmarkRole.EntitiesRole: list(b.entities),
            BookmarkRole.PathRole: b.doc_path,
            BookmarkRole.BookmarkRole: b,
            BookmarkRole.FilterRole: self._folded[index.row()],
        }
        return values.get(role)

    def roleNames(self) -> dict[int, Any]:
        names = super().roleNames()
        for role in BookmarkRole:
            names[int(role)] = QByteArray(role.name.removesuffix("Role").lower().encode())
        return names

    def status_text(self, b: Bookmark) -> str:
        if b.status == BookmarkStatus.MOVED:
            return self.tr("moved")
        if b.status == BookmarkStatus.APPROXIMATE:
            old = excerpt(b.previous_quote or "", 60)
            return (
                self.tr("approximate: “%1” → “%2”")
                .replace("%1", old)
                .replace("%2", excerpt(b.quote, 60))
            )
        if b.status == BookmarkStatus.ORPHANED:
            return self.tr("orphaned: the passage is gone; select new text to re-attach")
        return self.tr("anchored")

    def _display(self, b: Bookmark) -> str:
        lines = [f"“{excerpt(b.quote, 140)}”"]
        source = " · ".join(part for part in (b.doc_title, b.doc_date or "") if part)
        if b.status != BookmarkStatus.ANCHORED:
            source += f"  [{self.status_text(b)}]"
        lines.append(source)
        if b.note.strip():
            lines.append(excerpt(self._notes[b.note][0], 140))
        if b.tags:
            lines.append(" ".join(f"#{tag}" for tag in b.tags))
        return "\n".join(lines)

    def _tooltip(self, b: Bookmark) -> str:
        """Rich text: the quote, what it was, the note rendered from its Markdown, the source."""
        parts = [f"<p>{html.escape(b.quote.strip())}</p>"]
        if b.status == BookmarkStatus.APPROXIMATE and b.previous_quote:
            was = self.tr("Was: %1").replace("%1", b.previous_quote.strip())
            parts.append(f"<p>{html.escape(was)}</p>")
        if b.note.strip():
            parts.append(self._notes[b.note][1])
        parts.append(f"<p><i>{html.escape(f'{b.doc_title} — {self.status_text(b)}')}</i></p>")
        return "<qt>" + "".join(parts) + "</qt>"

    def _status_icon(self, status: BookmarkStatus) -> Any:
        pixmap = {
            BookmarkStatus.MOVED: QStyle.StandardPixmap.SP_ArrowRight,
            BookmarkStatus.APPROXIMATE: QStyle.StandardPixmap.SP_MessageBoxInformation,
            BookmarkStatus.ORPHANED: QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(status)
        parent = self.parent()
        if pixmap is None or not isinstance(parent, QWidget):
            return None
        return parent.style().standardIcon(pixmap)


class BookmarksFilterProxy(QSortFilterProxyModel):
    """Narrows by text (quote, note, tags), tag, document path and entity; all optional."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tag = ""
        self._document = ""
        self._entity = ""
        self._entity_label: EntityLabel = default_entity_label

    def set_entity_label(self, label: EntityLabel) -> None:
        self._entity_label = label

    def set_filter_text(self, text: str) -> None:
        self._change("_text", fold_text(text.strip()))

    def set_tag(self, tag: str) -> None:
        self._change("_tag", fold_text(tag.strip()))

    def set_document(self, path: str) -> None:
        self._change("_document", path)

    def set_entity(self, entity: str) -> None:
        """ "type:key" exactly, or a name: "Jordanië", "jordanie", "NCTV", "Rutte"."""
        self._change("_entity", fold_text(entity.strip()))

    def bookmark_at(self, row: int) -> Bookmark | None:
        value = self.index(row, 0).data(BookmarkRole.BookmarkRole)
        return value if isinstance(value, Bookmark) else None

    def _change(self, name: str, value: str) -> None:
        if getattr(self, name) == value:
            return
        # Qt 6.10 replaced invalidateFilter() (now deprecated) with a begin/end pair.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            setattr(self, name, value)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        b = index.data(BookmarkRole.BookmarkRole)
        if not isinstance(b, Bookmark):
            return False
        if self._text and self._text not in str(index.data(BookmarkRole.FilterRole)):
            return False
        if self._tag and self._tag not in (fold_text(t) for t in b.tags):
            return False
        if self._document and b.doc_path != self._document:
            return False
        return not self._entity or any(self._mentions(entity) for entity in b.entities)

    def _mentions(self, entity: str) -> bool:
        wanted = self._entity
        key = entity.partition(":")[2]
        names = (entity, key, self._entity_label(entity))
        if ":" in wanted:
            return fold_text(entity) == wanted
        # A surname finds the full name ("rutte" -> "Mark Rutte"), as the CLI's filter does.
        return any(fold_text(n) == wanted or wanted in fold_text(n).split() for n in names)


class BookmarksPanel(QWidget):
    bookmark_activated = Signal(object)  # Bookmark: open its document at the passage
    edit_requested = Signal(object)  # Bookmark
    delete_requested = Signal(object)  # Bookmark
    reattach_requested = Signal(object)  # Bookmark: re-attach to the reader's selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanelWidget")
        self._entity_label: EntityLabel = default_entity_label
        self._current_document = ""
        self.model = BookmarksModel(self)
        self.proxy = BookmarksFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("bookmarksFilter")
        self.filter_edit.setAccessibleName(self.tr("Filter bookmarks"))
        self.filter_edit.setPlaceholderText(self.tr("Filter quotes, notes and tags"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("bookmarksTag")
        self.tag_combo.setAccessibleName(self.tr("Tag"))
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("bookmarksEntity")
        self.entity_combo.setAccessibleName(self.tr("Mentions"))
        self.entity_combo.setEditable(True)  # type a name that is not in the list
        self.entity_combo.lineEdit().setPlaceholderText(self.tr("Mentions…"))  # type: ignore[union-attr]
        self.document_only = QCheckBox(self.tr("This document only"), self)
        self.document_only.setObjectName("bookmarksDocumentOnly")
        self.document_only.setEnabled(False)

        self.view = QListView(self)
        self.view.setObjectName("bookmarksView")
        self.view.setAccessibleName(self.tr("Bookmarks"))
        self.view.setModel(self.proxy)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setMinimumHeight(36)  # the dock shares its column with the entity panels

        for combo in (self.tag_combo, self.entity_combo):
            # Long tag or entity names must not widen the dock.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(2)
        # All the filters in one row: the list gets the panel's height (it had ~50 px).
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(self.entity_combo, 1)
        filters.addWidget(self.document_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        self.delete_action = QAction(self.tr("&Delete"), self.view)
        self.delete_action.setObjectName("deleteBookmarkAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.view.addAction(self.delete_action)

        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        self.tag_combo.currentIndexChanged.connect(self._on_tag_chosen)
        self.entity_combo.currentTextChanged.connect(self._on_entity_text)
        self.document_only.toggled.connect(self._apply_document_filter)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self._fill_tags([])
        self._fill_entities({})

    # -- data in ---------------------------------------------------------------------------

    def set_entity_label(self, label: EntityLabel) -> None:
        self._entity_label = label
        self.proxy.set_entity_label(label)

    def set_bookmarks(
        self,
        bookmarks: Sequence[Bookmark],
        tags: Sequence[tuple[str, int]] = (),
        entity_counts: dict[str, int] | None = None,
    ) -> None:
        self.model.set_bookmarks(bookmarks)
        self._fill_tags(list(tags))
        self._fill_entities(entity_counts or {})

    def set_current_document(self, path: str | None) -> None:
        self._current_document = path or ""
        self.document_only.setEnabled(bool(path))
        self._apply_document_filter()

    # -- filters ---------------------------------------------------------------------------

    def set_tag_filter(self, tag: str) -> bool:
        index = self.tag_combo.findData(tag)
        if index < 0:
            return False
        self.tag_combo.setCurrentIndex(index)
        return True

    def set_entity_filter(self, entity: str) -> None:
        """ "type:key" (as the entity panels know it) or a name typed by the user."""
        index = self.entity_combo.findData(entity)
        if index >= 0:
            self.entity_combo.setCurrentIndex(index)
        else:
            self.entity_combo.setEditText(entity)
        self.proxy.set_entity(entity)

    def visible_bookmarks(self) -> list[Bookmark]:
        rows = range(self.proxy.rowCount())
        return [b for b in (self.proxy.bookmark_at(r) for r in rows) if b is not None]

    def current_bookmark(self) -> Bookmark | None:
        return self.proxy.bookmark_at(self.view.currentIndex().row())

    def select_bookmark(self, bookmark_id: str) -> bool:
        row = self.model.row_of(bookmark_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _fill_tags(self, tags: list[tuple[str, int]]) -> None:
        chosen = self.tag_combo.currentData() or ""
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), "")
        for tag, count in tags:
            self.tag_combo.addItem(f"#{tag} ({count})", tag)
        found = self.tag_combo.findData(chosen)
        self.tag_combo.setCurrentIndex(max(0, found))
        self.tag_combo.blockSignals(False)
        self.proxy.set_tag(self.tag_combo.currentData() or "")

    def _fill_entities(self, counts: dict[str, int]) -> None:
        typed = self.entity_combo.currentText()
        chosen = self.entity_combo.currentData() if self.entity_combo.currentIndex() > 0 else ""
        self.entity_combo.blockSignals(True)
        self.entity_combo.clear()
        self.entity_combo.addItem("", "")
        ordered = sorted(counts.items(), key=lambda item: (-item[1], fold_text(item[0])))
        for entity, count in ordered:
            self.entity_combo.addItem(f"{self._entity_label(entity)} ({count})", entity)
        index = self.entity_combo.findData(chosen) if chosen else -1
        if index > 0:
            self.entity_combo.setCurrentIndex(index)
        else:
            self.entity_combo.setCurrentIndex(0)
            self.entity_combo.setEditText(typed)
        self.entity_combo.blockSignals(False)

    def _on_tag_chosen(self, _index: int) -> None:
        self.proxy.set_tag(self.tag_combo.currentData() or "")

    def _on_entity_text(self, text: str) -> None:
        index = self.entity_combo.currentIndex()
        data = self.entity_combo.itemData(index) if index > 0 else None
        if data and self.entity_combo.itemText(index) == text:
            self.proxy.set_entity(str(data))
        else:
            self.proxy.set_entity(text)

    def _apply_document_filter(self, *_args: object) -> None:
        only = self.document_only.isChecked() and bool(self._current_document)
        self.proxy.set_document(self._current_document if only else "")

    # -- activation and context menu -------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        bookmark = self.proxy.bookmark_at(index.row())
        if bookmark is not None:
            self.bookmark_activated.emit(bookmark)

    def _delete_current(self) -> None:
        bookmark = self.current_bookmark()
        if bookmark is not None:
            self.delete_requested.emit(bookmark)  # the window offers Undo (Ctrl+Z)

    def context_menu(self, bookmark: Bookmark) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.bookmark_activated.emit(bookmark))
        menu.addAction(self.tr("&Edit note…"), lambda: self.edit_requested.emit(bookmark))
        reattach = menu.addAction(
            self.tr("&Re-attach to selection"), lambda: self.reattach_requested.emit(bookmark)
        )
        reattach.setToolTip(self.tr("Point this bookmark at the text selected in the reader"))
        menu.addSeparator()
        delete = menu.addAction(self.tr("&Delete"), lambda: self.delete_requested.emit(bookmark))
        delete.setShortcut(self.delete_action.shortcut())  # shown; the list's action acts
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        bookmark = self.proxy.bookmark_at(self.view.indexAt(position).row())
        if bookmark is None:
            return
        menu = self.context_menu(bookmark)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()
