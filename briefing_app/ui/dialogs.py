"""Small dialogs: import failures and the keyboard shortcuts reference."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
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
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        model: PairsModel,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(object_name)
        self.resize(720, 420)
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)


class FailuresDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, failures: Sequence[tuple[str, str]]) -> None:
        super().__init__(
            parent,
            parent.tr("Import problems") if parent else "Import problems",
            (parent.tr("These files were not imported:") if parent else "") + f" {len(failures)}",
            PairsModel(("File", "Reason"), failures),
            "failuresDialog",
        )


class ShortcutsDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, actions: Sequence[QAction]) -> None:
        rows = [
            (action.text().replace("&", ""), ", ".join(s.toString() for s in action.shortcuts()))
            for action in actions
            if action.shortcuts()
        ]
        rows.sort()
        super().__init__(
            parent,
            parent.tr("Keyboard shortcuts") if parent else "Keyboard shortcuts",
            parent.tr("Everything Briefing does from the keyboard:") if parent else "",
            PairsModel(("Action", "Shortcut"), rows),
            "shortcutsDialog",
        )
