"""The one way the window runs library work off the GUI thread.

A task is an operation written as a function of the worker's `Library`, the queue it joins
(READ or WRITE, one worker thread each, see service.py), optionally a `supersedes` key, and
callbacks. The worker runs its queue's tasks one at a time, in the order they were asked
for; the result, or the error as the user reads it, comes back to `success` or `failure` on
the GUI thread. Workers never touch a widget.

A task with a `supersedes` key makes every earlier task with that key outdated: one that has
not started yet is skipped, and the answer of one that was already running is dropped, so
the caller only ever hears about the newest (the results of the query typed last, the
document opened last). A task `part_of` a key (a further page of a search's results) does
not overtake the others, but is outdated with the task it belongs to.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from briefing_app.bookmarks import BookmarkStoreError
from briefing_app.library import LibraryError
from briefing_app.library.library import BUSY_MESSAGE, is_locked
from briefing_app.search import SearchError

if TYPE_CHECKING:
    from briefing_app.library import Library

# What a task may fail with and the user is told about; anything else is a bug, and shows
# as one (a traceback), not as a message. (ValueError covers a bookmark file that is not.)
EXPECTED_ERRORS = (
    LibraryError,
    SearchError,
    BookmarkStoreError,
    ValueError,
    OSError,
    sqlite3.Error,
)


class Queue(Enum):
    READ = "read"  # searches, documents, bookmarks: short, never behind an import
    WRITE = "write"  # imports, re-scans, rebuilds, entity corrections: one at a time


def user_message(error: Exception) -> str:
    """The error as the user reads it. A SQLite file locked past the timeout means another
    window or process is writing, as the command line says too."""
    if is_locked(error):
        return BUSY_MESSAGE
    return str(error)


@dataclass(eq=False)
class Task:
    op: Callable[[Library], Any]
    key: str | None = None
    generation: int = 0
    success: Callable[[Any], None] | None = None
    failure: Callable[[str], None] | None = None


class Generations:
    """The newest generation of each supersedes key. Bumped on the GUI thread and read by the
    workers too (a dict lookup is atomic), so a worker skips what is already outdated."""

    def __init__(self) -> None:
        self._latest: dict[str, int] = {}

    def task(
        self,
        op: Callable[[Library], Any],
        *,
        supersedes: str | None = None,
        part_of: str | None = None,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> Task:
        if supersedes is not None and part_of is not None:
            raise ValueError("a task supersedes others or is part of one, not both")
        key = supersedes or part_of
        generation = 0
        if key is not None:
            generation = self._latest.get(key, 0) + (supersedes is not None)
            self._latest[key] = generation
        return Task(op, key, generation, success, failure)

    def is_outdated(self, task: Task) -> bool:
        return task.key is not None and task.generation != self._latest.get(task.key, 0)


class TaskWorker(QObject):
    """Runs tasks on its thread against the Library it opens there (SQLite connections
    belong to one thread). Subclasses open and close the library."""

    finished = Signal(object, object)  # Task, result
    failed = Signal(object, str)  # Task, message for the user

    def __init__(self, generations: Generations) -> None:
        super().__init__()
        self._generations = generations
        self.library: Library | None = None

    @Slot(object)
    def execute(self, task: Task) -> None:
        if self._generations.is_outdated(task):
            return  # overtaken before its turn: its answer would be dropped anyway
        if self.library is None:
            self.failed.emit(task, self.tr("The library is not open."))
            return
        self.before(task)
        try:
            result = task.op(self.library)
        except EXPECTED_ERRORS as error:
            self.failed.emit(task, user_message(error))
            return
        finally:
            self.after(task)
        self.finished.emit(task, result)

    def before(self, task: Task) -> None:
        """Called on the worker's thread before each task runs."""

    def after(self, task: Task) -> None:
        """Called on the worker's thread after each task, whatever its outcome."""


class TaskRunner(QObject):
    """Hands tasks to the worker of their queue and their answers, on the GUI thread, to
    their callbacks; drops the answers of outdated tasks."""

    _to_read = Signal(object)
    _to_write = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generations = Generations()

    def attach(self, queue: Queue, worker: TaskWorker) -> None:
        """Once per queue, before the worker is moved to its thread."""
        (self._to_read if queue is Queue.READ else self._to_write).connect(worker.execute)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)

    def run(
        self,
        op: Callable[[Library], Any],
        *,
        queue: Queue = Queue.READ,
        supersedes: str | None = None,
        part_of: str | None = None,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None:
        """Run `op(library)` on `queue`'s worker; then `success(result)` or `failure(message)`
        on the GUI thread (without a callback, the answer is not needed)."""
        task = self.generations.task(
            op, supersedes=supersedes, part_of=part_of, success=success, failure=failure
        )
        (self._to_read if queue is Queue.READ else self._to_write).emit(task)

    @Slot(object, object)
    def _on_finished(self, task: Task, result: Any) -> None:
        if task.success is not None and not self.generations.is_outdated(task):
            task.success(result)

    @Slot(object, str)
    def _on_failed(self, task: Task, message: str) -> None:
        if task.failure is not None and not self.generations.is_outdated(task):
            task.failure(message)
