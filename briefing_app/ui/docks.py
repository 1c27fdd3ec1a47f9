"""The window's dock panels: People, Countries and Organizations stacked on the right (each an
EntityPanel), Bookmarks below the results and the reader. Built for the window, which keeps
them as `window.panels`, `window.docks` and `window.bookmarks_panel`. Titles keep the
window's translation context ("MainWindow")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from briefing_app.ui.bookmarks_panel import BookmarksPanel
from briefing_app.ui.entity_panel import EntityPanel

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

# Entity type, the panel's (and its dock's) objectName, the search results' facet.
PANELS = (
    ("person", "peoplePanel", "people"),
    ("country", "countriesPanel", "countries"),
    ("org", "organizationsPanel", "organizations"),
)


def _dock(window: MainWindow, title: str, object_name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(object_name)
    dock.setAccessibleName(title)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    return dock


def build_docks(
    window: MainWindow,
) -> tuple[dict[str, EntityPanel], dict[str, QDockWidget], BookmarksPanel]:
    """The entity panels by type, the docks by type (and "bookmarks"), the bookmarks panel."""
    titles = {
        "person": QCoreApplication.translate("MainWindow", "People"),
        "country": QCoreApplication.translate("MainWindow", "Countries"),
        "org": QCoreApplication.translate("MainWindow", "Organizations"),
    }
    panels: dict[str, EntityPanel] = {}
    docks: dict[str, QDockWidget] = {}
    previous: QDockWidget | None = None
    for kind, object_name, _ in PANELS:
        panel = EntityPanel(kind, titles[kind], object_name, window)
        dock = _dock(window, titles[kind], object_name, panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if previous is not None:
            window.splitDockWidget(previous, dock, Qt.Orientation.Vertical)
        previous = dock
        panels[kind] = panel
        docks[kind] = dock

    bookmarks_panel = BookmarksPanel(window)
    bookmarks_panel.set_entity_label(window.entity_label)
    title = QCoreApplication.translate("MainWindow", "Bookmarks")
    dock = _dock(window, title, "bookmarksPanel", bookmarks_panel)
    # Under the results and the reader: beside or below the entity panels it would make
    # the window too large for small screens. The right docks keep their full height.
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    docks["bookmarks"] = dock
    return panels, docks, bookmarks_panel
