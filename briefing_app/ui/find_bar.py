"""Find in the open document: a slim bar under the reader, hidden until Ctrl+F."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget


class FindBar(QWidget):
    """Emits what to find; the reader does the finding and reports back via set_position()."""

    find_text_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")

        self.line_edit = QLineEdit()
        self.line_edit.setObjectName("findBox")
        self.line_edit.setPlaceholderText(self.tr("Find in document"))
        self.line_edit.setAccessibleName(self.tr("Find in document"))
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.textChanged.connect(self.find_text_changed)
        self.line_edit.installEventFilter(self)

        self.previous_button = self._tool_button(
            "go-up", QStyle.StandardPixmap.SP_ArrowUp, self.tr("Previous match (Shift+Enter)")
        )
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = self._tool_button(
            "go-down", QStyle.StandardPixmap.SP_ArrowDown, self.tr("Next match (Enter)")
        )
        self.next_button.clicked.connect(self.next_requested)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        widest = self.tr("%1 of %2").replace("%1", "999").replace("%2", "999") + "  "
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.close_button = self._tool_button(
            "window-close", QStyle.StandardPixmap.SP_TitleBarCloseButton, self.tr("Close (Esc)")
        )
        self.close_button.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self.set_position(0, 0)
        self.hide()

    def _tool_button(self, theme: str, fallback: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(QIcon.fromTheme(theme, self.style().standardIcon(fallback)))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def text(self) -> str:
        return self.line_edit.text()

    def open_bar(self) -> None:
        """Show, focus and select the current text so typing replaces it."""
        self.show()
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()

    def close_bar(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.closed.emit()

    def set_position(self, current: int, total: int) -> None:
        """Show "n of m"; an empty search shows nothing."""
        has_text = bool(self.line_edit.text())
        if not has_text:
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(
                self.tr("%1 of %2").replace("%1", str(current)).replace("%2", str(total))
            )
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
