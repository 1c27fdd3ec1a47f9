"""`briefing bookmarks add|list|export|import|remove`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from briefing_app.bookmarks import Bookmark, BookmarkImportError
from briefing_app.cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Style, counted
from briefing_app.library import Library
from briefing_app.library.atomic import write_atomic
from briefing_app.library.bookmarking import BriefingFormat


def cmd_bookmarks(library: Library, args: argparse.Namespace) -> int:
    if args.action == "add":
        bookmark = library.add_bookmark(
            args.target, quote=args.quote, note=args.note, tags=args.tag
        )
        print(bookmark.id)
        return EXIT_OK
    if args.action == "remove":
        removed = library.remove_bookmark(args.id)
        print(f"Removed the bookmark on “{removed.quote[:60]}”.", file=sys.stderr)
        return EXIT_OK
    if args.action == "import":
        return _import(library, Path(args.file))
    found = library.list_bookmarks(
        tag=args.tag, entity=args.entity, status=args.status, text=args.text
    )
    if args.action == "list":
        return _list(found, args.json)
    return _export(library, found, args)


def bookmark_json(b: Bookmark) -> dict[str, Any]:
    return {
        "id": b.id,
        "path": b.doc_path,
        "title": b.doc_title,
        "quote": b.quote,
        "prefix": b.anchor.prefix,
        "suffix": b.anchor.suffix,
        "start": b.anchor.start,
        "end": b.anchor.end,
        "note": b.note,
        "tags": list(b.tags),
        "status": str(b.status),
        "created": b.created,
        "updated": b.updated,
    }


def _list(found: list[Bookmark], as_json: bool) -> int:
    if as_json:
        print(json.dumps([bookmark_json(b) for b in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    out = Style(sys.stdout)
    for b in found:
        status = "" if b.status == "anchored" else out.error(f" [{b.status}]")
        print(f"{out.dim(b.id)}  {out.bold(b.doc_title)}{status}")
        print(f"    “{b.quote[:160]}”")
        if b.note:
            print(f"    {b.note}")
        if b.tags:
            print(out.dim(f"    #{' #'.join(b.tags)}"))
    print(out.dim(counted(len(found), "bookmark")), file=sys.stderr)
    return EXIT_OK


_FORMATS: dict[str, BriefingFormat] = {"md": "markdown", "json": "json", "docx": "docx"}


def _export(library: Library, found: list[Bookmark], args: argparse.Namespace) -> int:
    format = _FORMATS[args.format]
    if format == "docx" and not args.output:
        print("A Word briefing is a file: give it a name with -o FILE.docx.", file=sys.stderr)
        return EXIT_USAGE
    if args.output:
        data = library.briefing_file(found, format=format, group_by=args.group_by, title=args.title)
        write_atomic(Path(args.output), data)
        print(f"Wrote {counted(len(found), 'bookmark')} to {args.output}.", file=sys.stderr)
    else:
        text = library.briefing(found, format=format, group_by=args.group_by, title=args.title)
        print(text, end="")
    return EXIT_OK


def _import(library: Library, path: Path) -> int:
    try:
        added, skipped = library.import_bookmarks(path)
    except BookmarkImportError as error:
        print(f"Not a bookmark file: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{counted(added, 'bookmark')} added, {skipped} already present.", file=sys.stderr)
    return EXIT_OK
