"""Bookmarks on passages: the data kept for each saved quote, independent of storage and Qt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class BookmarkStatus(StrEnum):
    ANCHORED = "anchored"  # found where it was
    MOVED = "moved"  # same text, elsewhere in the document
    APPROXIMATE = "approximate"  # the text changed a little; previous_quote keeps the old one
    ORPHANED = "orphaned"  # gone; kept with its quote until the user re-attaches it


@dataclass(frozen=True)
class Anchor:
    """A W3C TextQuoteSelector plus TextPositionSelector for one passage.

    Offsets are Unicode code points into the document's plain text (`Document.text`) as it
    was when `content_hash` was computed; the prefix and suffix disambiguate repeated quotes.
    """

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    content_hash: str  # "" when unknown (imported without positions): always re-anchored


TextQuoteSelector = Anchor


def new_bookmark_id() -> str:
    # 48 random bits: short enough to type on the command line, ample for one person's notes.
    return uuid.uuid4().hex[:12]


def utc_now() -> str:
    """ISO 8601 UTC with milliseconds, so creation order survives a sort on the string."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Strip, drop empties and case-insensitive duplicates, keeping the first spelling."""
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return tuple(result)


@dataclass(frozen=True)
class Bookmark:
    doc_content_hash: str  # hash of the document as last seen (the anchor may be older)
    doc_path: str
    anchor: Anchor
    doc_title: str = ""
    doc_date: str | None = None
    note: str = ""  # Markdown
    tags: tuple[str, ...] = ()
    # Entities the quote mentions as "type:key": "person:Mark Rutte", "country:NL", "org:NCTV".
    entities: tuple[str, ...] = ()
    status: BookmarkStatus = BookmarkStatus.ANCHORED
    previous_quote: str | None = None  # for approximate: the text as it was bookmarked
    id: str = field(default_factory=new_bookmark_id)
    created: str = field(default_factory=utc_now)
    updated: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", clean_tags(self.tags))
        object.__setattr__(self, "entities", tuple(dict.fromkeys(self.entities)))
        object.__setattr__(self, "status", BookmarkStatus(self.status))
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    @property
    def quote(self) -> str:
        return self.anchor.quote
