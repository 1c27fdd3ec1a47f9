"""The `briefing` command line: a thin front end over the Library facade.

Exit codes: 0 success, 1 some files failed or a requested thing was not found,
2 usage errors (including a malformed query), 3 the library is busy.
"""

from __future__ import annotations

import argparse
import errno
import os
import select
import sqlite3
import sys
from pathlib import Path

from briefing_app import __version__
from briefing_app.bookmarks import BookmarkStoreError
from briefing_app.cli import bookmarks, documents, entities
from briefing_app.cli.output import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    LANGUAGES,
    Progress,
    Style,
    language_of,
    notify,
)
from briefing_app.documents import DEFAULT_MAX_BYTES
from briefing_app.entities.corrections import CorrectionError
from briefing_app.library import Library, LibraryBusyError, LibraryError
from briefing_app.library.datadir import DataDir, locate_data_dir
from briefing_app.library.library import BUSY_MESSAGE, is_locked
from briefing_app.search import IndexBusyError, QuerySyntaxError, SearchError


def build_parser(located: DataDir | None = None) -> argparse.ArgumentParser:
    """The parser of every command; each one's --help ends with the data folder in use."""
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library data folder (default: $BRIEFING_DATA_DIR, else the index/ of the "
        "checkout Briefing runs from, else the user data folder)",
    )
    data_dir.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="name countries and organizations in this language (default: the locale's, "
        "else English)",
    )
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Search, read and annotate Dutch and English press releases and notes.\n"
        "Without a command, opens the window.",
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="put Briefing in this user's applications menu (a .desktop file and the icon "
        "under $XDG_DATA_HOME, default ~/.local/share), then exit",
    )
    entry.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="take Briefing out of the applications menu again, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", parents=[data_dir], help="import files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--prune",
        action="store_true",
        help="also drop documents anywhere in the library whose files are gone "
        "(documents under an imported folder are always dropped when their files are gone)",
    )
    p.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        default=DEFAULT_MAX_BYTES / 1024 / 1024,
        help="skip files larger than this (default: %(default)g MB)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("search", parents=[data_dir], help="search the library")
    p.add_argument("query", nargs="?", default="", metavar="QUERY")
    documents.add_search_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = commands.add_parser(
        "batch-search", parents=[data_dir], help="run one query per line of FILE"
    )
    p.add_argument("file", metavar="FILE")
    documents.add_search_options(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print a JSON array")
    fmt.add_argument("--csv", action="store_true", help="print CSV: one row per hit")

    p = commands.add_parser("list", parents=[data_dir], help="list the documents")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("show", parents=[data_dir], help="show one document")
    p.add_argument("target", metavar="ID|PATH")
    p.add_argument("--json", action="store_true")

    commands.add_parser(
        "reindex", parents=[data_dir], help="rebuild the search index from the source files"
    )
    p = commands.add_parser(
        "rescan", parents=[data_dir], help="re-import every imported folder and file"
    )
    p.add_argument("--json", action="store_true")

    entities.add_parsers(commands, data_dir)
    bookmarks.add_parsers(commands, data_dir)

    p = commands.add_parser("gui", parents=[data_dir], help="open the desktop window")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import first")
    located = located or locate_data_dir(None)
    _set_epilog(parser, f"Data folder: {located.path} ({located.source}).")
    return parser


def _set_epilog(parser: argparse.ArgumentParser, epilog: str) -> None:
    """The same epilog on a parser and all its subcommands, at any depth."""
    parser.epilog = epilog
    # Unwrapped, so that the folder's path stays whole, ready to copy.
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _set_epilog(sub, epilog)


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one non-GUI command; errors become a message and an exit code, never a traceback."""
    err = Style(sys.stderr)
    try:
        if args.command == "entities" and not args.library:
            code = entities.extract_files(args)  # needs no library
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


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    max_bytes = int(getattr(args, "max_size", DEFAULT_MAX_BYTES / 1024 / 1024) * 1024 * 1024)
    rebuilding = Progress("Rebuilding the search index:")
    with Library(
        data_dir,
        max_bytes=max_bytes,
        notify=notify,
        rebuild_progress=rebuilding.rebuild,
        language=language_of(args),
    ) as library:
        handlers = {
            "import": documents.cmd_import,
            "search": documents.cmd_search,
            "batch-search": documents.cmd_batch_search,
            "list": documents.cmd_list,
            "show": documents.cmd_show,
            "rescan": documents.cmd_rescan,
            "reindex": documents.cmd_reindex,
            "entities": entities.cmd_library_entities,
            "entity": entities.cmd_entity,
            "bookmarks": bookmarks.cmd_bookmarks,
        }
        return handlers[args.command](library, args)


__all__ = ["build_parser", "run"]
