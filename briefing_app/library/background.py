"""Long library jobs (import, re-scan, rebuild) in a child process of their own.

The index writer is pure Python and holds the GIL for long stretches (sorting its postings
pool, writing posting blocks); in a window's process that freezes the GUI thread however the
work is threaded. In a child process it cannot. The child reports progress and commits over a
pipe, stops when asked, and exits when its parent dies; whoosh's lock and SQLite make the
child's writes visible to the parent's readers as soon as they are committed.
"""

from __future__ import annotations

import multiprocessing
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from briefing_app.library.importer import (
    CancelCheck,
    CommitCallback,
    ImportProgress,
    ImportReport,
    ProgressCallback,
)
from briefing_app.library.library import Library, LibraryError
from briefing_app.library.workers import watch_parent

POLL_S = 0.05
PROGRESS_EVERY_S = 0.05  # the child sends at most ~20 progress messages a second
STOP_WAIT_S = 10.0


@dataclass(frozen=True)
class Job:
    """What the child does: "import" (paths, prune, force), "rescan" or "reindex"."""

    kind: str
    paths: tuple[str, ...] = ()
    prune: bool = False
    force: bool = False


@dataclass
class Callbacks:
    progress: ProgressCallback | None = None
    cancelled: CancelCheck | None = None
    committed: CommitCallback | None = None
    reindexed: Callable[[int, int], None] | None = None  # done, total while rebuilding


def run_in_child(data_dir: Path, job: Job, callbacks: Callbacks | None = None) -> Any:
    """Run `job` on the library at `data_dir` in a child process and return its result (an
    ImportReport, or the document count of a rebuild); its errors are raised here."""
    callbacks = callbacks or Callbacks()
    context = multiprocessing.get_context("spawn")  # never fork a process running Qt
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(
        target=_child_main, args=(str(data_dir), job, sender, stop), name="briefing-job"
    )
    child.start()
    sender.close()  # so the pipe reports EOF once the child is gone
    outcome: tuple[str, Any] | None = None
    try:
        while outcome is None:
            if callbacks.cancelled is not None and callbacks.cancelled():
                stop.set()
            if not receiver.poll(POLL_S):
                if not child.is_alive() and not receiver.poll(0):
                    break
                continue
            try:
                kind, payload = receiver.recv()
            except EOFError:
                break
            if kind == "progress" and callbacks.progress is not None:
                callbacks.progress(payload)
            elif kind == "committed" and callbacks.committed is not None:
                callbacks.committed(payload)
            elif kind == "reindexed" and callbacks.reindexed is not None:
                callbacks.reindexed(*payload)
            elif kind in ("done", "failed"):
                outcome = (kind, payload)
    finally:
        stop.set()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.kill()
            child.join()
        receiver.close()
    if outcome is None:
        raise LibraryError(f"The import stopped unexpectedly (exit code {child.exitcode}).")
    kind, payload = outcome
    if kind == "failed":
        raise payload
    return payload


class _Throttled:
    """Sends (kind, payload) at most every PROGRESS_EVERY_S, and always the last one."""

    def __init__(self, conn: Connection, kind: str) -> None:
        self._conn, self._kind, self._last = conn, kind, 0.0

    def send(self, payload: Any, *, last: bool) -> None:
        now = time.monotonic()
        if last or now - self._last >= PROGRESS_EVERY_S:
            self._last = now
            self._conn.send((self._kind, payload))


def _child_main(data_dir: str, job: Job, conn: Connection, stop: Any) -> None:
    watch_parent()
    try:
        with Library(Path(data_dir)) as library:
            result = _run(library, job, conn, stop)
        conn.send(("done", result))
    except Exception as error:  # every failure goes back to the parent, which raises it
        conn.send(("failed", portable(error)))
    finally:
        conn.close()


def _run(library: Library, job: Job, conn: Connection, stop: Any) -> ImportReport | int:
    imported, reindexed = _Throttled(conn, "progress"), _Throttled(conn, "reindexed")

    def progress(event: ImportProgress) -> None:
        imported.send(event, last=event.done == event.total)

    if job.kind == "import":
        return library.import_paths(
            [Path(p) for p in job.paths],
            prune=job.prune,
            force=job.force,
            progress=progress,
            cancelled=stop.is_set,
            committed=lambda count: conn.send(("committed", count)),
        )
    if job.kind == "rescan":
        return library.rescan(progress=progress)
    if job.kind == "reindex":
        return library.reindex(
            progress=lambda done, total: reindexed.send((done, total), last=done == total)
        )
    raise ValueError(f"unknown job {job.kind!r}")


def portable(error: Exception) -> Exception:
    """The error itself when it survives pickling (our own error types do), else its text."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return LibraryError(str(error))
    return error


def wants_child(paths: Sequence[str | Path], inline_limit: int) -> bool:
    """Folders and many files go to a child; a few dropped files are quicker done in place."""
    return len(paths) >= inline_limit or any(Path(p).is_dir() for p in paths)
