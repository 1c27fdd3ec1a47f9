"""Commands over documents: import, search, batch-search, list, show, reindex, rescan."""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

from briefing_app.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Progress,
    Style,
    counted,
)
from briefing_app.library import CatalogEntry, ImportReport, Library, LibraryError
from briefing_app.resources import resource_path
from briefing_app.search import QuerySyntaxError, SearchRequest, SearchResults, SortOrder


def cmd_rescan(library: Library, args: argparse.Namespace) -> int:
    report = library.rescan(progress=Progress("Re-scanning"))
    return _print_import_report(report, args.json)


def cmd_reindex(library: Library, args: argparse.Namespace) -> int:
    if library.rebuilt_on_open:  # opening it just did
        count = library.document_count()
    else:
        count = library.reindex(progress=Progress("Indexing").rebuild)
    print(f"Rebuilt the index: {counted(count, 'document')}.", file=sys.stderr)
    return EXIT_OK


def cmd_import(library: Library, args: argparse.Namespace) -> int:
    report = library.import_paths(args.paths, prune=args.prune, progress=Progress("Importing"))
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
        literal=args.literal,
        collapse=args.collapse,
    )


def results_json(results: SearchResults, library: Library) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "query": results.query,
        "total": results.total,
        "total_documents": results.documents,
        "took_ms": results.took_ms,
        "suggestion": results.suggestion,
        "expanded": results.expanded,
        "hits": [
            {
                "id": hit.id,
                "path": hit.path,
                "title": hit.title,
                "date": hit.date,
                "language": hit.language,
                "score": hit.score,
                "snippet": hit.snippet,
                "page": hit.page or None,
                "people": hit.people,
                "countries": hit.countries,
                "organizations": hit.organizations,
                "similar": hit.similar,
            }
            for hit in results.hits
        ],
    }
    if results.facets:
        facets = results.facets
        language = library.language
        payload["facets"] = {
            "people": [{"name": f.value, "count": f.count} for f in facets.get("people", [])],
            "countries": [
                {
                    "code": f.value,
                    "name": library.entity_name("country", f.value, language),
                    "count": f.count,
                }
                for f in facets.get("countries", [])
            ],
            "organizations": [
                {"name": library.entity_name("org", f.value, language), "count": f.count}
                for f in facets.get("organizations", [])
            ],
        }
    return payload


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    results = library.search(_request(args, args.query, facets=args.json))
    if results.total == 0 and library.document_count() == 0:
        _say_library_is_empty(library)
    if args.json:
        print(json.dumps(results_json(results, library), ensure_ascii=False, indent=2))
        return EXIT_OK
    out = Style(sys.stdout)
    noun = "document" if results.total == 1 else "documents"
    folded = results.documents - results.total
    similar = f" + {folded} similar" if folded > 0 else ""
    print(out.dim(f"{results.total} {noun}{similar} ({results.took_ms:.0f} ms)"))
    if results.suggestion:
        print(f"Did you mean: {out.bold(results.suggestion)}?")
    for typed, names in results.expanded.items():
        also = ", ".join(names)
        print(out.dim(f"“{typed}” also searched as {also} (--literal: only as typed)"))
    for rank, hit in enumerate(results.hits, start=1):
        meta = " · ".join(x for x in (hit.date or "no date", hit.language, hit.id) if x)
        more = f"  (+{len(hit.similar)} similar)" if hit.similar else ""
        print(f"\n{rank:>2}. {out.bold(hit.title)}  {out.dim(meta)}{more}")
        print(f"    {_terminal_snippet(hit.snippet, out)}")
        page = f", p. {hit.page}" if hit.page else ""
        print(f"    {out.dim(hit.path + page)}")
    return EXIT_OK


def _terminal_snippet(snippet: str, style: Style) -> str:
    parts = re.split(r"<mark>(.*?)</mark>", snippet)
    return "".join(
        style.mark(html.unescape(part)) if i % 2 else html.unescape(part)
        for i, part in enumerate(parts)
    )


def cmd_batch_search(library: Library, args: argparse.Namespace) -> int:
    try:
        lines = Path(args.file).read_text("utf-8-sig").splitlines()
    except OSError as error:
        raise LibraryError(f"Cannot read {args.file}: {error.strerror}") from error
    queries = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    rows: list[dict[str, Any]] = []
    for query in queries:
        try:
            results = library.search(_request(args, query, facets=False))
            rows.append(results_json(results, library) | {"error": None})
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


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    entries = library.documents()
    if not entries:
        _say_library_is_empty(library)
    if args.json:
        payload = [entry_json(e) | {"size": e.size} for e in entries]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    out = Style(sys.stdout)
    for e in entries:
        print(f"{out.dim(e.id)}  {(e.date or '—'):<10}  {e.language:<3} {e.title}")
    print(out.dim(counted(len(entries), "document")), file=sys.stderr)
    return EXIT_OK


def _say_library_is_empty(library: Library) -> None:
    # "0 documents" alone does not tell a user they are looking at another folder than they
    # think, nor how to fill it.
    print(
        f"The library at {library.data_dir} is empty: import documents with "
        f"`briefing import FOLDER` (the sample library: "
        f"`briefing import {resource_path('sample')}`).",
        file=sys.stderr,
    )


def entry_json(e: CatalogEntry) -> dict[str, Any]:
    """A document's metadata as `list --json` and `show --json` print it."""
    return {
        "id": e.id,
        "path": e.path,
        "title": e.title,
        "date": e.date,
        "language": e.language,
        "kind": e.kind,
        "source": e.source,
        "tags": list(e.tags),
    }


def cmd_show(library: Library, args: argparse.Namespace) -> int:
    opened = library.open_document(args.target)
    e = opened.entry
    text = opened.document.text if opened.document else None
    if args.json:
        payload = entry_json(e) | {
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
