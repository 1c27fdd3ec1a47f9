"""The command line's parser: every command and option, and nothing they run. Kept apart
from the commands so that `briefing --help` loads no library, index or Qt."""

from __future__ import annotations

import argparse
from typing import Any

from briefing_app import __version__
from briefing_app.cli.output import LANGUAGES, positive_int
from briefing_app.documents.limits import DEFAULT_MAX_BYTES
from briefing_app.library.datadir import DataDir, locate_data_dir
from briefing_app.search.types import SortOrder

# Entity types as the command line writes them.
TYPES = {"person": "person", "country": "country", "org": "org"}
STATUSES = ("anchored", "moved", "approximate", "orphaned")


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
        help="name people, countries and organizations in this language (a person in the "
        "spelling its documents use most; default: the locale's, else English)",
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
    add_search_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = commands.add_parser(
        "batch-search", parents=[data_dir], help="run one query per line of FILE"
    )
    p.add_argument("file", metavar="FILE")
    add_search_options(p)
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

    add_entity_parsers(commands, data_dir)
    add_bookmark_parsers(commands, data_dir)

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


def add_search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=positive_int, default=10, metavar="N")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM", help="from this month on")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM", help="up to this month")
    p.add_argument(
        "--sort", choices=[s.value for s in SortOrder], default=SortOrder.RELEVANCE.value
    )
    p.add_argument("--person", action="append", default=[], metavar="NAME")
    p.add_argument("--country", action="append", default=[], metavar="CODE")
    p.add_argument("--org", action="append", default=[], metavar="NAME")
    p.add_argument(
        "--literal",
        action="store_true",
        help="search only the words as typed (by default a name such as EU also searches "
        "the entity's other names: Europese Unie, European Union)",
    )
    p.add_argument(
        "--no-collapse",
        dest="collapse",
        action="store_false",
        help="list every document: by default near duplicates (copies of one text with "
        "another date line or a few other words) show as one hit with its similar ones",
    )


def add_entity_parsers(commands: Any, data_dir: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "entities",
        parents=[data_dir],
        help="people, countries and organizations in files (no library needed) "
        "or, with --library, in the whole library",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--library", action="store_true", help="the library-wide entity table")
    p.add_argument("--type", choices=sorted(TYPES), help="only this type (with --library)")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("entity", parents=[data_dir], help="correct extracted entities")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("rename", parents=[data_dir], help="give an entity another name")
    a.add_argument("type", choices=sorted(TYPES))
    a.add_argument("name", metavar="NAME")
    a.add_argument("new_name", metavar="NEW_NAME")
    a = actions.add_parser("merge", parents=[data_dir], help="merge NAME into INTO")
    a.add_argument("type", choices=sorted(TYPES))
    a.add_argument("name", metavar="NAME")
    a.add_argument("into", metavar="INTO")
    a = actions.add_parser("retype", parents=[data_dir], help="change an entity's type")
    a.add_argument("type", choices=sorted(TYPES))
    a.add_argument("name", metavar="NAME")
    a.add_argument("new_type", choices=["person", "org"])
    a = actions.add_parser("hide", parents=[data_dir], help="hide a false positive")
    a.add_argument("type", choices=sorted(TYPES))
    a.add_argument("name", metavar="NAME")
    a = actions.add_parser("list", parents=[data_dir], help="list your corrections")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("export", parents=[data_dir], help="write corrections to FILE")
    a.add_argument("file", metavar="FILE")
    a = actions.add_parser("import", parents=[data_dir], help="merge corrections from FILE")
    a.add_argument("file", metavar="FILE")


def add_bookmark_parsers(commands: Any, data_dir: argparse.ArgumentParser) -> None:
    p = commands.add_parser("bookmarks", parents=[data_dir], help="bookmarked passages")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("add", parents=[data_dir], help="bookmark a passage of a document")
    a.add_argument("target", metavar="PATH", help="a document of the library (path or id)")
    a.add_argument("--quote", required=True, metavar="TEXT", help="the passage, as it stands")
    a.add_argument("--note", default="", metavar="TEXT", help="a note (Markdown)")
    a.add_argument("--tag", action="append", default=[], metavar="TAG")

    a = actions.add_parser("list", parents=[data_dir], help="list bookmarks")
    _add_filters(a)
    a.add_argument("--json", action="store_true")

    a = actions.add_parser("export", parents=[data_dir], help="export a briefing")
    a.add_argument(
        "--format",
        choices=["md", "docx", "json"],
        default="md",
        help="Markdown, a Word document (needs -o) or W3C Web Annotations (default: %(default)s)",
    )
    a.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    a.add_argument(
        "--group-by",
        choices=["document", "tag", "entity"],
        default="document",
        help="sections of the Markdown or Word briefing (default: %(default)s)",
    )
    a.add_argument("--title", help="title of the Markdown or Word briefing")
    _add_filters(a)

    a = actions.add_parser("import", parents=[data_dir], help="merge bookmarks from a JSON file")
    a.add_argument("file", metavar="FILE")

    a = actions.add_parser("remove", parents=[data_dir], help="remove a bookmark")
    a.add_argument("id", metavar="ID")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", metavar="TAG")
    p.add_argument("--entity", metavar="NAME", help="a person, country or organization")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--text", metavar="TEXT", help="words in the quote, note or tags")
