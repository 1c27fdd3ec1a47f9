"""What the window does when the user corrects an entity in a panel: asks the new name (Rename)
or the entity to merge into (Merge), shows the hidden entities, and says what a correction did.
The corrections themselves are CorrectionWorkflow's (on the write queue, with their undo
list); the dialogs are entity_dialogs'. Texts keep the window's translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog

from briefing_app.library import CorrectionChange
from briefing_app.ui.entity_dialogs import HiddenEntitiesDialog, MergeDialog
from briefing_app.ui.merge_target import Candidate

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow


def ask_rename(window: MainWindow, kind: str, key: str, name: str) -> None:
    new_name, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("MainWindow", "Rename"),
        QCoreApplication.translate("MainWindow", "New name for “%1”:").replace("%1", name),
        text=name,
    )
    if ok and new_name.strip() and new_name.strip() != name:
        window.correct_entity("rename", kind, key, new_name.strip())


def ask_merge(window: MainWindow, kind: str, key: str, name: str) -> None:
    """The Merge dialog, with the likeliest entity to merge into selected (or none)."""
    items = window.panels[kind].all_items()
    own = next((item for item in items if item.key == key), None)
    entity = Candidate(key, name, own.aliases if own is not None else ())
    candidates = {
        item.key: Candidate(item.key, item.name, item.aliases) for item in items if item.key != key
    }
    if not candidates:
        window.status_label.setText(
            QCoreApplication.translate("MainWindow", "Nothing to merge with.")
        )
        return
    dialog = MergeDialog(window, kind, entity, list(candidates.values()))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.correct_entity("merge", kind, key, dialog.target()))
    window.merge_dialog = dialog
    dialog.open()  # window-modal, without a nested event loop


def show_hidden_entities(window: MainWindow) -> None:
    """The hidden entities, to show one again."""
    workflow = window.correction_workflow
    if window.hidden_dialog is None:
        dialog = HiddenEntitiesDialog(window, window.entity_name)
        dialog.restore_requested.connect(workflow.unhide)
        workflow.hidden_listed.connect(dialog.set_hidden)
        window.hidden_dialog = dialog
    workflow.list_hidden()
    window.hidden_dialog.open()


def applied_message(change: CorrectionChange, name_of: Callable[[str, str], str]) -> str:
    """What the status bar says once a correction is done: "“X” is hidden.", "Merged “X” into
    “Y”.", "Renamed “X” to “Y”." (`name_of(kind, key)`: the entity's name)."""
    name = name_of(change.entity_type, change.key)
    if change.action == "hide":
        return QCoreApplication.translate("MainWindow", "“%1” is hidden.").replace("%1", name)
    text = (
        QCoreApplication.translate("MainWindow", "Merged “%1” into “%2”.")
        if change.action == "merge"
        else QCoreApplication.translate("MainWindow", "Renamed “%1” to “%2”.")
    )
    return text.replace("%1", name).replace("%2", name_of(change.entity_type, change.value))


def undo_text(change: CorrectionChange | None) -> str:
    """The Undo action's text for what Ctrl+Z takes back: that correction, else (None) a
    deleted bookmark."""
    if change is not None and change.action == "hide":
        return QCoreApplication.translate("MainWindow", "U&ndo hide")
    if change is not None and change.action == "merge":
        return QCoreApplication.translate("MainWindow", "U&ndo merge")
    if change is not None:
        return QCoreApplication.translate("MainWindow", "U&ndo rename")
    return QCoreApplication.translate("MainWindow", "U&ndo delete bookmark")
