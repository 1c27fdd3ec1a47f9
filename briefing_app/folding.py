"""The one text folding of Briefing: how the index, queries, snippets, reader highlights and
entity names compare text.

Folding lower-cases (full case folding: "Straße" -> "strasse"), takes Unicode compatibility
forms apart (ligatures from PDFs: "ﬁ" -> "fi"; full-width letters; non-breaking spaces ->
spaces), strips accents ("Jordanië" -> "jordanie"), and writes curly quotes and dashes as
their ASCII forms. It works a character at a time, so a folded text keeps track of where each
of its characters came from (`fold_with_origin`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and a mark.
_EXTRA = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ħ": "h",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ð": "d",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
}

_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character folded (may be empty, for a lone combining mark, or longer: "ß")."""
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # lower() too: case folding leaves a few scripts upper-case (Cherokee).
    return "".join(_EXTRA.get(c, c) for c in stripped).lower()


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(fold_char, match.group()))


def fold(text: str) -> str:
    """`text` folded: "Financiën" (with the "ﬁ" ligature) -> "financien"."""
    if text.isascii():
        return text.lower()
    # Only the runs of other characters need the per-character work.
    return _NOT_ASCII.sub(_fold_run, text).lower()


@dataclass(frozen=True)
class FoldedText:
    """Text folded for matching, with the original index of every folded character."""

    text: str
    origin: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


_ONE_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_with_origin(text: str) -> FoldedText:
    """`fold(text)` with each folded character's index in `text`. ASCII runs are lower-cased
    whole (a character at a time was far too slow for a long document), and while every
    character folds to one, the index is the folded one (most texts)."""
    pieces: list[str] = []
    widths: list[tuple[int, int]] = []  # (index, folded length) where that is not 1
    done = 0
    for found in _ONE_NOT_ASCII.finditer(text):
        index = found.start()
        pieces.append(text[done:index].lower())
        folded = fold_char(found.group())
        pieces.append(folded)
        if len(folded) != 1:
            widths.append((index, len(folded)))
        done = index + 1
    pieces.append(text[done:].lower())
    if not widths:
        return FoldedText("".join(pieces), range(len(text)))
    origin: list[int] = []
    done = 0
    for index, width in widths:
        origin.extend(range(done, index))
        origin.extend([index] * width)
        done = index + 1
    origin.extend(range(done, len(text)))
    return FoldedText("".join(pieces), tuple(origin))
