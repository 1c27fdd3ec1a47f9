"""Handing things to the desktop: the open document's file to its application (or, when there
is none, an offer to show it in its folder), its folder, and web or mail links from the text.
Through `window._open_url` (QDesktopServices; tests replace it). Texts keep the window's
translation context ("MainWindow")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

LINK_SCHEMES = ("http", "https", "mailto")  # links in a document the desktop may open


def open_file(window: MainWindow, path: str) -> None:
    """The document's file in the application the desktop has for it; when there is none,
    say so and offer to show the file in its folder."""
    if window._open_url(QUrl.fromLocalFile(path)):
        return
    box = QMessageBox(window)
    box.setObjectName("openFileFailed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Open file"))
    box.setText(
        QCoreApplication.translate("MainWindow", "No application is set up to open “%1”.").replace(
            "%1", Path(path).name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("MainWindow", "You can open it from its folder instead.")
    )
    folder = box.addButton(
        QCoreApplication.translate("MainWindow", "Show in folder"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    folder.setObjectName("showInFolder")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(folder)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    folder.clicked.connect(lambda: show_in_folder(window, path))
    window.status_label.setText(box.text())
    box.open()  # window-modal, without a nested event loop


def show_in_folder(window: MainWindow, path: str) -> None:
    folder = str(Path(path).parent)
    if not window._open_url(QUrl.fromLocalFile(folder)):
        window.status_label.setText(
            QCoreApplication.translate("MainWindow", "Could not open the folder %1.").replace(
                "%1", folder
            )
        )


def open_link(window: MainWindow, url: QUrl) -> None:
    if url.scheme() in LINK_SCHEMES:
        window._open_url(url)
