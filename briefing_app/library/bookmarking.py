"""Bookmarks as the library sees them: created on documents of the library, re-anchored when a
document is opened or re-imported, filtered by entity names as the user types them."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkImportError,
    BookmarkStatus,
    BookmarkStore,
    find_quote,
    from_web_annotations,
    make_anchor,
    merge_import,
    reconcile_document,
    to_markdown,
    to_web_annotations,
)
from briefing_app.bookmarks.citation import Citation
from briefing_app.bookmarks.docx_writer import to_docx
from briefing_app.bookmarks.export import Cite, GroupBy
from briefing_app.documents import Document
from briefing_app.entities import extract_entities


class BookmarkError(ValueError):
    """A bookmark that cannot be made; the message is for the user."""


def passage_entities(
    document: Document, start: int, end: int, resolve_person: Callable[[str], str]
) -> tuple[str, ...]:
    """The entities a passage mentions, as "type:key", found with the whole document as
    context (so "Blok" in the passage is the Stef Blok named earlier in the text)."""
    found = extract_entities(document.text, document.language)
    keys: list[str] = []
    for group in (found.people, found.countries, found.organizations):
        for entity in group:
            if any(s < end and e > start for s, e in entity.spans):
                key = resolve_person(entity.key) if group is found.people else entity.key
                keys.append(f"{entity.type}:{key}")
    return tuple(dict.fromkeys(keys))


def create_bookmark(
    store: BookmarkStore,
    document: Document,
    *,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    note: str = "",
    tags: Iterable[str] = (),
    resolve_person: Callable[[str], str] = lambda name: name,
) -> Bookmark:
    """Bookmark text[start:end], or the first occurrence of `quote`."""
    text = document.text
    if start is None or end is None:
        wanted = unicodedata.normalize("NFC", (quote or "").strip())
        if not wanted:
            raise BookmarkError("Select a passage (or give the text to quote).")
        hits = find_quote(text, wanted)
        if not hits:
            raise BookmarkError(f"The quote does not occur in “{document.title}”.")
        start, end = hits[0], hits[0] + len(wanted)
    try:
        anchor = make_anchor(text, start, end, document.content_hash)
    except ValueError as error:
        raise BookmarkError(str(error)) from error
    bookmark = Bookmark(
        doc_content_hash=document.content_hash,
        doc_path=str(document.path),
        anchor=anchor,
        doc_title=document.title,
        doc_date=document.date,
        note=note,
        tags=tuple(tags),
        entities=passage_entities(document, start, end, resolve_person),
    )
    return store.add(bookmark)


def reattach(
    store: BookmarkStore, document: Document, bookmark_id: str, start: int, end: int
) -> Bookmark:
    """Anchor a bookmark (typically an orphan) on text[start:end] of `document`; a bookmark
    of another file (the document moved) follows it, with the other bookmarks of that file."""
    anchor = make_anchor(document.text, start, end, document.content_hash)
    bookmark = store.reattach(bookmark_id, anchor)
    if bookmark.doc_path != str(document.path):
        store.relocate(bookmark.doc_path, str(document.path))
        bookmark = store.get(bookmark_id) or bookmark
    return bookmark


BriefingFormat = Literal["markdown", "json", "docx"]


def briefing_file(
    bookmarks: list[Bookmark],
    *,
    format: BriefingFormat = "markdown",
    group_by: GroupBy = "document",
    title: str | None = None,
    entity_label: Callable[[str], str] | None = None,
    cite: Cite | None = None,
) -> bytes:
    """The bookmarks as the bytes of a file: a Markdown briefing or Web Annotations (JSON),
    UTF-8 and ending in a newline, or a Word briefing ("docx")."""
    if format == "json":
        text = json.dumps(to_web_annotations(bookmarks), ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")
    # The writers group, label and cite alike.
    options: dict[str, Any] = {
        "group_by": group_by,
        "title": title,
        "entity_label": entity_label,
        "cite": cite,
    }
    if format == "docx":
        return to_docx(bookmarks, **options)
    return to_markdown(bookmarks, **options).encode("utf-8")


def citer(
    bookmarks: Iterable[Bookmark],
    source_of: Callable[[str], str | None],
    paginated: Callable[[str], Document | None],
) -> Cite:
    """Each bookmark's citation: its document's title, date and file, the issuer
    (`source_of(path)`) and, when `paginated(path)` gives the document with pages (a PDF,
    read again), the page its passage starts on. Each document is looked up once."""
    sources: dict[str, str | None] = {}
    documents: dict[str, Document | None] = {}
    for bookmark in bookmarks:
        path = bookmark.doc_path
        if path not in sources:
            sources[path] = source_of(path)
            documents[path] = paginated(path)

    def cite(bookmark: Bookmark) -> Citation:
        path = bookmark.doc_path
        document = documents.get(path)
        page = 0
        if document is not None and document.content_hash == bookmark.anchor.content_hash:
            page = document.page_of(bookmark.anchor.start)
        return Citation.of_bookmark(bookmark, source=sources.get(path), page=page)

    return cite


def import_annotations(store: BookmarkStore, path: Path) -> tuple[int, int]:
    """Add the bookmarks of a Web Annotations file that are not there yet; returns (added,
    skipped as duplicates). OSError: the file cannot be read; BookmarkImportError: it is not
    a bookmark file."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except UnicodeDecodeError as error:
        raise BookmarkImportError(f"{path} is not a UTF-8 JSON file") from error
    except json.JSONDecodeError as error:
        raise BookmarkImportError(f"{path} is not JSON ({error})") from error
    return merge_import(store, from_web_annotations(data))


def reconcile(
    store: BookmarkStore, document: Document, is_missing: Callable[[str], bool]
) -> list[Bookmark]:
    """Re-anchor the document's bookmarks; returns them all, in text order."""
    reconcile_document(
        store,
        text=document.text,
        content_hash=document.content_hash,
        path=str(document.path),
        title=document.title,
        date=document.date,
        is_missing=is_missing,
    )
    return store.for_document(content_hash=document.content_hash, path=str(document.path))


def status_of(value: str | None) -> BookmarkStatus | None:
    if value is None:
        return None
    try:
        return BookmarkStatus(value)
    except ValueError as error:
        statuses = ", ".join(s.value for s in BookmarkStatus)
        raise BookmarkError(f"Unknown status '{value}' (use one of: {statuses}).") from error


def path_is_gone(path: str) -> bool:
    return not Path(path).exists()
