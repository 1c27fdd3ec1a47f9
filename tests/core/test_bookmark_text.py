"""A bookmark in a few words: excerpts and the reader's tooltip (no Qt)."""

from __future__ import annotations

from briefing_app.bookmarks import Anchor, Bookmark
from briefing_app.ui.bookmark_text import bookmark_tooltip, excerpt


def _bookmark(quote: str, note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    anchor = Anchor(quote, "", "", 0, len(quote), "h")
    return Bookmark("h", "/docs/a.txt", anchor, "Titel", None, note, tags, id="b1")


def test_an_excerpt_is_one_line_cut_to_its_limit() -> None:
    assert excerpt("De  minister\nsprak.", 40) == "De minister sprak."
    assert excerpt("De minister sprak lang", 13) == "De minister…"
    assert len(excerpt("x" * 50, 10)) == 10


def test_the_tooltip_shows_the_note_or_else_the_quote_then_the_tags() -> None:
    assert bookmark_tooltip(_bookmark("Een passage.", note=" Kern ")) == "Kern"
    assert bookmark_tooltip(_bookmark("Een passage.", tags=("cyber", "navo"))) == (
        "“Een passage.”\n#cyber #navo"
    )
