"""Bookmarks as the library sees them: created on documents of the library, re-anchored when a
document is opened or re-imported, filtered by entity names as the user types them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkStatus,
    BookmarkStore,
    find_quote,
    make_anchor,
    reconcile_document,
)
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
