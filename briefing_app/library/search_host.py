"""Searches in a child process of their own, so a window's GUI thread is never starved.

A search is Python interleaved with calls that let go of the GIL for a moment (reading
posting blocks, numpy on arrays of thousands, SQLite). CPython hands the GIL to a waiting
thread only once it has waited a whole switch interval (5 ms) *with no release in between*;
each of those short releases restarts the wait, and the searching thread takes the GIL
straight back, so a GUI thread in the same process would wait for whole searches. In a child
process the search cannot hold the window's GIL at all; the window's read thread waits for
the answer on a pipe, without the GIL.

The host also loads, while it is idle, what the first searches would load while the user waits
(`SearchIndex.warm`): the word dictionaries, the compound splitter and each segment's entity
values, dates and field lengths. If the child cannot start or dies twice, searches run in the
caller's own Library: slower for the window, never lost.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from briefing_app.documents import Document
from briefing_app.library.background import portable
from briefing_app.library.library import Library
from briefing_app.library.workers import watch_parent
from briefing_app.search import SearchRequest, SearchResults

log = logging.getLogger(__name__)

POLL_S = 0.5  # how often a waiting caller checks that the child is still alive
CLOSE_WAIT_S = 5.0
MAX_STARTS = 2  # a child that dies twice is not started again; the caller's Library searches
# What the child answers; anything else is refused (the pipe carries pickles: only our own).
REQUESTS = ("search", "highlight_words", "reopen_index")


class _HostGone(Exception):
    """The child died, or could not open the library."""


class SearchHost:
    """Library.search and Library.highlight_words, answered by a child process.

    The child starts at once (starting Python and importing takes ~0.4 s) but opens the
    library only when `open` gives the caller's own Library: a window's writer opens it first,
    and may have to rebuild its index. That Library is also what searches fall back on when
    the child is not available. One caller thread at a time (the window's read worker)."""

    def __init__(self, data_dir: Path, local: Library | None = None) -> None:
        self._data_dir = Path(data_dir)
        self._local = local
        self._context = multiprocessing.get_context("spawn")  # never fork a process with Qt
        self._process: Any = None
        self._conn: Connection | None = None
        self._starts = 0
        self._closed = False
        self._start()
        if local is not None:
            self.open(local)

    def open(self, local: Library) -> None:
        """Let the child open the library; `local` answers whatever the child cannot."""
        self._local = local
        self._send_open()

    @property
    def in_child(self) -> bool:
        """False once searches have fallen back to the caller's Library."""
        return self._conn is not None

    def search(self, request: SearchRequest) -> SearchResults:
        result: SearchResults = self._call("search", request)
        return result

    def highlight_words(self, query: str, document: Document, literal: bool = False) -> list[str]:
        words: list[str] = self._call("highlight_words", query, document, literal)
        return words

    def reopen_index(self) -> None:
        """After a rebuild swapped the index folder: open it again."""
        self._call("reopen_index")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop_child()

    # -- the pipe ------------------------------------------------------------------------

    def _call(self, kind: str, *args: Any) -> Any:
        for _attempt in range(MAX_STARTS):
            if self._conn is None:
                break
            try:
                return self._ask(self._conn, kind, args)
            except _HostGone as gone:
                log.warning("search process stopped (%s)", gone)
                self._stop_child()
                self._start()
                self._send_open()
        return self._in_caller(kind, args)

    def _send_open(self) -> None:
        if self._conn is not None:
            # A child that died already: the next request finds it gone and starts another.
            with contextlib.suppress(OSError):
                language = self._local.language if self._local is not None else "en"
                self._conn.send(("open", (language,)))

    def _ask(self, conn: Connection, kind: str, args: tuple[Any, ...]) -> Any:
        try:
            conn.send((kind, args))
            while not conn.poll(POLL_S):
                if not self._process.is_alive() and not conn.poll(0):
                    raise _HostGone(f"exit code {self._process.exitcode}")
            outcome, payload = conn.recv()
        except (EOFError, OSError) as error:
            raise _HostGone(str(error) or type(error).__name__) from error
        if outcome == "raised":
            raise payload
        if outcome == "unusable":
            raise _HostGone(payload)
        return payload

    def _in_caller(self, kind: str, args: tuple[Any, ...]) -> Any:
        if self._local is None:
            raise RuntimeError("SearchHost.open() was not called")
        return getattr(self._local, kind)(*args)

    def _start(self) -> None:
        if self._closed or self._starts >= MAX_STARTS:
            return
        self._starts += 1
        mine, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_host_main, args=(str(self._data_dir), theirs), name="briefing-search"
        )
        process.daemon = True  # ended with this process, whatever happens to it
        try:
            process.start()
        except (OSError, RuntimeError) as error:  # RuntimeError: a script without a main guard
            log.warning("cannot start the search process (%s)", error)
            mine.close()
            return
        finally:
            theirs.close()  # the child holds its own copy; EOF here once it is gone
        self._process, self._conn = process, mine

    def _stop_child(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            with contextlib.suppress(OSError):  # a child gone already
                conn.send(("close", ()))
            conn.close()
        if process is not None:
            process.join(CLOSE_WAIT_S)
            if process.is_alive():
                process.kill()
                process.join()


def _host_main(data_dir: str, conn: Connection) -> None:
    watch_parent()
    try:
        kind, args = conn.recv()
        if kind != "open":  # "close" before the library was ever opened
            return
    except (EOFError, OSError):
        return
    try:
        library = Library(Path(data_dir), language=args[0] if args else "en")
    except Exception as error:  # every request is answered: "use your own Library"
        _refuse_all(conn, f"cannot open the library ({error})")
        return
    try:
        _serve(library, conn)
    finally:
        library.close()
        conn.close()


def _serve(library: Library, conn: Connection) -> None:
    if not conn.poll(0):
        library.alias_table()  # the entities' names (~0.2 s): before the first search needs them
    warming = library.index.warm()
    while True:
        if warming is not None and not conn.poll(0):
            warming = _step(warming)
            continue
        try:
            kind, args = conn.recv()
        except (EOFError, OSError):
            return
        if kind == "close":
            return
        try:
            if kind not in REQUESTS:
                raise ValueError(f"unknown request {kind!r}")
            answer = getattr(library, kind)(*args)
        except Exception as error:  # the caller raises it as if it had searched itself
            conn.send(("raised", portable(error)))
        else:
            conn.send(("ok", answer))
        # New segments (imports commit while the window is open) are read in the next pause.
        warming = library.index.warm()


def _step(warming: Any) -> Any:
    """One step of warming; None once it is done or has failed (searches load it anyway)."""
    try:
        next(warming)
    except StopIteration:
        return None
    except Exception as error:
        log.warning("warming the search caches stopped (%s)", error)
        return None
    return warming


def _refuse_all(conn: Connection, reason: str) -> None:
    while True:
        try:
            kind, _args = conn.recv()
            if kind == "close":
                return
            conn.send(("unusable", reason))
        except (EOFError, OSError):
            return
