"""A side panel listing one type of entity (people, countries or organizations) with counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ui.models import EntityFilterProxy, EntityItem, EntityListModel

DOCUMENT_SCOPE = "document"
RESULTS_SCOPE = "results"


def mentions_query(item: EntityItem) -> str:
    """A query for the texts that mention item: its name or any alias, each as a phrase."""
    phrases = [f'"{surface.replace(chr(34), "")}"' for surface in item.surfaces if surface]
    return " OR ".join(phrases[:8])


class EntityPanel(QWidget):
    """Shows the entities of the open document or of the current results; never loads them.

    The window feeds set_document_entities()/set_result_entities() and reacts to the signals.
    """

    entity_activated = Signal(str, str, str)  # type, key, name: add it as a filter
    entity_selected = Signal(str, str, tuple)  # type, key, surfaces to highlight in the reader
    rename_requested = Signal(str, str, str)  # type, key, current name
    merge_requested = Signal(str, str, str)  # type, key, name
    hide_requested = Signal(str, str)  # type, key
    search_requested = Signal(str)  # query text
    scope_changed = Signal(str)  # "document" | "results"
    # The results' list is cut at the commonest entries and the user wants more (to see them
    # all, or to filter them all): answer with set_result_entities(all of them).
    full_list_wanted = Signal(str)  # entity type
    hidden_list_requested = Signal(str)  # entity type; show the hidden ones, to restore them

    def __init__(
        self, entity_type: str, title: str, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.entity_type = entity_type
        self.title = title
        # The window puts object_name on the dock; the panel and list carry derived names.
        self.setObjectName(f"{object_name}Content")
        self.setAccessibleName(title)

        self._document_model = EntityListModel(self)
        self._result_model = EntityListModel(self)
        self._document_open = False
        self._result_total = 0  # entities in the results; more than listed when cut
        self._full_list_asked = False  # for the list shown now
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self._document_model)

        self.document_button = self._scope_button(self.tr("This document"), DOCUMENT_SCOPE)
        self.results_button = self._scope_button(self.tr("Results"), RESULTS_SCOPE)
        self.document_button.setChecked(True)
        self._scope_group = QButtonGroup(self)
        self._scope_group.setExclusive(True)
        self._scope_group.addButton(self.document_button)
        self._scope_group.addButton(self.results_button)
        self.document_button.toggled.connect(self._on_scope_toggled)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName(f"{object_name}Filter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter…"))
        self.filter_box.setAccessibleName(self.tr("Filter {title}").format(title=title))
        self.filter_box.textChanged.connect(self._on_filter_text)

        self.view = QTreeView(self)
        self.view.setObjectName(f"{object_name}List")
        self.view.setAccessibleName(title)
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(EntityListModel.COUNT_COLUMN, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(EntityListModel.NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        # A fixed width that fits any count: ResizeToContents asked the model for every row's
        # count on each new result list (a third of the GUI thread's time while typing).
        header.setSectionResizeMode(EntityListModel.COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            EntityListModel.COUNT_COLUMN, self.view.fontMetrics().horizontalAdvance("000,000 ")
        )
        self.view.clicked.connect(self._activate_index)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName(f"{object_name}Placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # muted text from the palette

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)

        # Beside the scope buttons (no height of its own: the panels stack in a small window),
        # for a cut-off list of the results: how much of it is shown, and a way to see all.
        self.cut_note = QLabel(self)
        self.cut_note.setObjectName(f"{object_name}CutNote")
        self.cut_note.setEnabled(False)  # muted text
        self.cut_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # May be cut short rather than widen the dock.
        self.cut_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.show_all_button = QToolButton(self)
        self.show_all_button.setObjectName(f"{object_name}ShowAll")
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setAccessibleName(self.tr("Show all {title}").format(title=title))
        self.show_all_button.setAutoRaise(True)
        self.show_all_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.show_all_button.setMinimumWidth(1)  # nor does the button widen the dock
        self.show_all_button.clicked.connect(self._ask_full_list)
        self._cut_row = QWidget(self)
        cut_layout = QHBoxLayout(self._cut_row)
        cut_layout.setContentsMargins(0, 0, 0, 0)
        cut_layout.addWidget(self.cut_note, 1)
        cut_layout.addWidget(self.show_all_button)
        self._cut_row.hide()

        self.add_filter_action = self._action(self.tr("Add as filter"), self._on_add_filter)
        self.rename_action = self._action(self.tr("Rename…"), self._on_rename)
        self.merge_action = self._action(self.tr("Merge into…"), self._on_merge)
        self.hide_action = self._action(self.tr("Hide"), self._on_hide)
        self.search_action = self._action(self.tr("Search for mentions"), self._on_search)
        self.hidden_action = QAction(self.tr("Hidden entities…"), self)
        self.hidden_action.triggered.connect(
            lambda: self.hidden_list_requested.emit(self.entity_type)
        )

        toggles = QHBoxLayout()
        toggles.setContentsMargins(0, 0, 0, 0)
        toggles.setSpacing(0)
        toggles.addWidget(self.document_button)
        toggles.addWidget(self.results_button)
        toggles.addStretch(1)
        toggles.addWidget(self._cut_row, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(toggles)
        layout.addWidget(self.filter_box)
        layout.addWidget(self._stack, 1)
        self._refresh()
        self.filter_box.installEventFilter(self)
        self.view.installEventFilter(self)

    def _scope_button(self, text: str, scope: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{scope}ScopeButton")
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        action.setEnabled(False)
        return action

    # -- data in --------------------------------------------------------------------------

    def set_document_entities(self, items: Sequence[EntityItem] | None) -> None:
        """The open document's entities; None when no document is open."""
        self._document_open = items is not None
        self._document_model.set_items(list(items or []))
        self._refresh()

    def set_bookmark_counts(self, counts: dict[str, int]) -> None:
        """Bookmarks mentioning each entity ("type:key"), shown in the rows' tooltips."""
        self._document_model.set_bookmark_counts(counts)
        self._result_model.set_bookmark_counts(counts)

    def bookmark_count(self, key: str) -> int:
        item = next((i for i in self.all_items() if i.key == key), None)
        return 0 if item is None else self._document_model.bookmark_count(item)

    def set_result_entities(self, items: Sequence[EntityItem], total: int | None = None) -> None:
        """The results' entities: the commonest, or all of them; `total`: how many the
        results have (None: these are all)."""
        self._result_model.set_items(list(items))
        self._result_total = max(len(items), total or 0)
        self._full_list_asked = False
        self._refresh()
        if self.filter_box.text().strip():
            self._want_full_list()

    def result_list_is_cut(self) -> bool:
        """True when the results' list holds only the commonest of their entities."""
        return self._result_total > self._result_model.rowCount()

    def all_items(self) -> list[EntityItem]:
        """Every entity the panel knows, in the document and in the results."""
        return [*self._document_model.items(), *self._result_model.items()]

    def scope(self) -> str:
        return DOCUMENT_SCOPE if self.document_button.isChecked() else RESULTS_SCOPE

    def set_scope(self, scope: str) -> None:
        button = self.document_button if scope == DOCUMENT_SCOPE else self.results_button
        button.setChecked(True)

    def current_item(self) -> EntityItem | None:
        return self._item(self.view.currentIndex())

    def select_key(self, key: str) -> bool:
        """Makes the entity with this key current (emits entity_selected); False if not listed."""
        for row in range(self.proxy.rowCount()):
            item = self.proxy.item_at(row)
            if item is not None and item.key == key:
                self.view.setCurrentIndex(self.proxy.index(row, 0))
                return True
        return False

    # -- state ----------------------------------------------------------------------------

    def _on_scope_toggled(self, _checked: bool) -> None:
        model = self._document_model if self.document_button.isChecked() else self._result_model
        if self.proxy.sourceModel() is not model:
            column, order = self.proxy.sortColumn(), self.proxy.sortOrder()
            self.proxy.setSourceModel(model)
            self.proxy.sort(column, order)
            self._refresh()
            self.scope_changed.emit(self.scope())

    def _on_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        if text.strip():
            self._want_full_list()  # the filter searches every entity, not the first ones
        self._refresh()

    def _want_full_list(self) -> None:
        if self.result_list_is_cut() and not self._full_list_asked:
            self._full_list_asked = True
            self.full_list_wanted.emit(self.entity_type)

    def _ask_full_list(self) -> None:
        self._full_list_asked = False
        self._want_full_list()
        self._refresh()

    def _refresh(self) -> None:
        shown = self.view if self.proxy.rowCount() > 0 else self.placeholder
        if shown is self.placeholder:
            self.placeholder.setText(self._empty_text())
        if self._stack.currentWidget() is not shown:
            self._stack.setCurrentWidget(shown)
        cut = self.scope() == RESULTS_SCOPE and self.result_list_is_cut()
        if cut:
            self.cut_note.setText(
                self.tr("Showing {shown} of {total}").format(
                    shown=self._result_model.rowCount(), total=self._result_total
                )
            )
            self.show_all_button.setEnabled(not self._full_list_asked)
        self._cut_row.setVisible(cut)
        self._update_actions()

    def _empty_text(self) -> str:
        source = self.proxy.sourceModel()
        if source is not None and source.rowCount() > 0:
            if self.scope() == RESULTS_SCOPE and self._full_list_asked:
                return self.tr("Looking through all {total}…").format(total=self._result_total)
            return self.tr("Nothing matches “{text}”").format(text=self.filter_box.text())
        if self.scope() == DOCUMENT_SCOPE and not self._document_open:
            return self.tr("No document open")
        in_document = self.scope() == DOCUMENT_SCOPE
        # Whole sentences per type, so translators can get the grammar right.
        if self.entity_type == "person":
            return (
                self.tr("No people in this document")
                if in_document
                else self.tr("No people in these results")
            )
        if self.entity_type == "country":
            return (
                self.tr("No countries in this document")
                if in_document
                else self.tr("No countries in these results")
            )
        return (
            self.tr("No organizations in this document")
            if in_document
            else self.tr("No organizations in these results")
        )

    def _update_actions(self) -> None:
        has_item = self.current_item() is not None
        for action in self.context_actions():
            action.setEnabled(has_item)

    def context_actions(self) -> list[QAction]:
        return [
            self.add_filter_action,
            self.rename_action,
            self.merge_action,
            self.hide_action,
            self.search_action,
        ]

    # -- user actions ---------------------------------------------------------------------

    def _item(self, index: QModelIndex) -> EntityItem | None:
        return self.proxy.item_at(index.row()) if index.isValid() else None

    def _activate_index(self, index: QModelIndex) -> None:
        item = self._item(index)
        if item is not None:
            self.entity_activated.emit(item.type, item.key, item.name)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        item = self.current_item()
        if item is not None and self.view.selectionModel().isSelected(self.view.currentIndex()):
            self.entity_selected.emit(item.type, item.key, item.surfaces)
        else:
            self.entity_selected.emit(self.entity_type, "", ())

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        menu = QMenu(self)
        if not index.isValid():  # beside the entries: what is not listed
            menu.addAction(self.hidden_action)
            menu.exec(self.view.viewport().mapToGlobal(position))
            menu.deleteLater()
            return
        self.view.setCurrentIndex(index)
        menu.addAction(self.add_filter_action)
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.hide_action)
        menu.addSeparator()
        menu.addAction(self.search_action)
        menu.addSeparator()
        menu.addAction(self.hidden_action)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_add_filter(self) -> None:
        self._activate_index(self.view.currentIndex())

    def _on_rename(self) -> None:
        if item := self.current_item():
            self.rename_requested.emit(item.type, item.key, item.name)

    def _on_merge(self) -> None:
        if item := self.current_item():
            self.merge_requested.emit(item.type, item.key, item.name)

    def _on_hide(self) -> None:
        if item := self.current_item():
            self.hide_requested.emit(item.type, item.key)

    def _on_search(self) -> None:
        if item := self.current_item():
            self.search_requested.emit(mentions_query(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate_index(self.view.currentIndex())
                return True
            # Down from the filter box continues into the list, like the main search box.
            if watched is self.filter_box and key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.view.currentIndex().isValid():
                    self.view.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if watched is self.filter_box and key == Qt.Key.Key_Escape and self.filter_box.text():
                self.filter_box.clear()
                return True
        return super().eventFilter(watched, event)
