"""The line under the search box that says which other names a search looked for too
("Also searching for: Europese Unie, European Union"), with one button to search only what
was typed, and back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

QUOTED_MAX_CHARS = 40  # a long list of typed names is shortened in the button


class ExpansionNote(QWidget):
    """Hidden unless the shown results were widened by entity aliases (or could be)."""

    literal_changed = Signal(bool)  # True: search only the words as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expansionNote")
        self._literal = False
        self.label = QLabel(self)
        self.label.setObjectName("expansionText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.button = QPushButton(self)
        self.button.setObjectName("literalSearchButton")
        self.button.setFlat(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(lambda: self.literal_changed.emit(not self._literal))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_expansion(self, expanded: dict[str, list[str]], literal: bool) -> None:
        """`expanded`: typed name -> the other names searched (or, when `literal`, the names
        a widened search of this query looks for). Empty: the line hides."""
        self._literal = literal
        if not expanded:
            self.hide()
            return
        names = _listed(expanded)
        quoted = _quoted(list(expanded))
        if literal:
            self.label.setText(self.tr("Searching only %1.").replace("%1", quoted))
            self.button.setText(self.tr("Also search for %1").replace("%1", names))
            self.button.setAccessibleName(self.tr("Also search for the other names"))
        else:
            self.label.setText(self.tr("Also searching for: %1").replace("%1", names))
            self.button.setText(self.tr("Search only %1").replace("%1", quoted))
            self.button.setAccessibleName(self.tr("Search only the words as typed"))
        self.label.setAccessibleName(self.label.text())
        self.button.setToolTip(self.button.text())
        self.show()

    def is_literal(self) -> bool:
        return self._literal


def _listed(expanded: dict[str, list[str]]) -> str:
    if len(expanded) == 1:
        return ", ".join(next(iter(expanded.values())))
    return "; ".join(f"{', '.join(names)} ({typed})" for typed, names in expanded.items())


def _quoted(typed: list[str]) -> str:
    """“EU” or “EU”, “VS”: the names as typed (a long list shortened)."""
    text = ", ".join(f"“{name}”" for name in typed)
    if len(text) > QUOTED_MAX_CHARS:
        text = text[: QUOTED_MAX_CHARS - 1] + "…"
    return text
