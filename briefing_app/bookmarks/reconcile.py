"""Bring a document's bookmarks up to date after it was opened, re-imported or moved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_app.bookmarks.anchoring import reanchor
from briefing_app.bookmarks.model import Bookmark, BookmarkStatus
from briefing_app.bookmarks.store import BookmarkStore


def _path_is_missing(path: str) -> bool:
    return not Path(path).exists()


def reconcile_document(
    store: BookmarkStore,
    *,
    text: str,
    content_hash: str,
    path: str,
    title: str | None = None,
    date: str | None = None,
    is_missing: Callable[[str], bool] = _path_is_missing,
) -> list[Bookmark]:
    """Re-anchor the bookmarks of one document and return those that changed.

    Bookmarks are found by path (the file was edited and re-imported) and by content hash
    (the library moved: same bytes, new path). A bookmark found by hash under another path
    only follows the document when `is_missing(its old path)`, so two copies of one file keep
    their own bookmarks. Anchors already on this content are left alone, which keeps an
    "approximate" status (and its old quote) until the user re-attaches or edits it.
    """
    changed: list[Bookmark] = []
    for bookmark in store.for_document(content_hash=content_hash, path=path):
        moved_file = bookmark.doc_path != path
        if moved_file and not is_missing(bookmark.doc_path):
            continue
        metadata = {
            "doc_path": path,
            "doc_title": bookmark.doc_title if title is None else title,
            "doc_date": bookmark.doc_date if date is None else date,
        }
        if bookmark.anchor.content_hash == content_hash:
            if moved_file or _differs(bookmark, metadata):
                changed.append(
                    store.set_anchor(
                        bookmark.id,
                        bookmark.anchor,
                        bookmark.status,
                        bookmark.previous_quote,
                        doc_content_hash=content_hash,
                        **metadata,
                    )
                )
            continue
        result = reanchor(bookmark.anchor, text, content_hash)
        anchor = result.to_anchor(text, content_hash)
        previous_quote = None
        if result.status is BookmarkStatus.APPROXIMATE:
            # After several edits, still show what the user originally saved.
            previous_quote = bookmark.previous_quote or bookmark.quote
        elif result.status is BookmarkStatus.ORPHANED:
            previous_quote = bookmark.previous_quote
        changed.append(
            store.set_anchor(
                bookmark.id,
                anchor or bookmark.anchor,  # orphans keep their quote on record
                result.status,
                previous_quote,
                doc_content_hash=content_hash,
                **metadata,
            )
        )
    return changed


def _differs(bookmark: Bookmark, metadata: dict[str, str | None]) -> bool:
    return (bookmark.doc_title, bookmark.doc_date) != (metadata["doc_title"], metadata["doc_date"])
