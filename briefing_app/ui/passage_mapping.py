"""Map passages between the reader's rendered text and `Document.text` (no Qt in here).

The reader shows HTML rendered from Markdown, so its plain text (what Qt's cursors count in)
differs from the document's plain text (what bookmarks count in): headings lose their "##",
lists gain or lose markers, paragraphs are separated differently. A passage is carried from
one text to the other the way bookmarks survive edits: as a quote with context, re-anchored
with `reanchor`. Qt counts UTF-16 units and bookmarks code points; both conversions happen
here, at the boundary.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from briefing_app.bookmarks import (
    Anchor,
    BookmarkStatus,
    codepoint_to_utf16,
    make_anchor,
    reanchor,
    utf16_to_codepoint,
)

# Never equal to a real content hash: forces reanchor to search instead of trusting offsets.
_VIEW_HASH = "reader-view"


def normalise_view_text(text: str) -> str:
    """Qt's paragraph and line separators as "\\n" (one character each: offsets stay put)."""
    # Not str.translate: with a mapping it looks every character up, far slower on a long
    # document.
    return text.replace("\u2029", "\n").replace("\u2028", "\n")


def view_to_document(
    view_text: str, start16: int, end16: int, document_text: str
) -> tuple[int, int] | None:
    """A selection in the reader (UTF-16 offsets into the view's plain text) as code-point
    offsets into `document_text`; None when it is only whitespace or cannot be found."""
    view = normalise_view_text(view_text)
    start16, end16 = sorted((start16, end16))
    try:
        start = utf16_to_codepoint(view, start16)
        end = utf16_to_codepoint(view, end16)
        # Trim the selection to its words: triple-click selections end in a line break.
        while start < end and view[start].isspace():
            start += 1
        while end > start and view[end - 1].isspace():
            end -= 1
        anchor = make_anchor(view, start, end, _VIEW_HASH)
    except ValueError:
        return None
    return _locate(_scaled(anchor, len(view), len(document_text)), document_text)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of `text` widened to the whole words it cuts ("Steun vo" -> "Steun voor")."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def document_to_view(anchor: Anchor, document_text: str, view_text: str) -> tuple[int, int] | None:
    """A bookmark's passage (its anchor on `document_text`) as UTF-16 offsets into the
    reader's plain text; None when the rendered text does not contain it."""
    return _to_view(anchor, document_text, normalise_view_text(view_text))


def passages_in_view(
    anchors: Mapping[str, Anchor], document_text: str, view_text: str
) -> dict[str, tuple[int, int]]:
    """`document_to_view` for many passages (by id): those the view shows, by id."""
    view = normalise_view_text(view_text)
    spans = {key: _to_view(anchor, document_text, view) for key, anchor in anchors.items()}
    return {key: span for key, span in spans.items() if span is not None}


def _to_view(anchor: Anchor, document_text: str, view: str) -> tuple[int, int] | None:
    if 0 <= anchor.start < anchor.end <= len(document_text):
        # Fresh context from the text the offsets belong to (the stored one may be older).
        with contextlib.suppress(ValueError):
            anchor = make_anchor(document_text, anchor.start, anchor.end, _VIEW_HASH)
    found = _locate(_scaled(anchor, len(document_text), len(view)), view)
    if found is None:
        return None
    return codepoint_to_utf16(view, found[0]), codepoint_to_utf16(view, found[1])


def _scaled(anchor: Anchor, from_length: int, to_length: int) -> Anchor:
    """The same anchor with its offsets moved proportionally: rendering changes the length
    of the text, and a repeated quote is resolved by its distance to the expected spot."""
    if from_length <= 0:
        return anchor
    ratio = to_length / from_length
    start = round(anchor.start * ratio)
    return Anchor(
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        start=start,
        end=start + len(anchor.quote),
        content_hash=_VIEW_HASH,
    )


def _locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    result = reanchor(anchor, text, content_hash="")
    if result.status == BookmarkStatus.ORPHANED or result.start is None or result.end is None:
        return None
    return result.start, result.end
