"""The inline bookmark editor: a note (Markdown) and tags, saved as you type.

There is no Save button to forget: changes go out (debounced) while typing, and at once when
the editor closes, on Esc, or when the focus leaves it. The editor never stores anything
itself; it emits `edited` and the window asks the service to save.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.bookmarks import Bookmark
from briefing_app.bookmarks.model import clean_tags

SAVE_DELAY_MS = 400


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags as the store keeps them: trimmed, no blanks, no duplicates."""
    return clean_tags(text.split(","))


class BookmarkEditor(QFrame):
    edited = Signal(str, str, tuple)  # bookmark id, note, tags
    closed = Signal(str)  # bookmark id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkEditor")
        self.setAccessibleName(self.tr("Bookmark note and tags"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._bookmark: Bookmark | None = None
        self._saved: tuple[str, tuple[str, ...]] = ("", ())

        self.title = QLabel(self)
        self.title.setObjectName("bookmarkEditorTitle")
        self.title.setWordWrap(True)
        close = QToolButton(self)
        close.setObjectName("bookmarkEditorClose")
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip(self.tr("Close (Esc); your changes are saved"))
        close.setAccessibleName(self.tr("Close the bookmark editor"))
        close.clicked.connect(self.close_editor)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("bookmarkNote")
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Note (Markdown)…"))
        self.note_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("bookmarkTags")
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("bookmarkEditorStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self._tag_model = QStringListModel(self)
        self.completer = QCompleter(self._tag_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.tags_edit)
        self.completer.activated.connect(self._insert_tag)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.status_label)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.tags_edit)

        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.note_edit.textChanged.connect(self._timer.start)
        self.tags_edit.textEdited.connect(self._on_tags_edited)
        self.tags_edit.editingFinished.connect(self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        for child in (self.note_edit, self.tags_edit):
            child.installEventFilter(self)
        self.resize(340, 200)
        self.hide()

    # -- public API ------------------------------------------------------------------------

    def edit(self, bookmark: Bookmark, *, status_text: str = "") -> None:
        """Show the editor for a bookmark (saving the one edited before, if any)."""
        if self._bookmark is not None and self._bookmark.id != bookmark.id:
            self.flush()
        self._bookmark = bookmark
        self._saved = (bookmark.note, bookmark.tags)
        quote = " ".join(bookmark.quote.split())
        self.title.setText(f"“{quote[:80]}{'…' if len(quote) > 80 else ''}”")
        self.status_label.setText(status_text)
        self.status_label.setVisible(bool(status_text))
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(bookmark.note)
        self.note_edit.blockSignals(False)
        self.tags_edit.setText(", ".join(bookmark.tags))
        self._timer.stop()
        self.show()
        self.raise_()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def place_below_cursor(self, view: QTextEdit) -> None:
        """Beside the text of `view` (in the editor's parent), just below its selection (or
        at the top when there is none)."""
        parent = self.parentWidget()
        if parent is None:  # not in a window
            return
        width = min(360, max(240, view.width() - 32))
        self.resize(width, 190)
        top_left = view.viewport().mapTo(parent, view.cursorRect().bottomLeft())
        x = max(8, parent.width() - width - 24)
        y = min(max(8, top_left.y() + 8), max(8, parent.height() - self.height() - 8))
        self.move(x, y)

    def bookmark_id(self) -> str | None:
        return self._bookmark.id if self._bookmark is not None and self.isVisible() else None

    def note(self) -> str:
        return self.note_edit.toPlainText()

    def tags(self) -> tuple[str, ...]:
        return parse_tags(self.tags_edit.text())

    def set_known_tags(self, tags: list[str]) -> None:
        """Tags offered for completion (the library's, most used first)."""
        self._tag_model.setStringList(tags)

    def flush(self) -> None:
        """Send unsaved changes now."""
        self._timer.stop()
        if self._bookmark is None:
            return
        current = (self.note(), self.tags())
        if current != self._saved:
            self._saved = current
            self.edited.emit(self._bookmark.id, *current)

    def close_editor(self) -> None:
        self.flush()
        bookmark_id = self._bookmark.id if self._bookmark is not None else ""
        self.hide()
        self._bookmark = None
        self.closed.emit(bookmark_id)

    def forget(self, bookmark_id: str) -> None:
        """The bookmark was deleted: close without saving it back."""
        if self._bookmark is not None and self._bookmark.id == bookmark_id:
            self._timer.stop()
            self._bookmark = None
            self.hide()

    # -- tags completion -------------------------------------------------------------------

    def _current_tag_prefix(self) -> str:
        return self.tags_edit.text()[: self.tags_edit.cursorPosition()].rsplit(",", 1)[-1].strip()

    def _on_tags_edited(self, _text: str) -> None:
        self._timer.start()
        prefix = self._current_tag_prefix()
        self.completer.setCompletionPrefix(prefix)
        if prefix and self.completer.completionCount() > 0:
            self.completer.complete()
        else:
            self._popup().hide()

    def _insert_tag(self, tag: str) -> None:
        text = self.tags_edit.text()
        cursor = self.tags_edit.cursorPosition()
        head, _, _partial = text[:cursor].rpartition(",")
        before = f"{head}, " if head.strip() else ""
        after = text[cursor:].lstrip()
        self.tags_edit.setText(f"{before}{tag}, {after}".rstrip())
        self.tags_edit.setCursorPosition(len(f"{before}{tag}, "))
        self._timer.start()

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always has one once a widget is set
        return popup

    # -- closing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not self._popup().isVisible()
        ):
            self.close_editor()
            return True
        return super().eventFilter(watched, event)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._bookmark is None or not self.isVisible():
            return
        popup = self._popup()
        if new is None or not (self.isAncestorOf(new) or new is popup):
            self.flush()
