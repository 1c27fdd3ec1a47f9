"""Dialogs of the entity corrections: Merge (choose the entity to merge into) and Hidden
entities (show a hidden one again)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.folding import fold
from briefing_app.library import HiddenEntity
from briefing_app.ui.dialogs import PairsModel
from briefing_app.ui.merge_target import Candidate, likeliest_target

_Index = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1
FilterRole = Qt.ItemDataRole.UserRole + 2


class CandidatesModel(QAbstractListModel):
    """The entities one may merge into: name shown, key as KeyRole."""

    def __init__(self, candidates: Sequence[Candidate], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items = list(candidates)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.name
        if role == KeyRole:
            return item.key
        if role == FilterRole:
            return "\n".join(fold(n) for n in (item.name, item.key, *item.aliases))
        return None

    def row_of(self, key: str) -> int:
        return next((row for row, item in enumerate(self._items) if item.key == key), -1)


class _ContainsProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_needle(self, text: str) -> None:
        self._needle = fold(text.strip())
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        text = self.sourceModel().index(source_row, 0, source_parent).data(FilterRole)
        return isinstance(text, str) and self._needle in text


class MergeDialog(QDialog):
    """Choose the entity to merge `entity` into. The likeliest one (the same surname, a
    shared alias) is selected; when none is likely nothing is, and Enter does nothing until
    the user chooses."""

    def __init__(
        self,
        parent: QWidget | None,
        kind: str,
        entity: Candidate,
        candidates: Sequence[Candidate],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge"))
        others = sorted((c for c in candidates if c.key != entity.key), key=lambda c: fold(c.name))
        self.model = CandidatesModel(others, self)
        self.proxy = _ContainsProxy(self)
        self.proxy.setSourceModel(self.model)
        intro = QLabel(self.tr("Merge “%1” into:").replace("%1", entity.name), self)
        intro.setWordWrap(True)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("mergeFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter…"))
        self.filter_box.setAccessibleName(self.tr("Filter the entities to merge into"))
        self.filter_box.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setObjectName("mergeTargets")
        self.list.setAccessibleName(self.tr("Entities to merge into"))
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(380, 420)

        self.filter_box.textChanged.connect(self._on_filter)
        self.list.selectionModel().selectionChanged.connect(self._update_ok)
        self.list.doubleClicked.connect(lambda _index: self.accept())
        self.filter_box.installEventFilter(self)
        self.suggested = likeliest_target(kind, entity, others)
        if self.suggested is not None:
            row = self.model.row_of(self.suggested)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        self._update_ok()
        self.list.setFocus() if self.suggested is not None else self.filter_box.setFocus()

    def target(self) -> str | None:
        """The key chosen, None when nothing is."""
        indexes = self.list.selectionModel().selectedIndexes()
        if not indexes:
            return None
        key = indexes[0].data(KeyRole)
        return key if isinstance(key, str) else None

    def accept(self) -> None:
        if self.target() is not None:
            super().accept()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.target() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the filter box continues into the list.
        if (
            watched is self.filter_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)


class HiddenModel(PairsModel):
    """The hidden entities: name and kind."""

    def __init__(self, headers: tuple[str, str], label: Callable[[HiddenEntity], tuple[str, str]]):
        super().__init__(headers, [])
        self._label = label
        self._items: list[HiddenEntity] = []

    def set_items(self, items: Sequence[HiddenEntity]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._rows = [self._label(item) for item in self._items]
        self.endResetModel()

    def item_at(self, row: int) -> HiddenEntity | None:
        return self._items[row] if 0 <= row < len(self._items) else None


class HiddenEntitiesDialog(QDialog):
    """The entities the user hid; "Show again" restores the selected one."""

    restore_requested = Signal(str, str)  # type, key

    def __init__(self, parent: QWidget | None, label: Callable[[str, str], str]) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenEntitiesDialog")
        self.setWindowTitle(self.tr("Hidden entities"))
        kinds = {
            "person": self.tr("Person"),
            "country": self.tr("Country"),
            "org": self.tr("Organization"),
        }

        def row(item: HiddenEntity) -> tuple[str, str]:
            name = label(item.type, item.key)
            if item.names:
                name += " (" + ", ".join(item.names) + ")"
            return name, kinds.get(item.type, item.type)

        self.model = HiddenModel((self.tr("Name"), self.tr("Kind")), row)
        self.model.setParent(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("hiddenEntities")
        self.table.setAccessibleName(self.tr("Hidden entities"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Show again"), self)
        self.restore_button.setObjectName("showHiddenAgain")
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(460, 360)
        self.restore_button.clicked.connect(self._restore)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda _index: self._restore())
        self.set_hidden([])

    def set_hidden(self, items: Sequence[HiddenEntity]) -> None:
        self.model.set_items(items)
        self.intro.setText(
            self.tr(
                "Hidden entities are left out of every panel and filter. Select one and "
                "choose Show again to restore it."
            )
            if items
            else self.tr("No entity is hidden.")
        )
        self._update_button()

    def _selected(self) -> HiddenEntity | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _update_button(self, *_args: object) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _restore(self) -> None:
        item = self._selected()
        if item is not None:
            self.restore_requested.emit(item.type, item.key)
