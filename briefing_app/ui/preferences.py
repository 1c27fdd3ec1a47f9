"""View → Language (and the restart it offers) and View → Theme, both remembered in the
window's settings, and Help → About, which says which data folder the window shows. Texts keep
the window's translation context ("MainWindow")."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from briefing_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow


def set_language(window: MainWindow, code: str) -> None:
    """Remembers the language and offers to restart in it now (`window.restart`)."""
    if code == window.state.language:
        return
    window.state.language = code
    window.status_label.setText(
        QCoreApplication.translate("MainWindow", "The new language is used after a restart.")
    )
    box = QMessageBox(window)
    box.setObjectName("restartForLanguage")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Language"))
    box.setText(
        QCoreApplication.translate("MainWindow", "Restart Briefing now to use the new language?")
    )
    restart = box.addButton(
        QCoreApplication.translate("MainWindow", "Restart now"), QMessageBox.ButtonRole.AcceptRole
    )
    restart.setObjectName("restartNow")
    box.addButton(
        QCoreApplication.translate("MainWindow", "Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restart)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    restart.clicked.connect(window.restart)
    window.restart_box = box
    box.open()  # window-modal, without a nested event loop


def set_theme(window: MainWindow, name: str) -> None:
    """System, light or dark, at once and remembered."""
    window.state.theme = name
    apply_theme(name)
    action = window.theme_actions.get(name)
    if action is not None:
        action.setChecked(True)


def show_about(window: MainWindow) -> None:
    about = QCoreApplication.translate(
        "MainWindow",
        "Briefing: search, read and annotate press releases and briefing notes, "
        "in Dutch and in English.",
    )
    # Which library this window shows: a checkout, the user folder, --data-dir.
    folder = QCoreApplication.translate("MainWindow", "Data folder: %1").replace(
        "%1", str(window.service.data_dir)
    )
    QMessageBox.about(
        window, QCoreApplication.translate("MainWindow", "About Briefing"), f"{about}\n\n{folder}"
    )


def restart_command() -> tuple[str, list[str]]:
    """The command that started this Briefing: the bundle's program, else this Python."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "briefing_app", *sys.argv[1:]]
