"""Analysis of many files on all cores: reading, parsing, entity extraction and text analysis
run in worker processes, while the importer's single index writer only adds postings.

Results come back in input order. The first few files are analysed in this process while the
workers start (spawning and importing takes about a second), so an import makes its first
documents searchable quickly.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from briefing_app.entities.corrections import Corrections
from briefing_app.library.analysis import AnalysedFile, FailedFile, analyse_file
from briefing_app.search.analysis import load_word_tables

# Fewer files than this are analysed in this process: starting workers would cost more.
INLINE_LIMIT = 48
# Files analysed here before the workers start (the importer's first commit), and in all
# while they start.
FIRST_INLINE = 8
HEAD_START = 24
CHUNK = 16  # files per task: amortises pickling and scheduling
# Chunks queued per worker. New chunks are queued only as results are taken, and the importer
# takes none while it commits (seconds for a big batch), so a short queue runs dry during each
# commit. 16 (~500 files ahead) keeps the workers busy through most of one for ~25 MB more in
# the writer process; 32 is no faster and holds ~55 MB more.
LOOKAHEAD_CHUNKS = 16
# Workers by default: one per CPU this process may use, at most DEFAULT_MAX_WORKERS (each
# holds the lemma dictionaries, ~100 MB, and the writer needs a CPU of its own as well).
# $BRIEFING_IMPORT_WORKERS sets the number outright.
DEFAULT_MAX_WORKERS = 4
WORKERS_ENV_VAR = "BRIEFING_IMPORT_WORKERS"
PARENT_POLL_S = 0.5

Result = AnalysedFile | FailedFile

_worker_config: tuple[int, Corrections | None] = (0, None)


def _init_worker(max_bytes: int, corrections: Corrections | None, importer: int) -> None:
    global _worker_config
    _worker_config = (max_bytes, corrections)
    load_word_tables()
    # A worker waits on a queue whose write end it holds itself, so it would outlive a killed
    # importer: watch the parent and leave with it.
    watch_parent(importer)


def watch_parent(parent: int | None = None) -> None:
    """Exit this process (within PARENT_POLL_S) when the process that started it dies.
    `parent`: that process's pid, as it told it; asking os.getppid() here instead gives the
    adoptive parent when the starter died before this process got so far."""
    if parent is None:
        parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def _analyse_chunk(paths: list[Path]) -> list[Result]:
    max_bytes, corrections = _worker_config
    return [analyse_file(path, max_bytes, corrections, prepare=True) for path in paths]


def worker_count() -> int:
    """How many analysis processes an import starts."""
    chosen = os.environ.get(WORKERS_ENV_VAR, "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return min(int(chosen), 64)
    return max(1, min(DEFAULT_MAX_WORKERS, usable_cpus()))


def usable_cpus() -> int:
    """CPUs this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on every platform
        return os.cpu_count() or 1


def analyse_files(
    paths: Sequence[Path], max_bytes: int, corrections: Corrections | None = None
) -> Generator[Result, None, None]:
    """Analyse `paths`, yielding one result per path in order. Closing the iterator early
    (a cancelled import) stops the workers without waiting for queued work."""
    if len(paths) < INLINE_LIMIT or worker_count() < 2:
        for path in paths:
            yield analyse_file(path, max_bytes, corrections, prepare=True)
        return
    # The first files before the workers start: spawning them competes for the CPU with the
    # first commit, which should make documents searchable at once.
    for path in paths[:FIRST_INLINE]:
        yield analyse_file(path, max_bytes, corrections, prepare=True)
    # "spawn": forking a process that runs Qt and writer threads is not safe.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        worker_count(),
        mp_context=context,
        initializer=_init_worker,
        initargs=(max_bytes, corrections, os.getpid()),
    )
    try:
        rest = [list(paths[i : i + CHUNK]) for i in range(HEAD_START, len(paths), CHUNK)]
        in_flight: deque[Future[list[Result]]] = deque()
        lookahead = LOOKAHEAD_CHUNKS * worker_count()
        chunks = iter(rest)
        for chunk in chunks:
            in_flight.append(executor.submit(_analyse_chunk, chunk))
            if len(in_flight) >= lookahead:
                break
        for path in paths[FIRST_INLINE:HEAD_START]:
            yield analyse_file(path, max_bytes, corrections, prepare=True)
        done = HEAD_START
        while in_flight:
            try:
                results = in_flight.popleft().result()
                next_chunk = next(chunks, None)
                if next_chunk is not None:
                    in_flight.append(executor.submit(_analyse_chunk, next_chunk))
            except BrokenProcessPool:
                # A worker died (out of memory, killed, or a main script without a
                # `__name__ == "__main__"` guard): finish in this process, slower but complete.
                for path in paths[done:]:
                    yield analyse_file(path, max_bytes, corrections, prepare=True)
                return
            done += len(results)
            yield from results
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
