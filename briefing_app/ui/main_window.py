"""The main window: composition of the widgets and, in `_connect`, all of their wiring."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QProcess, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QPagedPaintDevice,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.bookmarks import Bookmark, BookmarkStatus
from briefing_app.library import CorrectionChange, ImportReport, Library
from briefing_app.resources import resource_path
from briefing_app.search import FacetCount, SearchRequest, SearchResults
from briefing_app.ui import (
    desktop_open,
    entity_corrections,
    importing,
    outputs,
    preferences,
    result_texts,
)
from briefing_app.ui.bookmark_editor import BookmarkEditor
from briefing_app.ui.bookmark_workflow import BookmarkListing, BookmarkWorkflow, status_note
from briefing_app.ui.core_messages import translated
from briefing_app.ui.correction_workflow import CorrectionWorkflow
from briefing_app.ui.dialogs import FailuresDialog, SearchSyntaxDialog, ShortcutsDialog
from briefing_app.ui.docks import PANELS, build_docks
from briefing_app.ui.entity_dialogs import HiddenEntitiesDialog, MergeDialog
from briefing_app.ui.expansion_note import ExpansionNote
from briefing_app.ui.file_watch import FileWatch
from briefing_app.ui.filter_bar import FilterBar
from briefing_app.ui.menus import build_menus, library_changing_actions
from briefing_app.ui.models import EntityItem, ResultsModel, document_entity_items
from briefing_app.ui.navigation import NO_HIT, HistoryEntry, NavigationHistory
from briefing_app.ui.reader import ReaderPane
from briefing_app.ui.result_delegate import ResultsView
from briefing_app.ui.search_bar import SearchBar
from briefing_app.ui.search_request import search_request
from briefing_app.ui.service import LibraryService, OpenedView
from briefing_app.ui.state import WindowState
from briefing_app.ui.undo_order import BOOKMARK, CORRECTION, UndoOrder

# Results per page: a screenful and some. Every hit of a page gets its snippet (~1 ms each at
# 10k documents), so a smaller first page paints sooner; scrolling fetches the next ones.
PAGE_SIZE = 25
# Entities per type in the panels' Results tab: the commonest; the rest on demand ("Show all",
# or typing in the panel's filter box).
FACET_LIMIT = 20
REFRESH_DELAY_MS = 400  # coalesce re-searches while an import commits batch after batch
OPENING_NOTE_AFTER_MS = 300  # a document slower to open than this says so in the status bar


class MainWindow(QMainWindow):
    # Events other parts (and tests) can wait for.
    results_shown = Signal(int)  # total
    document_shown = Signal(str)  # document id
    library_ready = Signal(int)  # documents in the library
    bookmarks_shown = Signal(int)  # bookmarks listed in the panel (before its filters)
    import_finished = Signal(object)  # ImportReport, once the window shows it

    # The menus' actions (menus.build_menus makes them).
    import_files_action: QAction
    import_folder_action: QAction
    rescan_action: QAction
    reindex_action: QAction
    failures_action: QAction
    export_briefing_action: QAction
    export_annotations_action: QAction
    import_bookmarks_action: QAction
    print_document_action: QAction
    export_document_pdf_action: QAction
    pdf_highlights_action: QAction  # checkable: highlights in print and PDF
    focus_search_action: QAction
    undo_delete_action: QAction  # Ctrl+Z, whatever it takes back
    theme_actions: dict[str, QAction]
    back_action: QAction
    forward_action: QAction
    next_result_action: QAction
    previous_result_action: QAction
    shortcuts_action: QAction
    search_syntax_action: QAction
    restart_box: QMessageBox  # View → Language's offer to restart (preferences.set_language)

    def __init__(
        self,
        service: LibraryService,
        settings: QSettings,
        *,
        ui_language: str = "en",
        import_on_start: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.state = WindowState(settings)
        self.ui_language = ui_language
        self._import_on_start = list(import_on_start or [])
        self._request: SearchRequest | None = None
        # The query in the box is being typed (not submitted with Enter, nor set): its last
        # word may be unfinished, so it is searched as a prefix, without spelling suggestions.
        self._typing = False
        self._library_size = 0
        self._history = NavigationHistory()
        self._restore_hit: int | None = None  # for the document back/forward opens
        self._last_failures: list[tuple[str, str]] = []
        self._current_doc: str | None = None  # asked for
        self._restoring_selection = False
        self._keep_selection = False
        self._shown_doc: str | None = None  # in the reader
        self._shown_path = ""
        self._shown_text = ""  # Document.text of the shown document (bookmark offsets)
        self.bookmark_workflow = BookmarkWorkflow(service, self)
        self.correction_workflow = CorrectionWorkflow(service, self)
        self._undo_order = UndoOrder()  # what Ctrl+Z takes back: a deletion or a correction
        self.merge_dialog: MergeDialog | None = None
        self.hidden_dialog: HiddenEntitiesDialog | None = None
        self._read_only = False  # the data folder cannot be written: search and read only
        # The query the user chose to search literally (no entity aliases), and the other
        # names the last widened search of a query looked for (to offer them back).
        self._literal_query: str | None = None
        self._widened: tuple[str, dict[str, list[str]]] = ("", {})
        self.setObjectName("mainWindow")
        self.setWindowTitle("Briefing")
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_widgets()
        self.panels, self.docks, self.bookmarks_panel = build_docks(self)
        self._build_status_bar()
        build_menus(self)
        self._update_navigation()
        self._connect()
        self._restore_state()

    # -- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.expansion_note = ExpansionNote(self)
        self.filter_bar = FilterBar(self)
        self.results_model = ResultsModel(self)
        self.results_view = ResultsView(self)
        self.results_view.setModel(self.results_model)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("suggestionLabel")
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.hide()
        self.reader = ReaderPane(self)
        self.bookmark_editor = BookmarkEditor(self.reader)

        results_panel = QWidget(self)
        results_layout = QVBoxLayout(results_panel)
        results_layout.setContentsMargins(0, 0, 0, 0)
        # A malformed query's message goes in the count row, which is always there: the
        # layout does not move, and the last good results stay, greyed, under it.
        error_label = self.search_bar.take_error_label()
        error_label.setWordWrap(False)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(error_label, 1)
        counts.addStretch(1)
        counts.addWidget(self.suggestion_label)
        results_layout.addLayout(counts)
        results_layout.addWidget(self.results_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(results_panel)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.expansion_note)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel import"))
        self.cancel_button.hide()
        self.failures_button = QPushButton(self)
        self.failures_button.setObjectName("importFailures")
        self.failures_button.setFlat(True)
        self.failures_button.hide()
        self.undo_button = QPushButton(self.tr("Undo delete"), self)
        self.undo_button.setObjectName("undoDeleteBookmark")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.undo_button)
        bar.addPermanentWidget(self.failures_button)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    # -- wiring (the one place where signals meet slots) -----------------------------------

    def _connect(self) -> None:
        s = self.service
        # Library work answers the callbacks given with each request; these are the events.
        s.ready.connect(self._on_ready)
        s.open_failed.connect(self._on_open_failed)
        s.opened_read_only.connect(self._on_opened_read_only)
        s.library_counted.connect(self._set_library_size)
        s.busy_changed.connect(partial(importing.show_busy, self))
        s.import_progress.connect(partial(importing.show_progress, self))
        s.index_rebuilding.connect(partial(importing.show_index_rebuilding, self))
        s.library_changed.connect(self._refresh_timer_start)
        b = self.bookmark_workflow
        b.listed.connect(self._on_bookmarks_listed)
        b.saved.connect(self._on_bookmark_saved)
        b.created.connect(self._on_bookmark_created)
        b.restored.connect(self._on_bookmark_restored)
        b.removed.connect(self._on_bookmark_removed)
        b.undo_changed.connect(lambda can: self._undo_available(BOOKMARK, can))
        c = self.correction_workflow
        c.applied.connect(self._on_correction_applied)
        c.undone.connect(self._on_correction_undone)
        c.unhidden.connect(self._on_entity_unhidden)
        c.undo_changed.connect(lambda can: self._undo_available(CORRECTION, can))
        c.failed.connect(self._on_job_failed)
        b.open_requested.connect(self.open_document)
        b.reveal_requested.connect(self._reveal_bookmark)
        b.exported.connect(self._on_bookmarks_exported)
        b.imported.connect(self._on_bookmarks_imported)
        b.failed.connect(self._on_bookmark_failed)

        self.search_bar.query_changed.connect(self._on_query_typed)
        self.search_bar.query_submitted.connect(self._on_query_submitted)
        self.search_bar.move_down.connect(self._focus_results)
        self.search_bar.history_changed.connect(self._remember_history)
        self.search_bar.syntax_help_requested.connect(self.show_search_syntax)
        self.expansion_note.literal_changed.connect(self.set_literal)
        self.filter_bar.filters_changed.connect(self.search)  # sort and dates included
        self.results_model.more_wanted.connect(self._load_more)
        self.results_view.current_changed.connect(self._on_current_result)
        self.results_view.open_requested.connect(self._open_and_read)
        self.results_view.move_up_from_top.connect(self.search_bar.focus_search)
        self.cancel_button.clicked.connect(s.cancel_job)
        self.failures_button.clicked.connect(self.show_failures)

        self.reader.link_activated.connect(partial(desktop_open.open_link, self))
        self.reader.open_file_requested.connect(partial(desktop_open.open_file, self))
        self.reader.show_in_folder_requested.connect(partial(desktop_open.show_in_folder, self))
        self.reader.zoom_changed.connect(self._remember_zoom)
        self.suggestion_label.linkActivated.connect(self._use_suggestion)

        self.reader.bookmark_requested.connect(self.bookmark_selection)
        self.reader.mark_entity_requested.connect(self.mark_entity)
        self.reader.bookmark_clicked.connect(self._on_bookmark_clicked)
        self.bookmark_editor.edited.connect(self.bookmark_workflow.update)
        self.bookmarks_panel.bookmark_activated.connect(self.show_bookmark)
        self.bookmarks_panel.edit_requested.connect(self.edit_bookmark)
        self.bookmarks_panel.delete_requested.connect(self.delete_bookmark)
        self.bookmarks_panel.reattach_requested.connect(self.reattach_bookmark)
        self.undo_button.clicked.connect(self.undo)

        for panel in self.panels.values():
            panel.entity_activated.connect(self._add_entity_filter)
            panel.entity_selected.connect(
                lambda _kind, _key, surfaces: self.reader.set_entity_highlight(list(surfaces))
            )
            panel.rename_requested.connect(partial(entity_corrections.ask_rename, self))
            panel.merge_requested.connect(partial(entity_corrections.ask_merge, self))
            panel.hide_requested.connect(lambda kind, key: self.correct_entity("hide", kind, key))
            panel.search_requested.connect(self.set_query)
            panel.full_list_wanted.connect(self._load_full_list)
            panel.hidden_list_requested.connect(
                lambda _kind: entity_corrections.show_hidden_entities(self)
            )

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_after_change)
        self._opening_timer = QTimer(self, singleShot=True, interval=OPENING_NOTE_AFTER_MS)
        self._opening_timer.timeout.connect(self._show_opening_note)
        self._file_watch = FileWatch(self)
        self._file_watch.changed.connect(self._on_shown_file_changed)

    def _refresh_timer_start(self) -> None:
        self._refresh_timer.start()

    # -- state -----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        if self.state.geometry is not None:
            self.restoreGeometry(self.state.geometry)
        if self.state.dock_state is not None:
            self.restoreState(self.state.dock_state)
        else:
            # First start: reading gets the height; the bookmarks list starts compact (once the
            # window is laid out: before that, dock sizes are ignored).
            QTimer.singleShot(
                0,
                lambda: self.resizeDocks([self.docks["bookmarks"]], [160], Qt.Orientation.Vertical),
            )
        if self.state.splitter is not None:
            self.splitter.restoreState(self.state.splitter)
        self.search_bar.set_history(self.state.history)
        self.reader.set_zoom_level(self.state.zoom)
        self.search_bar.set_query(self.state.last_query)
        for panel in self.panels.values():
            panel.set_scope("results")

    def _save_state(self) -> None:
        self.state.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.state.last_query = self.search_bar.query()
        self.state.history = self.search_bar.history()
        self.state.zoom = self.reader.zoom_level
        self.state.sync()

    def _remember_zoom(self, level: int) -> None:
        self.state.zoom = level

    def _remember_history(self, queries: list[str]) -> None:
        self.state.history = queries

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.bookmark_editor.flush()  # queued before the workers stop, so it is saved
            self._save_state()
        finally:
            # Whatever happens, the worker threads must end before their QThreads are freed.
            self.service.shutdown()
        super().closeEvent(event)

    # -- library lifecycle -----------------------------------------------------------------

    def _on_ready(self, count: int) -> None:
        self._set_library_size(count)
        paths = self._import_on_start
        if count == 0 and not paths and not self._read_only:
            # First run: show real content at once.
            paths = [resource_path("sample")]
            self.status_label.setText(self.tr("Importing the sample library…"))
        self.import_paths(paths)
        self.search()
        self.refresh_bookmarks()
        self._update_date_span()
        self.library_ready.emit(count)

    def _on_open_failed(self, message: str) -> None:
        QMessageBox.critical(self, "Briefing", message)

    def _on_opened_read_only(self, message: str) -> None:
        # In the status bar, where it stays in sight; the menu items that would fail are off.
        self._read_only = True
        self.status_label.setText(message)
        for action in library_changing_actions(self):
            action.setEnabled(False)

    def is_read_only(self) -> bool:
        return self._read_only

    def library_size(self) -> int:
        return self._library_size

    def current_document_id(self) -> str | None:
        """The document shown in the reader (None until one has been opened)."""
        return self._shown_doc

    def _set_library_size(self, count: int) -> None:
        self._library_size = count
        self.search_bar.set_library_size(count)

    def _refresh_after_change(self) -> None:
        self.search(keep_selection=True)
        self.refresh_bookmarks()  # re-imports re-anchor bookmarks (moved, orphaned, ...)
        self._reload_document()
        self._update_date_span()

    def _update_date_span(self) -> None:
        """The date range starts out as the library's span (until the user sets it)."""
        self.service.run(
            lambda library: library.date_span(),
            supersedes="date-span",
            success=lambda span: self.filter_bar.set_date_span(*span),
        )

    def _reload_document(self) -> None:
        """The open document again, as the library now has it (an import, re-scan, rebuild
        or correction; its file changed on disk): text, highlights, bookmarks and panels.
        Its text is rendered again only when it changed."""
        if self._current_doc is None:
            return
        if self._shown_doc is None or self._current_doc not in (self._shown_doc, self._shown_path):
            self.open_document(self._current_doc, record=False)  # still opening: ask again
            return
        opened = self.reader.view.opened
        document = opened.document if opened is not None else None
        self.service.open_document(
            self._shown_doc,
            self._searched_query(),
            self._on_document_opened,
            self._on_document_failed,
            literal=self.is_literal(),
            shown_hash=document.content_hash if document is not None else "-",
        )

    def _on_shown_file_changed(self, path: str) -> None:
        """The open document's file changed on disk: import it again (its index entry,
        entities and bookmarks follow), which reloads the reader; read-only, just reload."""
        if self._read_only or not Path(path).exists():
            self._reload_document()
        else:
            self.import_paths([Path(path)])

    # -- searching -------------------------------------------------------------------------

    def current_request(self) -> SearchRequest:
        request = search_request(
            self.search_bar.query(),
            typing=self._typing,
            filters=self.filter_bar.filters(),
            dates=self.filter_bar.date_range(),
            sort=self.filter_bar.sort(),
            literal=self.is_literal(),
            limit=PAGE_SIZE,
        )
        return replace(request, facet_limit=FACET_LIMIT)

    def search(self, *_args: object, keep_selection: bool = False) -> None:
        self._keep_selection = keep_selection
        self._request = self.current_request()
        if not self._request.query.strip():
            self.reader.set_highlight_terms([])  # Esc: no search, so nothing highlighted
        self.service.search(self._request, self._on_search_finished, self._on_search_failed)

    def set_query(self, text: str) -> None:
        self._typing = False
        self.search_bar.set_query(text)
        self.search_bar.remember(text)
        self.search()

    def _on_query_typed(self, _query: str) -> None:
        self._typing = True
        self.search()

    def _on_query_submitted(self, _query: str) -> None:
        self._typing = False
        self.search()  # the search bar keeps its own history of submitted queries

    def _searched_query(self) -> str:
        """The query the results are for (with a typed word as a prefix): the reader
        highlights what it matches."""
        if self._request is not None:
            return self._request.query
        return self.search_bar.query()

    def _on_search_finished(self, results: SearchResults) -> None:
        self.search_bar.clear_error()
        self._show_results_stale(False)
        selected = self._current_doc if self._keep_selection else None
        self.results_model.reset_results(results)
        count = (
            self.tr("1 document")
            if results.total == 1
            else self.tr("%1 documents").replace("%1", QLocale().toString(results.total))
        )
        folded = results.documents - results.total  # near duplicates shown as one result
        if folded > 0:
            count += " " + self.tr("+ %n similar", "", folded)
        self.count_label.setText(count)
        if results.suggestion:
            self.suggestion_label.setText(result_texts.suggestion_html(results.suggestion))
            self.suggestion_label.setProperty("suggestion", results.suggestion)
            self.suggestion_label.show()
        else:
            self.suggestion_label.hide()
        self._show_expansion(results)
        for kind, _object_name, facet in PANELS:
            self.panels[kind].set_result_entities(
                self._facet_items(kind, results.facets.get(facet, [])),
                results.facet_totals.get(facet),
            )
        if selected is not None:
            row = self.results_model.row_of(selected)
            if row >= 0:
                self._restoring_selection = True
                self.results_view.select_row(row)
                self._restoring_selection = False
        self.results_shown.emit(results.total)

    def _load_full_list(self, kind: str) -> None:
        """A panel wants every entity of the results, not the commonest (to show or filter
        them all)."""
        request = self._request
        facet = next(f for k, _name, f in PANELS if k == kind)

        def loaded(results: SearchResults) -> None:
            if request is self._request:  # still the results shown
                self.panels[kind].set_result_entities(
                    self._facet_items(kind, results.facets.get(facet, []))
                )

        if request is not None:
            self.service.all_facets(request, loaded, key=kind)

    def _facet_items(self, kind: str, facets: list[FacetCount]) -> list[EntityItem]:
        return [
            EntityItem(kind, f.value, self.entity_name(kind, f.value), f.count, ()) for f in facets
        ]

    def country_name(self, code: str) -> str:
        return Library.country_name(code, self.ui_language)

    def entity_name(self, kind: str, key: str) -> str:
        """The entity's name in the window's language: "European Union" / "Europese Unie"."""
        return Library.entity_name(kind, key, self.ui_language)

    def _on_search_failed(self, message: str) -> None:
        self.search_bar.show_error(translated(message))
        self.suggestion_label.hide()
        self._show_results_stale(True)

    def _show_results_stale(self, stale: bool) -> None:
        """Greys the results (and their count) out while the query in the box is malformed:
        they are the last good query's."""
        self.results_view.setEnabled(not stale)
        self.count_label.setEnabled(not stale)
        self.results_view.setAccessibleDescription(
            self.tr("Results of the last valid query") if stale else ""
        )

    def results_are_stale(self) -> bool:
        """True while the results shown are those of an earlier query (the query in the box
        is malformed)."""
        return not self.results_view.isEnabled()

    def _load_more(self, offset: int) -> None:
        if self._request is not None:
            self.service.load_page(self._request, offset, self.results_model.append_hits)

    def is_literal(self) -> bool:
        """True when the query in the box is searched as typed, without entity aliases (the
        user chose so for this query; a new query is widened again)."""
        return self._literal_query is not None and self._literal_query == self.search_bar.query()

    def set_literal(self, literal: bool) -> None:
        """Search the current query as typed (True) or with its entities' other names too."""
        self._literal_query = self.search_bar.query() if literal else None
        self.search(keep_selection=True)
        if self._shown_doc is not None:  # its highlights follow: the other names or not
            self.open_document(self._shown_doc, record=False)

    def _show_expansion(self, results: SearchResults) -> None:
        literal = self._request is not None and self._request.literal
        if not literal:
            self._widened = (results.query, results.expanded)
        query, expanded = self._widened
        if literal and query != results.query:
            expanded = {}
        self.expansion_note.show_expansion(expanded, literal)

    def _use_suggestion(self, _link: str) -> None:
        self.set_query(str(self.suggestion_label.property("suggestion")))

    def _focus_results(self) -> None:
        self.results_view.focus_first_result()

    # -- entity filters and corrections ----------------------------------------------------

    def _add_entity_filter(self, kind: str, key: str, name: str) -> None:
        self.filter_bar.add_filter(kind, key, name)

    def correct_entity(self, action: str, kind: str, key: str, value: str | None = "") -> None:
        """Rename, merge or hide an entity (Library.apply_correction), in the background;
        undoable with Ctrl+Z."""
        if value is not None:
            self.correction_workflow.apply(action, kind, key, value)

    def _on_correction_applied(self, change: CorrectionChange) -> None:
        kind, key, value = change.entity_type, change.key, change.value
        if change.action == "hide":
            self.filter_bar.correct_filter(kind, key, None, "")
        else:
            self.filter_bar.correct_filter(kind, key, value, self.entity_name(kind, value))
        if change.added:
            self._undo_order.push(CORRECTION)
            self._update_undo()
        self.status_label.setText(entity_corrections.applied_message(change, self.entity_name))

    def _on_correction_undone(self, change: CorrectionChange) -> None:
        if change.action in ("rename", "merge"):
            kind, key = change.entity_type, change.key
            self.filter_bar.correct_filter(kind, change.value, key, self.entity_name(kind, key))
        self.status_label.setText(self.tr("Correction undone."))

    def _on_entity_unhidden(self, kind: str, key: str) -> None:
        self.status_label.setText(
            self.tr("“%1” is shown again.").replace("%1", self.entity_name(kind, key))
        )

    # -- undo: deleted bookmarks and entity corrections, the newest first -------------------

    def undo(self) -> None:
        """Ctrl+Z: takes back the newest bookmark deletion or entity correction."""
        if self._undo_order.next() == CORRECTION:
            self._undo_order.take(CORRECTION)
            self.correction_workflow.undo()
            self._update_undo()
        else:
            self.undo_delete()

    def _undo_available(self, kind: str, can_undo: bool) -> None:
        if not can_undo:  # nothing of that kind left to take back
            self._undo_order.forget(kind)
        self._update_undo()

    def mark_entity(self, kind: str, words: str) -> None:
        """ "Mark as person/organization/country" on words selected in the reader: they name
        that entity in every document (Library.mark_entity), in the background."""
        self.service.write(
            lambda library: library.mark_entity(kind, words), failure=self._on_job_failed
        )

    # -- reading ---------------------------------------------------------------------------

    def _on_current_result(self, doc_id: str) -> None:
        # Moving through the results shows each one in the reader, as a mail client does.
        if doc_id and not self._restoring_selection and doc_id != self._current_doc:
            self.open_document(doc_id)

    def _open_and_read(self, doc_id: str) -> None:
        if doc_id != self._current_doc:
            self.open_document(doc_id)
        self.reader.view.setFocus()

    def open_document(self, doc_id: str, *, record: bool = True) -> None:
        self._remember_hit()
        if record:
            self._history.push(doc_id)
            self._restore_hit = None
        self._current_doc = doc_id
        self._update_navigation()
        self._opening_timer.start()
        self.service.open_document(
            doc_id,
            self._searched_query(),
            self._on_document_opened,
            self._on_document_failed,
            literal=self.is_literal(),
        )

    def _opening_note(self) -> str:
        return self.tr("Opening the document…")

    def _show_opening_note(self) -> None:
        # A long document is read and rendered for seconds (3 MB: ~1 s) on the read worker.
        self.status_label.setText(self._opening_note())

    def _end_opening_note(self) -> None:
        self._opening_timer.stop()
        if self.status_label.text() == self._opening_note():
            self.status_label.clear()

    def _on_document_opened(self, view: OpenedView) -> None:
        self._end_opening_note()
        opened = view.opened
        if view.unchanged:  # opened again after a library change; the same text
            pass
        elif view.refreshed:
            self.reader.reload_document(opened, view.html, view.highlight_words)
        else:
            self.reader.show_document(opened, view.html)
            self.reader.set_highlight_terms(view.highlight_words)
        if self._restore_hit is not None and not view.refreshed:
            if self._restore_hit > 0:
                self.reader.go_to_hit(self._restore_hit)
            self._restore_hit = None
        for kind, panel in self.panels.items():
            if not view.refreshed:
                panel.set_scope("document")
            panel.set_document_entities(
                document_entity_items(opened.entities, kind, self.country_name)
            )
        self.setWindowTitle(f"Briefing — {opened.entry.title}")
        self._shown_doc = opened.entry.id
        self._shown_path = opened.entry.path
        self._shown_text = opened.document.text if opened.document is not None else ""
        self._file_watch.watch(self._shown_path)
        self.export_document_pdf_action.setEnabled(opened.document is not None)
        self.print_document_action.setEnabled(opened.document is not None)
        self.reader.set_bookmarks(opened.bookmarks, self._shown_text)
        self.bookmarks_panel.set_current_document(opened.entry.path)
        self.bookmark_workflow.document_shown(opened.bookmarks)  # freshly re-anchored
        self.document_shown.emit(opened.entry.id)

    def _on_document_failed(self, message: str) -> None:
        self._end_opening_note()
        self.status_label.setText(message)

    def go_back(self) -> None:
        self._remember_hit()
        self._go_to_history(self._history.back())

    def go_forward(self) -> None:
        self._remember_hit()
        self._go_to_history(self._history.forward())

    def _go_to_history(self, entry: HistoryEntry | None) -> None:
        """Back or forward: the document again, at the hit it was left at, and selected in
        the results when it is one of them (None: nowhere to go)."""
        if entry is None:
            return
        doc_id = entry.doc_id
        self._restore_hit = entry.hit
        self.open_document(doc_id, record=False)
        row = self.results_model.row_of(doc_id)
        self._restoring_selection = True
        try:
            if row >= 0:
                self.results_view.select_row(row)
            else:
                self.results_view.clearSelection()
                self.results_view.setCurrentIndex(QModelIndex())
        finally:
            self._restoring_selection = False

    def _remember_hit(self) -> None:
        """The hit the shown document is at, for coming back to it."""
        current, total = self.reader.hit_position()
        self._history.remember_hit(self._shown_doc, current - 1 if total else NO_HIT)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self._history.can_go_back())
        self.forward_action.setEnabled(self._history.can_go_forward())

    def step_result(self, delta: int) -> None:
        rows = self.results_model.rowCount()
        if rows == 0:
            return
        current = self.results_view.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        self.results_view.select_row(max(0, min(rows - 1, row)))

    def _open_url(self, url: QUrl) -> bool:
        """The desktop's application for `url`; False when there is none (tests replace it)."""
        return QDesktopServices.openUrl(url)

    # -- bookmarks -------------------------------------------------------------------------

    def entity_label(self, entity: str) -> str:
        """ "country:JO" -> "Jordan" (or "Jordanië"), "org:NAVO" -> "NATO" (or "NAVO"),
        "person:Mark Rutte" -> "Mark Rutte"."""
        return Library.entity_label(entity, self.ui_language)

    def refresh_bookmarks(self) -> None:
        self.bookmark_workflow.refresh()

    def bookmark_selection(self) -> None:
        """Bookmark the passage selected in the reader; the editor opens once it is saved."""
        span = self.reader.selection_span()
        if self._shown_doc is None or span is None:
            self.status_label.setText(self.tr("Select a passage in the document to bookmark it."))
            return
        self.bookmark_workflow.add(self._shown_doc, *span)

    def edit_bookmark(self, bookmark: Bookmark) -> None:
        bookmark = self.bookmark_workflow.get(bookmark.id) or bookmark
        self.bookmark_editor.place_below_cursor(self.reader.view)
        self.bookmark_editor.edit(bookmark, status_text=status_note(bookmark))

    def delete_bookmark(self, bookmark: Bookmark) -> None:
        self.bookmark_workflow.delete(bookmark)

    def undo_delete(self) -> None:
        self._undo_order.take(BOOKMARK)
        self.bookmark_workflow.undo_delete()
        self._update_undo()

    def reattach_bookmark(self, bookmark: Bookmark) -> None:
        span = self.reader.selection_span()
        if self._shown_doc is None or span is None:
            self.status_label.setText(
                self.tr("Select the new passage in the document, then choose Re-attach again.")
            )
            return
        self.bookmark_workflow.reattach(bookmark, self._shown_doc, *span)

    def show_bookmark(self, bookmark: Bookmark) -> None:
        """Open the bookmark's document scrolled to the passage (or reveal it if open)."""
        self.bookmark_workflow.show(bookmark, self._shown_path if self._shown_doc else "")

    def _reveal_bookmark(self, bookmark_id: str) -> None:
        bookmark = self.bookmark_workflow.get(bookmark_id)
        if self.reader.scroll_to_bookmark(bookmark_id):
            self.status_label.setText(status_note(bookmark) if bookmark else "")
        elif bookmark is not None and bookmark.status == BookmarkStatus.ORPHANED:
            self.status_label.setText(status_note(bookmark))

    def _on_bookmark_clicked(self, bookmark_id: str) -> None:
        bookmark = self.bookmark_workflow.get(bookmark_id)
        if bookmark is not None:
            self.bookmarks_panel.select_bookmark(bookmark_id)
            self.edit_bookmark(bookmark)

    def _on_bookmark_saved(self, bookmark: Bookmark) -> None:
        if bookmark.doc_path == self._shown_path:
            # Highlight at once; the full listing that follows only confirms it.
            here = [b for b in self.bookmarks() if b.doc_path == self._shown_path]
            self.reader.set_bookmarks(here, self._shown_text)

    def _on_bookmark_created(self, bookmark: Bookmark) -> None:
        self.status_label.setText(self.tr("Passage bookmarked."))
        self.edit_bookmark(bookmark)

    def _on_bookmark_restored(self, _bookmark: Bookmark) -> None:
        self.status_label.setText(self.tr("Bookmark restored."))

    def _on_bookmark_removed(self, bookmark: Bookmark) -> None:
        self.bookmark_editor.forget(bookmark.id)
        self._undo_order.push(BOOKMARK)
        self._update_undo()
        self.status_label.setText(self.tr("Bookmark deleted."))

    def _update_undo(self) -> None:
        """The Undo action and button name what Ctrl+Z takes back."""
        last = self._undo_order.next()
        change = self.correction_workflow.last() if last == CORRECTION else None
        text = entity_corrections.undo_text(change)
        self.undo_delete_action.setText(text)
        self.undo_button.setText(text.replace("&", ""))
        self.undo_button.setVisible(bool(self._undo_order))
        self.undo_delete_action.setEnabled(bool(self._undo_order))

    def _on_bookmark_failed(self, message: str) -> None:
        self.status_label.setText(message)  # inline: never a dialog per failed keystroke

    def _on_bookmarks_listed(self, listing: BookmarkListing) -> None:
        self.bookmarks_panel.set_bookmarks(listing.bookmarks, listing.tags, listing.entity_counts)
        self.bookmark_editor.set_known_tags([tag for tag, _count in listing.tags])
        for panel in self.panels.values():
            panel.set_bookmark_counts(listing.entity_counts)
        if self._shown_path:
            here = [b for b in listing.bookmarks if b.doc_path == self._shown_path]
            self.reader.set_bookmarks(here, self._shown_text)
        self.bookmarks_shown.emit(len(listing.bookmarks))

    def bookmarks(self) -> list[Bookmark]:
        """The bookmarks as last listed (all of them, whatever the panel's filters)."""
        return self.bookmark_workflow.bookmarks()

    def export_bookmarks(self, path: Path, format: str, group_by: str = "document") -> None:
        """The bookmarks the panel shows as a briefing ("markdown", "docx", "pdf") or as Web
        Annotations ("json"): outputs.export_bookmarks."""
        outputs.export_bookmarks(self, path, format, group_by)

    def print_document(self, printer: QPagedPaintDevice) -> bool:
        return outputs.print_document(self, printer)

    def export_document_pdf(self, path: Path, highlights: bool | None = None) -> bool:
        return outputs.export_document_pdf(self, path, highlights)

    def _on_bookmarks_exported(self, path: str, count: int) -> None:
        self.status_label.setText(
            self.tr("Exported %n bookmark(s) to %1", "", count).replace("%1", path)
        )

    def _on_bookmarks_imported(self, added: int, skipped: int) -> None:
        self.status_label.setText(
            self.tr("Imported %n bookmark(s)", "", added)
            + "; "
            + self.tr("%n already there", "", skipped)
        )

    # -- importing -------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        if paths:
            self.service.import_paths(paths, self._on_import_finished, self._on_job_failed)

    def rescan(self) -> None:
        """Import every imported folder again."""
        self.service.rescan(self._on_import_finished, self._on_job_failed)

    def reindex(self) -> None:
        """Rebuild the search index from the source files (File → Rebuild index)."""
        self.service.reindex(self._on_reindexed, self._on_job_failed)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.import_paths(paths)
        event.acceptProposedAction()

    def _on_import_finished(self, report: ImportReport) -> None:
        self.status_label.setText(importing.import_summary(report))
        self._last_failures = [(f.path, translated(f.reason)) for f in report.failed]
        self.failures_action.setEnabled(bool(self._last_failures))
        if self._last_failures:
            self.failures_button.setText(
                self.tr("%1 not imported…").replace("%1", str(len(self._last_failures)))
            )
            self.failures_button.show()
        else:
            self.failures_button.hide()
        self.import_finished.emit(report)

    def _on_reindexed(self, count: int) -> None:
        self.status_label.setText(self.tr("Index rebuilt: %1 documents").replace("%1", str(count)))

    def _on_job_failed(self, message: str) -> None:
        self.status_label.setText(message)
        QMessageBox.warning(self, "Briefing", message)

    def show_failures(self) -> None:
        FailuresDialog(self, self._last_failures).exec()

    # -- help and settings -----------------------------------------------------------------

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self, self.actions()).exec()

    def show_search_syntax(self) -> None:
        """Help → Search syntax (and the search box's "?"): every operator, with examples.
        Not modal: the user can try the examples while it is open."""
        dialog = self.findChild(SearchSyntaxDialog)
        if dialog is None:
            dialog = SearchSyntaxDialog(self)
            dialog.example_chosen.connect(self.set_query)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def set_theme(self, name: str) -> None:
        """View → Theme: system, light or dark, at once and remembered."""
        preferences.set_theme(self, name)

    def restart(self) -> None:
        """Closes the window (saving as always) and starts Briefing again, the same way."""
        self._save_state()
        program, arguments = preferences.restart_command()
        if self._start_detached(program, arguments):
            self.close()
        else:
            self.status_label.setText(self.tr("Could not restart Briefing; please start it again."))

    def _start_detached(self, program: str, arguments: list[str]) -> bool:
        """Starts a process of its own (tests replace it)."""
        started = QProcess.startDetached(program, arguments)
        return bool(started[0] if isinstance(started, tuple) else started)
