"""The search box: search as you type, Enter at once, recent searches, inline errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# A typed query is searched as soon as the key events already queued are handled (a paste or
# a burst of keys makes one query): no pause. A pause would make every query wait for it;
# without one, a keystroke waits only when a search is still running, and the read worker
# skips queries overtaken while they waited, so a wasted search costs at most one search.
SEARCH_AFTER_MS = 0
MAX_HISTORY = 50


def _is_alt_down(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.AltModifier


class _SearchLineEdit(QLineEdit):
    """A line edit that reports Down, Alt+Down and Esc instead of ignoring them.

    The recent-searches completer is not the line edit's own (setCompleter): that one pops up
    while typing and then takes Down and Enter from the results. It opens on Alt+Down only."""

    down_pressed = Signal()
    history_wanted = Signal()  # Alt+Down
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_completer: QCompleter | None = None

    def event(self, event: QEvent) -> bool:
        # Alt+Down is also the window's "Next result": in the search box it opens the history.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_alt_down(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = self.history_completer
        popup = completer.popup() if completer is not None else None
        popup_open = popup is not None and popup.isVisible()
        if _is_alt_down(event):
            if not popup_open:
                self.history_wanted.emit()
            return
        if (
            popup_open
            and popup is not None
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and popup.currentIndex().isValid()
        ):
            # The completer forwards Enter here first and, if we ignore it, completes and emits
            # activated: leave it to that, or the typed prefix would be submitted instead.
            event.ignore()
            return
        if not popup_open and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if event.key() == Qt.Key.Key_Down:
                self.down_pressed.emit()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.escape_pressed.emit()
                return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """Emits query_changed as the user types (once per burst of keys) and query_submitted at
    once on Enter.

    The bar never searches: the window connects these signals to the search worker and
    persists history() (see history_changed) in its settings.
    """

    query_changed = Signal(str)
    query_submitted = Signal(str)
    move_down = Signal()
    history_changed = Signal(list)
    syntax_help_requested = Signal()  # the "?" beside the box: Help → Search syntax

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: list[str] = []
        self._last_submitted: str | None = None

        self.line_edit = _SearchLineEdit(self)
        self.line_edit.setObjectName("searchBox")
        self.line_edit.setAccessibleName(self.tr("Search"))
        self.line_edit.setAccessibleDescription(
            self.tr(
                "Type to search; Enter searches at once; Down moves to the results; "
                "Alt+Down shows recent searches."
            )
        )
        self.line_edit.setClearButtonEnabled(True)
        self.set_library_size(0)

        self._history_model = QStringListModel(self)
        self.completer = QCompleter(self._history_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._on_completion_chosen)
        self.completer.setWidget(self.line_edit)  # not setCompleter: no pop-up while typing
        popup = self.completer.popup()
        assert popup is not None  # made by the completer
        popup.setObjectName("searchHistoryPopup")
        popup.setAccessibleName(self.tr("Recent searches"))
        self.line_edit.history_completer = self.completer

        self.history_button = QToolButton(self)
        self.history_button.setObjectName("searchHistoryButton")
        self.history_button.setArrowType(Qt.ArrowType.DownArrow)
        self.history_button.setToolTip(self.tr("Recent searches"))
        self.history_button.setAccessibleName(self.tr("Recent searches"))
        self.history_button.setAutoRaise(True)
        self.history_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.history_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._history_menu = QMenu(self.history_button)
        self._history_menu.aboutToShow.connect(self._fill_history_menu)
        self.history_button.setMenu(self._history_menu)

        self.help_button = QToolButton(self)
        self.help_button.setObjectName("searchSyntaxButton")
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Search syntax: operators and examples (Shift+F1)"))
        self.help_button.setAccessibleName(self.tr("Search syntax"))
        self.help_button.setAutoRaise(True)
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.clicked.connect(self.syntax_help_requested)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("searchError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(self.tr("Search problem"))
        self.error_label.hide()
        self._apply_error_colour()

        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(SEARCH_AFTER_MS)
        self._typed.timeout.connect(self._emit_query_changed)

        # textEdited, not textChanged: programmatic set_query() must not start a search.
        self.line_edit.textEdited.connect(self._on_text_edited)
        self.line_edit.returnPressed.connect(self._on_return)
        self.line_edit.down_pressed.connect(self.move_down)
        self.line_edit.history_wanted.connect(self.show_history)
        self.line_edit.escape_pressed.connect(self.clear)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.history_button)
        row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.line_edit)

    # -- query ----------------------------------------------------------------------------

    def query(self) -> str:
        return self.line_edit.text()

    def set_query(self, text: str) -> None:
        """Shows text without emitting anything (restoring the last query, following a link)."""
        self._typed.stop()
        self.line_edit.setText(text)

    def is_pending(self) -> bool:
        """True while a typed query waits for the key events queued after it."""
        return self._typed.isActive()

    @Slot()
    def clear(self) -> None:
        had_text = bool(self.line_edit.text()) or self._typed.isActive()
        self._typed.stop()
        self.line_edit.clear()
        self.clear_error()
        if had_text:
            self.query_changed.emit("")

    @Slot()
    def focus_search(self) -> None:
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()

    def set_library_size(self, count: int) -> None:
        self.line_edit.setPlaceholderText(
            self.tr("Search {count} documents…").format(count=QLocale().toString(count))
        )

    def _on_text_edited(self, _text: str) -> None:
        self._typed.start()  # restarts: keys queued behind this one make one query

    def _emit_query_changed(self) -> None:
        self.query_changed.emit(self.line_edit.text())

    def _on_completion_chosen(self, text: str) -> None:
        # Choosing a recent search (Enter or click in the popup) submits it, once.
        if text and text != self._last_submitted:
            self._submit_text(text)

    def _on_return(self) -> None:
        self._submit_text(self.line_edit.text())

    def _submit_text(self, text: str) -> None:
        self._typed.stop()
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        # Remembered for the rest of this event only, to drop the completer's echo of it.
        self._last_submitted = text
        QTimer.singleShot(0, self._forget_last_submitted)
        if self.line_edit.text() != text:
            self.line_edit.setText(text)
        self.remember(text)
        self.query_submitted.emit(text)

    def _forget_last_submitted(self) -> None:
        self._last_submitted = None

    # -- inline error ---------------------------------------------------------------------

    def take_error_label(self) -> QLabel:
        """Hand the error message's label over to be placed elsewhere (the window puts it in
        the results' count row, so a message appearing moves nothing)."""
        layout = self.layout()
        if layout is not None:
            layout.removeWidget(self.error_label)
        return self.error_label

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_error_colour()
        super().changeEvent(event)

    def _apply_error_colour(self) -> None:
        # QPalette has no "error" role: pick a red that contrasts with the current background.
        palette = self.error_label.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b3261e"))
        self.error_label.setPalette(palette)

    # -- history --------------------------------------------------------------------------

    def history(self) -> list[str]:
        return list(self._history)

    def set_history(self, queries: list[str]) -> None:
        cleaned: list[str] = []
        for query in queries:
            query = str(query).strip()
            if query and query not in cleaned:
                cleaned.append(query)
        self._history = cleaned[:MAX_HISTORY]
        self._history_model.setStringList(self._history)

    def remember(self, query: str) -> None:
        """Puts query first in the history (moving it up if already there)."""
        query = query.strip()
        if not query:
            return
        if self._history and self._history[0] == query:
            return
        self.set_history([query, *(q for q in self._history if q != query)])
        self.history_changed.emit(self.history())

    def clear_history(self) -> None:
        self.set_history([])
        self.history_changed.emit([])

    @Slot()
    def show_history(self) -> None:
        """The recent searches that contain the typed text (all of them when none does), in a
        pop-up under the box (Alt+Down); Enter or a click there searches that again."""
        if not self._history:
            return
        self.completer.setCompletionPrefix(self.line_edit.text().strip())
        if self.completer.completionCount() == 0:
            self.completer.setCompletionPrefix("")
        self.completer.complete()

    def _fill_history_menu(self) -> None:
        menu = self._history_menu
        menu.clear()
        if not self._history:
            menu.addAction(self.tr("No recent searches")).setEnabled(False)
            return
        for query in self._history[:15]:
            action = menu.addAction(query.replace("&", "&&"))  # "&" is a mnemonic
            action.triggered.connect(lambda _checked=False, q=query: self._submit_text(q))
        menu.addSeparator()
        menu.addAction(self.tr("Clear recent searches"), self.clear_history)
