"""A bookmark in a few words, for tooltips and list rows (no Qt in here)."""

from __future__ import annotations

from briefing_app.bookmarks import Bookmark


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut with "…" to at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bookmark_tooltip(bookmark: Bookmark) -> str:
    """Plain text for a bookmark's tooltip: the note (or the quote), then the tags."""
    body = bookmark.note.strip() or f"“{excerpt(bookmark.quote, 160)}”"
    if bookmark.tags:
        body += "\n" + " ".join(f"#{tag}" for tag in bookmark.tags)
    return body
