"""Small dialogs: import failures and the keyboard shortcuts reference."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


class PairsModel(QAbstractTableModel):
    """A read-only two-column table (e.g. file and reason, action and shortcut)."""

    def __init__(self, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._headers = headers
        self._rows = list(rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class _TableDialog(QDialog):
    """Title, a line of introduction, a two-column table and Close.

    Subclasses pass their texts through self.tr() once the dialog exists, so that lupdate
    and Qt agree on the context (the subclass's name); parent.tr() would not.
    """

    def __init__(self, parent: QWidget | None, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.resize(720, 420)
        self.model = PairsModel(("", ""), [])
        self.intro = QLabel(self)
        self.table = QTableView(self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _fill(self, title: str, intro: str, model: PairsModel) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.model = model
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 300)


class FailuresDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, failures: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent, "failuresDialog")
        self._fill(
            self.tr("Import problems"),
            self.tr("Files not imported: %1").replace("%1", str(len(failures))),
            PairsModel((self.tr("File"), self.tr("Reason")), failures),
        )


class ShortcutsDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, actions: Sequence[QAction]) -> None:
        super().__init__(parent, "shortcutsDialog")
        native = QKeySequence.SequenceFormat.NativeText  # the platform's key names, ⌘ on macOS
        rows = sorted(
            (
                action.text().replace("&", ""),
                ", ".join(s.toString(native) for s in action.shortcuts()),
            )
            for action in actions
            if action.shortcuts()
        )
        self._fill(
            self.tr("Keyboard shortcuts"),
            self.tr("Everything Briefing does from the keyboard:"),
            PairsModel((self.tr("Action"), self.tr("Shortcut")), rows),
        )
