"""Where the reader's highlights fall in the text it shows (no Qt in here).

Hits, entity mentions and find-in-document matches are looked for in the view's plain text
folded (case, accents and ligatures aside: `briefing_app.folding`), as spans of code-point
offsets into that text. Qt counts UTF-16 units; `ViewText.to_qt` converts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from briefing_app.folding import FoldedText, fold, fold_with_origin

Span = tuple[int, int]  # (start, end)

_ASTRAL = re.compile(r"[^\x00-\uffff]")


def _term_pattern(term: str, whole_words: bool) -> str:
    words = fold(term).split()
    if not words:
        return ""
    body = r"\s+".join(re.escape(word) for word in words)
    if whole_words:
        # Only demand a boundary where the term itself starts or ends with a word character.
        if re.match(r"\w", words[0]):
            # No word character before the first letter, tested just after it: a pattern
            # that starts with a letter is looked for ~6x faster.
            body = body[0] + r"(?<!\w.)" + body[1:]
        if re.search(r"\w$", words[-1]):
            body += r"(?!\w)"
    return body


def find_spans(folded: FoldedText, terms: Iterable[str], *, whole_words: bool) -> list[Span]:
    """Spans (start, end) in the original text where any term occurs, sorted, overlaps merged."""
    patterns = [p for p in (_term_pattern(t, whole_words) for t in terms) if p]
    if not patterns:
        return []
    matches = re.finditer("|".join(f"(?:{p})" for p in patterns), folded.text)
    if isinstance(folded.origin, range):
        # Folded and original offsets agree: the matches are the spans, in order and apart
        # (finding "e" in a long document gives hundreds of thousands of them).
        return [m.span() for m in matches if m.end() > m.start()]
    spans = sorted(folded.span(m.start(), m.end()) for m in matches if m.end() > m.start())
    merged: list[Span] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _utf16_positions(text: str) -> list[int] | None:
    """Each code point's UTF-16 offset (and the end's); None when the two agree."""
    if not _ASTRAL.search(text):
        return None
    positions = [0]
    for char in text:
        positions.append(positions[-1] + (2 if ord(char) > 0xFFFF else 1))
    return positions


class ViewText:
    """The reader's plain text, folded once for matching."""

    def __init__(self, plain: str) -> None:
        self.folded = fold_with_origin(plain)
        self._utf16 = _utf16_positions(plain)

    def find(self, terms: Iterable[str], *, whole_words: bool) -> list[Span]:
        return find_spans(self.folded, terms, whole_words=whole_words)

    def to_qt(self, position: int) -> int:
        """A code-point offset of the text as Qt counts it (UTF-16 units)."""
        return self._utf16[position] if self._utf16 is not None else position


class Matches:
    """One kind of highlight (hits, entity mentions, find) with a current one."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.current = -1

    def reset(self, spans: list[Span]) -> None:
        self.spans = spans
        self.current = 0 if spans else -1

    def step(self, delta: int) -> bool:
        """Move the current one by `delta`, round the ends; False when there are none."""
        if not self.spans:
            return False
        self.current = (self.current + delta) % len(self.spans)
        return True

    def go_to(self, index: int) -> bool:
        """Make span `index` (0-based) the current one; False when there is no such span."""
        if not 0 <= index < len(self.spans):
            return False
        self.current = index
        return True

    def current_span(self) -> Span | None:
        return self.spans[self.current] if self.spans else None

    def position(self) -> tuple[int, int]:
        """(current, total), the current one counted from 1; (0, 0) when there are none."""
        return (self.current + 1 if self.spans else 0), len(self.spans)


def spans_in_window(
    spans: Iterable[Span],
    window: tuple[int, int] | None,
    to_qt: Callable[[int], int] | None = None,
) -> list[Span]:
    """The spans that reach into `window` (Qt positions, both ends included; None: all).
    `to_qt` converts a span's offsets to Qt's (None: they are Qt's already)."""
    if window is None:
        return list(spans)
    low, high = window
    if to_qt is None:
        return [s for s in spans if s[1] >= low and s[0] <= high]
    return [s for s in spans if to_qt(s[1]) >= low and to_qt(s[0]) <= high]
