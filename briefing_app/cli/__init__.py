"""The `briefing` command line: a thin front end over the Library facade.

Exit codes: 0 success, 1 some files failed or a requested thing was not found,
2 usage errors (including a malformed query), 3 the library is busy.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import select
import sqlite3
import sys
from pathlib import Path

from briefing_app.cli.output import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Progress,
    Style,
    language_of,
    notify,
)
from briefing_app.cli.parsers import build_parser
from briefing_app.documents.limits import DEFAULT_MAX_BYTES


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one non-GUI command; errors become a message and an exit code, never a traceback."""
    # Loaded here, not at the top: `briefing --help` needs none of it.
    from briefing_app.bookmarks import BookmarkStoreError
    from briefing_app.entities.corrections import CorrectionError
    from briefing_app.library import LibraryBusyError, LibraryError
    from briefing_app.library.library import BUSY_MESSAGE, is_locked
    from briefing_app.search import IndexBusyError, QuerySyntaxError, SearchError

    err = Style(sys.stderr)
    try:
        if args.command == "entities" and not args.library:
            from briefing_app.cli.entities import extract_files

            code = extract_files(args)  # needs no library
        else:
            code = _dispatch(args, data_dir)
        sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
        return code
    except QuerySyntaxError as error:
        print(err.error("Query error: ") + str(error), file=sys.stderr)
        return EXIT_USAGE
    except (IndexBusyError, LibraryBusyError) as error:
        print(err.error("Busy: ") + str(error), file=sys.stderr)
        return EXIT_BUSY
    except (LibraryError, SearchError, CorrectionError, BookmarkStoreError) as error:
        print(err.error("Error: ") + str(error), file=sys.stderr)
        return EXIT_FAILED
    except (OSError, sqlite3.Error) as error:
        if isinstance(error, BrokenPipeError) and _stdout_is_closed():
            # `briefing list | head -3`: the reader has all it wanted. End quietly, as other
            # Unix tools do; stdout goes to devnull so the flush at exit cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        if is_locked(error):
            print(err.error("Busy: ") + BUSY_MESSAGE, file=sys.stderr)
            return EXIT_BUSY
        # A full disk, a folder that became read-only: the transaction in progress is rolled
        # back (SQLite) or never committed (the index), so the library stays as it was.
        reason = getattr(error, "strerror", None) or str(error)
        print(
            err.error("Error: ") + f"cannot write to the data folder {data_dir}: {reason}. "
            f"Nothing was half-written; {_remedy(error)} and run the command again.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _stdout_is_closed() -> bool:
    """Whether the reader of stdout has gone (a pipe with no reader polls as an error)."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _fd, events in poller.poll(0))
    except (AttributeError, ValueError, OSError):
        return True  # no poll() (Windows) or no stdout to ask: take the error for stdout's


def _remedy(error: OSError | sqlite3.Error) -> str:
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make the folder writable"
    if isinstance(error, sqlite3.OperationalError) and "readonly" in str(error):
        return "make the folder writable"
    return "free some space"


# Each command's function, as "module:function" of briefing_app.cli: only the module of the
# command that runs is loaded.
HANDLERS = {
    "import": "documents:cmd_import",
    "search": "documents:cmd_search",
    "batch-search": "documents:cmd_batch_search",
    "list": "documents:cmd_list",
    "show": "documents:cmd_show",
    "rescan": "documents:cmd_rescan",
    "reindex": "documents:cmd_reindex",
    "entities": "entities:cmd_library_entities",
    "entity": "entities:cmd_entity",
    "bookmarks": "bookmarks:cmd_bookmarks",
}


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    from briefing_app.library import Library

    module, _, function = HANDLERS[args.command].partition(":")
    handler = getattr(importlib.import_module(f"briefing_app.cli.{module}"), function)
    max_bytes = int(getattr(args, "max_size", DEFAULT_MAX_BYTES / 1024 / 1024) * 1024 * 1024)
    rebuilding = Progress("Rebuilding the search index:")
    with Library(
        data_dir,
        max_bytes=max_bytes,
        notify=notify,
        rebuild_progress=rebuilding.rebuild,
        language=language_of(args),
    ) as library:
        return int(handler(library, args))


__all__ = ["build_parser", "run"]
