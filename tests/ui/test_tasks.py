"""The one way library work runs off the GUI thread (ui/tasks.py): order, superseding, the
error path, and callbacks on the GUI thread. A stand-in library: the mechanism is what is
tested, not the Library."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread

from briefing_app.library import LibraryError
from briefing_app.library.library import BUSY_MESSAGE
from briefing_app.ui.tasks import Queue, TaskRunner, TaskWorker

WAIT_MS = 10_000


class Worker(TaskWorker):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner.generations)
        self.library = "the library"  # type: ignore[assignment]
        self.hooks: list[str] = []

    def before(self, task) -> None:
        self.hooks.append("before")

    def after(self, task) -> None:
        self.hooks.append("after")


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    made = TaskRunner()
    threads = []
    for queue in Queue:
        worker = Worker(made)
        made.attach(queue, worker)
        thread = QThread()
        worker.moveToThread(thread)
        thread.start()
        threads.append((thread, worker))
    made.workers = {queue: worker for queue, (_t, worker) in zip(Queue, threads, strict=True)}
    yield made
    for thread, _worker in threads:
        thread.quit()
        thread.wait(WAIT_MS)


def test_tasks_of_a_queue_run_in_order_and_answer_in_order(qtbot, runner: TaskRunner) -> None:
    ran: list[int] = []
    answers: list[int] = []
    for number in range(20):
        runner.run(
            lambda library, n=number: ran.append(n) or n,
            queue=Queue.WRITE,
            success=answers.append,
        )
    qtbot.waitUntil(lambda: len(answers) == 20, timeout=WAIT_MS)
    assert ran == answers == list(range(20))
    assert runner.workers[Queue.WRITE].hooks == ["before", "after"] * 20


def test_the_op_gets_the_library_off_the_gui_thread_and_callbacks_run_on_it(
    qtbot, runner: TaskRunner
) -> None:
    where: dict[str, object] = {}

    def op(library: object) -> str:
        where["op"] = threading.current_thread() is threading.main_thread()
        return f"answer from {library}"

    def success(answer: str) -> None:
        where["success"] = threading.current_thread() is threading.main_thread()
        where["answer"] = answer

    def failure(message: str) -> None:
        where["failure"] = threading.current_thread() is threading.main_thread()

    runner.run(op, success=success)
    runner.run(lambda _library: _raise(LibraryError("no")), failure=failure)
    qtbot.waitUntil(lambda: "failure" in where, timeout=WAIT_MS)
    assert where == {
        "op": False,
        "success": True,
        "answer": "answer from the library",
        "failure": True,
    }


def _raise(error: Exception) -> None:
    raise error


def test_a_newer_task_with_the_same_key_supersedes_older_ones(qtbot, runner: TaskRunner) -> None:
    release = threading.Event()
    started = threading.Event()
    ran: list[str] = []
    answers: list[str] = []

    def op(name: str):
        def run(_library: object) -> str:
            ran.append(name)
            if name == "first":
                started.set()
                release.wait(WAIT_MS / 1000)
            return name

        return run

    try:
        runner.run(op("first"), supersedes="search", success=answers.append)
        assert started.wait(WAIT_MS / 1000)
        # While "first" runs, two more are asked for: "second" is outdated before its turn.
        runner.run(op("second"), supersedes="search", success=answers.append)
        runner.run(op("third"), supersedes="search", success=answers.append)
        # Another key, and no key, are not affected.
        runner.run(op("other"), supersedes="document", success=answers.append)
        runner.run(op("keyless"), success=answers.append)
    finally:
        release.set()
    qtbot.waitUntil(lambda: "keyless" in answers, timeout=WAIT_MS)
    assert ran == ["first", "third", "other", "keyless"]  # "second" never ran
    assert answers == ["third", "other", "keyless"]  # "first" ran, but its answer is dropped


def test_a_task_part_of_another_is_outdated_with_it(qtbot, runner: TaskRunner) -> None:
    answers: list[str] = []
    runner.run(lambda _library: "results", supersedes="search", success=answers.append)
    # Pages of the same search do not overtake each other ...
    runner.run(lambda _library: "page 2", part_of="search", success=answers.append)
    runner.run(lambda _library: "page 3", part_of="search", success=answers.append)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=WAIT_MS)
    assert answers == ["results", "page 2", "page 3"]
    # ... but a page asked for before a newer search is dropped.
    runner.run(lambda _library: "old page", part_of="search", success=answers.append)
    runner.run(lambda _library: "new results", supersedes="search", success=answers.append)
    qtbot.waitUntil(lambda: "new results" in answers, timeout=WAIT_MS)
    assert answers[3:] == ["new results"]
    with pytest.raises(ValueError):
        runner.run(lambda _library: None, supersedes="search", part_of="search")


def test_errors_reach_the_failure_callback_as_the_user_reads_them(
    qtbot, runner: TaskRunner
) -> None:
    failures: list[str] = []
    successes: list[object] = []
    runner.run(
        lambda _library: _raise(LibraryError("No bookmark with id 'x'.")),
        success=successes.append,
        failure=failures.append,
    )
    runner.run(
        lambda _library: _raise(sqlite3.OperationalError("database is locked")),
        queue=Queue.WRITE,
        success=successes.append,
        failure=failures.append,
    )
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=WAIT_MS)
    assert sorted(failures) == sorted(["No bookmark with id 'x'.", BUSY_MESSAGE])
    assert successes == []
    # The hooks ran around the failed task too (the write worker's busy indicator ends).
    assert runner.workers[Queue.WRITE].hooks == ["before", "after"]
    # A failure nobody asked about is dropped; the queue goes on.
    runner.run(lambda _library: _raise(OSError("gone")))
    runner.run(lambda _library: "next", success=successes.append)
    qtbot.waitUntil(lambda: successes == ["next"], timeout=WAIT_MS)


def test_a_worker_without_a_library_says_so(qtbot, runner: TaskRunner) -> None:
    runner.workers[Queue.READ].library = None
    failures: list[str] = []
    runner.run(lambda _library: "never", failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert failures == ["The library is not open."]
