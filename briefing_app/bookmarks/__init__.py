"""Bookmarks on passages: anchoring that survives edits, SQLite storage, citations, briefing
export (Markdown, Web Annotations; Word in docx_writer).

Core package: standard library, rapidfuzz, python-docx (docx_writer, loaded when a Word
briefing is written) and briefing_app.sqlite_read_only only; it works on plain strings handed
in by the Library facade (document text, content hash, path, title, date, entity names).
"""

from briefing_app.bookmarks.anchoring import (
    AnchorResult,
    codepoint_to_utf16,
    find_quote,
    make_anchor,
    reanchor,
    utf16_to_codepoint,
)
from briefing_app.bookmarks.export import (
    BookmarkImportError,
    from_web_annotations,
    merge_import,
    to_markdown,
    to_web_annotations,
)
from briefing_app.bookmarks.model import Anchor, Bookmark, BookmarkStatus, TextQuoteSelector
from briefing_app.bookmarks.reconcile import reconcile_document
from briefing_app.bookmarks.store import BookmarkNotFoundError, BookmarkStore, BookmarkStoreError

__all__ = [
    "Anchor",
    "AnchorResult",
    "Bookmark",
    "BookmarkImportError",
    "BookmarkNotFoundError",
    "BookmarkStatus",
    "BookmarkStore",
    "BookmarkStoreError",
    "TextQuoteSelector",
    "codepoint_to_utf16",
    "find_quote",
    "from_web_annotations",
    "make_anchor",
    "merge_import",
    "reanchor",
    "reconcile_document",
    "to_markdown",
    "to_web_annotations",
    "utf16_to_codepoint",
]
