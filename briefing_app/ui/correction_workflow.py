"""What the window does with entity corrections, apart from asking which: it asks the library
to rename, merge or hide an entity (on the write queue), keeps the undo list of those, lists
the hidden entities and shows one again. No widgets: the window turns the signals into what
the user sees (the panels, the filter chips and the bookmarks follow the library's change)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from briefing_app.library import CorrectionChange, HiddenEntity, Library
from briefing_app.ui import bookmark_workflow


class Runner(bookmark_workflow.Runner, Protocol):
    """The part of LibraryService this needs: `run` (tasks.TaskRunner.run, on the read queue)
    and `write` (on the write queue; the library changed once it succeeded)."""

    def write(
        self,
        op: Callable[[Library], Any],
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None: ...


class CorrectionWorkflow(QObject):
    applied = Signal(object)  # CorrectionChange: done, the library has changed
    undone = Signal(object)  # CorrectionChange taken back
    unhidden = Signal(str, str)  # type, key shown again
    hidden_listed = Signal(object)  # list[HiddenEntity]
    undo_changed = Signal(bool)  # whether there is a correction to undo
    failed = Signal(str)  # message for the user

    def __init__(self, service: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._done: list[CorrectionChange] = []  # for undo, newest last

    def can_undo(self) -> bool:
        return bool(self._done)

    def last(self) -> CorrectionChange | None:
        """The correction an undo would take back."""
        return self._done[-1] if self._done else None

    def apply(self, action: str, kind: str, key: str, value: str = "") -> None:
        """Rename, merge or hide an entity (Library.apply_correction); `applied` follows."""
        self._service.write(
            lambda library: library.apply_correction(action, kind, key, value),
            self._on_applied,
            self.failed.emit,
        )

    def undo(self) -> None:
        if not self._done:
            return
        change = self._done.pop()
        self.undo_changed.emit(bool(self._done))
        self._service.write(
            lambda library: library.undo_correction(change),
            lambda _documents: self.undone.emit(change),
            self.failed.emit,
        )

    def list_hidden(self) -> None:
        self._service.run(
            lambda library: library.hidden_entities(),
            success=self.hidden_listed.emit,
            failure=self.failed.emit,
        )

    def unhide(self, kind: str, key: str) -> None:
        def done(_documents: list[str]) -> None:
            # An undo of that hide has nothing left to take back.
            self._done = [
                c
                for c in self._done
                if not (c.action == "hide" and c.entity_type == kind and c.key == key)
            ]
            self.undo_changed.emit(bool(self._done))
            self.unhidden.emit(kind, key)
            self.list_hidden()

        self._service.write(
            lambda library: library.unhide_entity(kind, key), done, self.failed.emit
        )

    def _on_applied(self, change: CorrectionChange) -> None:
        if change.added:
            self._done.append(change)
            self.undo_changed.emit(True)
        self.applied.emit(change)


__all__ = ["CorrectionWorkflow", "HiddenEntity"]
