"""Shared matching machinery for the gazetteer recognisers (countries, organizations).

One Aho-Corasick automaton per gazetteer finds every listed name in a single pass; this
module then keeps the matches that stand as whole words and resolves overlaps by taking the
leftmost, then longest match ("Zuid-Soedan" beats "Soedan", "Nigeria" beats "Niger").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

import ahocorasick

T = TypeVar("T")


def is_word_char(char: str) -> bool:
    return char.isalnum()


def at_word_boundaries(text: str, start: int, end: int) -> bool:
    """A match must not be glued to letters; hyphens and apostrophes do separate words
    ("VN-missie", "AIVD-directeur", "Ukraine's")."""
    if start > 0 and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end]))


def same_length_lower(text: str) -> str:
    """Lower-case `text` without changing any offsets (str.lower turns "İ" into two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Gazetteer(Generic[T]):
    """Names mapped to payloads, searched as whole words with leftmost-longest resolution."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, lowercase: bool = False) -> None:
        self.lowercase = lowercase
        payloads: dict[str, list[T]] = {}
        for name, payload in entries:
            key = name.lower() if lowercase else name
            if key:
                payloads.setdefault(key, []).append(payload)
        self._automaton: Any = ahocorasick.Automaton()
        for key, values in payloads.items():
            self._automaton.add_word(key, (len(key), values))
        if payloads:
            self._automaton.make_automaton()
        self._empty = not payloads

    def __contains__(self, name: str) -> bool:
        key = name.lower() if self.lowercase else name
        return not self._empty and self._automaton.exists(key)

    def get(self, name: str) -> list[T]:
        key = name.lower() if self.lowercase else name
        if self._empty or not self._automaton.exists(key):
            return []
        result: list[T] = self._automaton.get(key)[1]
        return result

    def candidates(
        self, text: str, haystack: str | None = None
    ) -> Iterator[tuple[int, int, list[T]]]:
        """Every whole-word match, overlapping ones included. `haystack` is `text` prepared
        for this gazetteer (lower-cased when it is case-insensitive); pass it to reuse it."""
        if self._empty:
            return
        if haystack is None:
            haystack = same_length_lower(text) if self.lowercase else text
        for last, (length, values) in self._automaton.iter(haystack):
            start, end = last - length + 1, last + 1
            if at_word_boundaries(text, start, end):
                yield start, end, values

    def hits(self, haystack: str) -> Iterator[tuple[int, int, list[T]]]:
        """Every match in `haystack` (prepared as for `candidates`), whole words or not."""
        if self._empty:
            return
        for last, (length, values) in self._automaton.iter(haystack):
            yield last - length + 1, last + 1, values


def leftmost_longest(spans: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Drop spans that overlap an earlier-starting or, at the same start, a longer span."""
    chosen: list[tuple[int, int, T]] = []
    last_end = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[0] >= last_end:
            chosen.append(span)
            last_end = span[1]
    return chosen


def in_shouted_line(text: str, start: int, end: int) -> bool:
    """True when the match sits in an all-capitals line (a headline such as "HET IS ZOVER"),
    where upper case says nothing about acronyms. Looks at most 60 characters either side."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 60)
    line_end = text.find("\n", end, end + 60)
    if line_end < 0:
        line_end = min(len(text), end + 60)
    around = text[line_start:start] + text[end:line_end]
    lower = sum(map(str.islower, around))
    upper = sum(map(str.isupper, around))
    return lower + upper >= 6 and upper > 2.5 * lower
