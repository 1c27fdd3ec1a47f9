"""The `briefing` command line: a thin front end over the Library facade.

Exit codes: 0 success, 1 some files failed or a requested thing was not found,
2 usage errors (including a malformed query), 3 the library is busy or unusable.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from briefing_app import __version__
from briefing_app.documents import DEFAULT_MAX_BYTES
from briefing_app.library import (
    ImportProgress,
    ImportReport,
    Library,
    LibraryError,
)
from briefing_app.search import (
    IndexBusyError,
    QuerySyntaxError,
    SearchError,
    SearchRequest,
    SearchResults,
    SortOrder,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


class Style:
    """ANSI styling for a terminal; plain text when piped or NO_COLOR is set."""

    def __init__(self, stream: TextIO) -> None:
        self.enabled = stream.isatty() and "NO_COLOR" not in os.environ

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def mark(self, text: str) -> str:
        return self._wrap("1;33", text)

    def error(self, text: str) -> str:
        return self._wrap("1;31", text)


def build_parser() -> argparse.ArgumentParser:
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library data folder (default: $BRIEFING_DATA_DIR, else the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Search, read and annotate Dutch and English press releases and notes.",
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
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
    _add_search_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = commands.add_parser(
        "batch-search", parents=[data_dir], help="run one query per line of FILE"
    )
    p.add_argument("file", metavar="FILE")
    _add_search_options(p)
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

    p = commands.add_parser("gui", parents=[data_dir], help="open the desktop window")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to import first")
    return parser


def _add_search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=_positive_int, default=10, metavar="N")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM", help="from this month on")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM", help="up to this month")
    p.add_argument(
        "--sort", choices=[s.value for s in SortOrder], default=SortOrder.RELEVANCE.value
    )
    p.add_argument("--person", action="append", default=[], metavar="NAME")
    p.add_argument("--country", action="append", default=[], metavar="CODE")
    p.add_argument("--org", action="append", default=[], metavar="NAME")


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one non-GUI command; errors become a message and an exit code, never a traceback."""
    err = Style(sys.stderr)
    try:
        return _dispatch(args, data_dir)
    except QuerySyntaxError as error:
        print(err.error("Query error: ") + str(error), file=sys.stderr)
        return EXIT_USAGE
    except IndexBusyError as error:
        print(err.error("Busy: ") + str(error), file=sys.stderr)
        return EXIT_BUSY
    except (LibraryError, SearchError) as error:
        print(err.error("Error: ") + str(error), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace, data_dir: Path) -> int:
    max_bytes = int(getattr(args, "max_size", DEFAULT_MAX_BYTES / 1024 / 1024) * 1024 * 1024)
    with Library(data_dir, max_bytes=max_bytes, notify=_notify) as library:
        command = args.command
        if command == "import":
            return _cmd_import(library, args)
        if command == "search":
            return _cmd_search(library, args)
        if command == "batch-search":
            return _cmd_batch_search(library, args)
        if command == "list":
            return _cmd_list(library, args)
        if command == "show":
            return _cmd_show(library, args)
        if command == "reindex":
            count = library.reindex(progress=_Progress("Indexing").rebuild)
            print(f"Rebuilt the index: {count} documents.", file=sys.stderr)
            return EXIT_OK
        if command == "rescan":
            report = library.rescan(progress=_Progress("Re-scanning"))
            return _print_import_report(report, args.json)
    raise AssertionError(f"unhandled command {args.command}")


def _notify(message: str) -> None:
    print(message, file=sys.stderr)


class _Progress:
    """Progress on stderr: one rewritten line on a terminal, sparse lines otherwise."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.tty = sys.stderr.isatty()

    def __call__(self, progress: ImportProgress) -> None:
        self._show(progress.done, progress.total, Path(progress.path).name)

    def rebuild(self, done: int, total: int) -> None:
        self._show(done, total, "")

    def _show(self, done: int, total: int, name: str) -> None:
        if self.tty:
            line = f"\r{self.verb} {done}/{total} {name[:50]:<50}"
            print(line, end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total or done % 500 == 0:
            print(f"{self.verb} {done}/{total}", file=sys.stderr)


def _cmd_import(library: Library, args: argparse.Namespace) -> int:
    report = library.import_paths(args.paths, prune=args.prune, progress=_Progress("Importing"))
    return _print_import_report(report, args.json)


def _print_import_report(report: ImportReport, as_json: bool) -> int:
    if as_json:
        payload = {
            "added": report.added,
            "updated": report.updated,
            "unchanged": len(report.unchanged),
            "removed": report.removed,
            "failed": [{"path": f.path, "reason": f.reason} for f in report.failed],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    style = Style(sys.stderr)
    summary = (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed"
    )
    print(style.bold(summary), file=sys.stderr)
    for failure in report.failed:
        print(f"  {style.error('failed')} {failure.path}: {failure.reason}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


def _request(args: argparse.Namespace, query: str, *, facets: bool) -> SearchRequest:
    return SearchRequest(
        query=query,
        limit=args.limit,
        date_from=args.date_from,
        date_to=args.date_to,
        sort=SortOrder(args.sort),
        people=tuple(args.person),
        countries=tuple(args.country),
        organizations=tuple(args.org),
        facets=facets,
    )


def results_json(results: SearchResults) -> dict[str, Any]:
    return {
        "query": results.query,
        "total": results.total,
        "took_ms": results.took_ms,
        "suggestion": results.suggestion,
        "hits": [
            {
                "id": hit.id,
                "path": hit.path,
                "title": hit.title,
                "date": hit.date,
                "language": hit.language,
                "score": hit.score,
                "snippet": hit.snippet,
            }
            for hit in results.hits
        ],
    }


def _cmd_search(library: Library, args: argparse.Namespace) -> int:
    results = library.search(_request(args, args.query, facets=args.json))
    if args.json:
        print(json.dumps(results_json(results), ensure_ascii=False, indent=2))
        return EXIT_OK
    out = Style(sys.stdout)
    noun = "document" if results.total == 1 else "documents"
    print(out.dim(f"{results.total} {noun} ({results.took_ms:.0f} ms)"))
    if results.suggestion:
        print(f"Did you mean: {out.bold(results.suggestion)}?")
    for rank, hit in enumerate(results.hits, start=1):
        meta = " · ".join(x for x in (hit.date or "no date", hit.language, hit.id) if x)
        print(f"\n{rank:>2}. {out.bold(hit.title)}  {out.dim(meta)}")
        print(f"    {_terminal_snippet(hit.snippet, out)}")
        print(f"    {out.dim(hit.path)}")
    return EXIT_OK


def _terminal_snippet(snippet: str, style: Style) -> str:
    parts = re.split(r"<mark>(.*?)</mark>", snippet)
    return "".join(
        style.mark(html.unescape(part)) if i % 2 else html.unescape(part)
        for i, part in enumerate(parts)
    )


def _cmd_batch_search(library: Library, args: argparse.Namespace) -> int:
    try:
        lines = Path(args.file).read_text("utf-8-sig").splitlines()
    except OSError as error:
        raise LibraryError(f"Cannot read {args.file}: {error.strerror}") from error
    queries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    rows: list[dict[str, Any]] = []
    for query in queries:
        try:
            results = library.search(_request(args, query, facets=False))
            rows.append(results_json(results) | {"error": None})
        except QuerySyntaxError as error:
            rows.append({"query": query, "total": 0, "hits": [], "error": str(error)})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["query", "total", "rank", "id", "title", "date", "path", "score"])
        for row in rows:
            if not row["hits"]:
                writer.writerow([row["query"], row["total"], "", "", "", "", "", ""])
            for rank, hit in enumerate(row["hits"], start=1):
                writer.writerow(
                    [
                        row["query"],
                        row["total"],
                        rank,
                        hit["id"],
                        hit["title"],
                        hit["date"] or "",
                        hit["path"],
                        hit["score"],
                    ]
                )
    else:
        out = Style(sys.stdout)
        width = max((len(r["query"]) for r in rows), default=5)
        for row in rows:
            status = row["error"] or ", ".join(h["title"] for h in row["hits"][:3])
            print(f"{row['query']:<{width}}  {out.bold(str(row['total'])):>6}  {status}")
    failed = any(row["error"] for row in rows)
    return EXIT_USAGE if failed else EXIT_OK


def _cmd_list(library: Library, args: argparse.Namespace) -> int:
    entries = library.documents()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "path": e.path,
                        "title": e.title,
                        "date": e.date,
                        "language": e.language,
                        "kind": e.kind,
                        "source": e.source,
                        "tags": list(e.tags),
                        "size": e.size,
                    }
                    for e in entries
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    out = Style(sys.stdout)
    for e in entries:
        print(f"{out.dim(e.id)}  {(e.date or '—'):<10}  {e.language:<3} {e.title}")
    print(out.dim(f"{len(entries)} documents"), file=sys.stderr)
    return EXIT_OK


def _cmd_show(library: Library, args: argparse.Namespace) -> int:
    opened = library.open_document(args.target)
    e = opened.entry
    text = opened.document.text if opened.document else None
    if args.json:
        payload = {
            "id": e.id,
            "path": e.path,
            "title": e.title,
            "date": e.date,
            "language": e.language,
            "kind": e.kind,
            "source": e.source,
            "tags": list(e.tags),
            "content_hash": e.content_hash,
            "warnings": list(e.warnings),
            "problem": opened.problem,
            "text": text,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK if text is not None else EXIT_FAILED
    out = Style(sys.stdout)
    print(out.bold(e.title))
    for label, value in (
        ("Date", e.date or "unknown"),
        ("Language", e.language),
        ("Source", e.source),
        ("Tags", ", ".join(e.tags)),
        ("File", e.path),
        ("Id", e.id),
    ):
        if value:
            print(f"{out.dim(f'{label:<9}')}{value}")
    if opened.problem:
        print(out.error(f"Note: {opened.problem}"))
    if text is not None:
        print()
        print(text)
    return EXIT_OK if text is not None else EXIT_FAILED
