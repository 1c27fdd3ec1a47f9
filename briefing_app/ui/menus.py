"""The window's menus and their actions, with their shortcuts: built for the window, whose
attributes (`window.rescan_action`, `window.theme_actions`, ...) they become. Every action is
also added to the window, so its shortcut works whichever widget has focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from briefing_app.ui import importing, outputs, preferences
from briefing_app.ui.theme import THEMES

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts(shortcuts)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work whichever widget has focus
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Go and Help, in the window's menu bar."""
    key = QKeySequence
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.import_files_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Import &files…"),
        lambda: importing.ask_import_files(window),
        [key(key.StandardKey.Open)],
    )
    window.import_folder_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Import f&older…"),
        lambda: importing.ask_import_folder(window),
        [key("Ctrl+Shift+O")],
    )
    window.rescan_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Re-scan library"),
        window.rescan,
        [key(key.StandardKey.Refresh)],
    )
    window.reindex_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Re&build index"),
        lambda: importing.confirm_reindex(window),
    )
    window.failures_action = _action(
        window, QCoreApplication.translate("MainWindow", "Import &problems…"), window.show_failures
    )
    window.failures_action.setEnabled(False)
    window.export_briefing_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Export briefing…"),
        lambda: outputs.ask_export_briefing(window),
        [key("Ctrl+E")],
    )
    window.export_annotations_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Export bookmarks as &JSON…"),
        lambda: outputs.ask_export_annotations(window),
    )
    window.import_bookmarks_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Import boo&kmarks…"),
        lambda: outputs.ask_import_bookmarks(window),
    )
    window.print_document_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Pr&int document…"),
        lambda: outputs.ask_print_document(window),
        [key(key.StandardKey.Print)],
    )
    window.print_document_action.setObjectName("printDocumentAction")
    window.print_document_action.setEnabled(False)
    window.export_document_pdf_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "Export document as P&DF…"),
        lambda: outputs.ask_export_document_pdf(window),
        [key("Ctrl+Shift+P")],
    )
    window.export_document_pdf_action.setObjectName("exportDocumentPdfAction")
    window.export_document_pdf_action.setEnabled(False)
    window.pdf_highlights_action = QAction(
        QCoreApplication.translate("MainWindow", "&Highlights in print and PDF"), window
    )
    window.pdf_highlights_action.setObjectName("pdfHighlightsAction")
    window.pdf_highlights_action.setCheckable(True)
    window.pdf_highlights_action.setChecked(True)
    window.export_briefing_action.setObjectName("exportBriefingAction")
    quit_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Quit"),
        window.close,
        [key(key.StandardKey.Quit)],
    )
    for action in (
        window.import_files_action,
        window.import_folder_action,
        None,
        window.rescan_action,
        window.reindex_action,
        window.failures_action,
        None,
        window.export_briefing_action,
        window.export_annotations_action,
        window.import_bookmarks_action,
        None,
        window.print_document_action,
        window.export_document_pdf_action,
        window.pdf_highlights_action,
        None,
        quit_action,
    ):
        menu.addSeparator() if action is None else menu.addAction(action)

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.focus_search_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Search"),
        window.search_bar.focus_search,
        [key("Ctrl+K"), key("Ctrl+L")],
    )
    window.undo_delete_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "U&ndo delete bookmark"),
        window.undo,
        [key(key.StandardKey.Undo)],
    )
    window.undo_delete_action.setEnabled(False)
    menu.addAction(window.undo_delete_action)
    menu.addSeparator()
    menu.addAction(window.focus_search_action)
    reader_actions = window.reader.actions_for_menus()
    for action in reader_actions:
        window.addAction(action)
    menu.addSeparator()
    menu.addActions(reader_actions)

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for kind in window.docks:
        menu.addAction(window.docks[kind].toggleViewAction())
    menu.addSeparator()
    language_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    for code, label in (
        ("", QCoreApplication.translate("MainWindow", "System")),
        ("en", "English"),
        ("nl", "Nederlands"),
    ):
        action = language_menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(window.state.language == code)
        action.triggered.connect(lambda _=False, c=code: preferences.set_language(window, c))
    theme_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Theme"))
    theme_menu.setObjectName("themeMenu")
    window.theme_actions = {}
    group = QActionGroup(window)
    group.setExclusive(True)
    labels = {
        "system": QCoreApplication.translate("MainWindow", "&System"),
        "light": QCoreApplication.translate("MainWindow", "&Light"),
        "dark": QCoreApplication.translate("MainWindow", "&Dark"),
    }
    for name in THEMES:
        action = theme_menu.addAction(labels[name])
        action.setObjectName(f"theme_{name}Action")
        action.setCheckable(True)
        action.setChecked(window.state.theme == name)
        action.triggered.connect(lambda _=False, n=name: preferences.set_theme(window, n))
        group.addAction(action)
        window.theme_actions[name] = action

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    window.back_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Back"),
        window.go_back,
        [key(key.StandardKey.Back)],
    )
    window.forward_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Forward"),
        window.go_forward,
        [key(key.StandardKey.Forward)],
    )
    window.next_result_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Next result"),
        lambda: window.step_result(1),
        [key("Alt+Down")],
    )
    window.previous_result_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Previous result"),
        lambda: window.step_result(-1),
        [key("Alt+Up")],
    )
    menu.addActions(
        [
            window.back_action,
            window.forward_action,
            window.next_result_action,
            window.previous_result_action,
        ]
    )

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.shortcuts_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
        window.show_shortcuts,
        [key(key.StandardKey.HelpContents)],
    )
    menu.addAction(window.shortcuts_action)
    window.search_syntax_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Search syntax"),
        window.show_search_syntax,
        [key("Shift+F1")],
    )
    window.search_syntax_action.setObjectName("searchSyntaxAction")
    menu.addAction(window.search_syntax_action)
    menu.addAction(
        _action(
            window,
            QCoreApplication.translate("MainWindow", "&About Briefing"),
            lambda: preferences.show_about(window),
        )
    )


def library_changing_actions(window: MainWindow) -> list[QAction]:
    """The actions that write to the library (off while its folder is read-only)."""
    return [
        window.import_files_action,
        window.import_folder_action,
        window.rescan_action,
        window.reindex_action,
        window.import_bookmarks_action,
    ]
