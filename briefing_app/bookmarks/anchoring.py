"""Find a bookmarked passage again after its document changed.

Strategy, cheapest first: the stored offsets → the exact quote anywhere (several hits are told
apart by their prefix/suffix context, then by distance) → the quote with whitespace and line
endings ignored → a fuzzy match in a bounded number of windows around likely positions, scored
on quote, context and position. Everything works on code-point offsets; Qt counts UTF-16 units,
so the UI converts with `utf16_to_codepoint` / `codepoint_to_utf16` at its boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from briefing_app.bookmarks.model import Anchor, BookmarkStatus

DEFAULT_CONTEXT = 32
MIN_QUOTE_SIMILARITY = 0.75  # below this the passage counts as gone
MIN_FUZZY_QUOTE_LENGTH = 8  # shorter quotes match too much by accident
_PARTIAL_CUTOFF = 60.0  # coarse pre-filter (rapidfuzz Indel ratio, 0-100)
_PROBE_COUNT = 4  # word groups of the quote searched for verbatim (each scans the whole text)
_PROBE_MIN_CHARS = 12
_PROBE_MIN_WORD = 5
_HITS_PER_PROBE = 32  # nearest hits kept per probe: keeps very long texts bounded
_MAX_WINDOWS = 128
_REFINE_TOP = 3
_WEIGHTS = (0.7, 0.2, 0.1)  # quote, context, position
# Whitespace of any kind becomes a plain space, keeping every offset where it was.
_FLATTEN = str.maketrans(dict.fromkeys("\t\n\r\f\v\x85\xa0\u2028\u2029", " "))
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class AnchorResult:
    status: BookmarkStatus
    start: int | None  # None when orphaned
    end: int | None
    quote_now: str | None  # the passage as it reads now
    score: float  # 1.0 for exact matches, the combined fuzzy score otherwise, 0.0 when orphaned

    def to_anchor(
        self, text: str, content_hash: str, context: int = DEFAULT_CONTEXT
    ) -> Anchor | None:
        """The anchor to store after this result; None when the passage is orphaned."""
        if self.start is None or self.end is None:
            return None
        return make_anchor(text, self.start, self.end, content_hash, context)


ORPHANED = AnchorResult(BookmarkStatus.ORPHANED, None, None, None, 0.0)


def make_anchor(
    text: str, start: int, end: int, content_hash: str, context: int = DEFAULT_CONTEXT
) -> Anchor:
    """Selectors for text[start:end]; raises ValueError for an empty or out-of-range span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is not a passage of a {len(text)}-character text")
    if not text[start:end].strip():
        raise ValueError("a passage must contain more than whitespace")
    if context < 0:
        raise ValueError("context must not be negative")
    return Anchor(
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
        content_hash=content_hash,
    )


def find_quote(text: str, quote: str) -> list[int]:
    """Start offsets of every exact occurrence of `quote`, overlapping ones included."""
    if not quote:
        return []
    positions: list[int] = []
    found = text.find(quote)
    while found != -1:
        positions.append(found)
        found = text.find(quote, found + 1)
    return positions


def find_quote_loose(text: str, quote: str) -> list[tuple[int, int]]:
    """Spans where `quote` occurs with any whitespace (line breaks, runs of spaces) between
    its words. The spans are exact offsets into `text`, without surrounding whitespace."""
    pattern = _loose_pattern(quote)
    if pattern is None:
        return []
    return [match.span() for match in pattern.finditer(text)]


def reanchor(anchor: Anchor, text: str, content_hash: str) -> AnchorResult:
    """Where the bookmarked passage is in `text` now, and how sure that is."""
    in_place = text[anchor.start : anchor.end] == anchor.quote
    if in_place and content_hash == anchor.content_hash:
        return AnchorResult(BookmarkStatus.ANCHORED, anchor.start, anchor.end, anchor.quote, 1.0)
    # A changed document: the old offsets may now hold the other copy of a repeated passage,
    # so they compete with every other occurrence on context (and win ties on distance).

    spans = [(start, start + len(anchor.quote)) for start in find_quote(text, anchor.quote)]
    if not spans:
        spans = find_quote_loose(text, anchor.quote)
    if spans:
        start, end = _pick_by_context(anchor, text, spans)
        moved = (start, end) != (anchor.start, anchor.end)
        status = BookmarkStatus.MOVED if moved else BookmarkStatus.ANCHORED
        return AnchorResult(status, start, end, text[start:end], 1.0)

    return _fuzzy_match(anchor, text) or ORPHANED


def utf16_to_codepoint(text: str, offset: int) -> int:
    """A Qt (UTF-16) offset as a code-point offset; an offset inside a surrogate pair snaps
    to the start of that character."""
    if text.isascii():
        return _checked(offset, len(text))
    encoded = text.encode("utf-16-le", "surrogatepass")
    _checked(offset, len(encoded) // 2)
    return len(encoded[: 2 * offset].decode("utf-16-le", "ignore"))


def codepoint_to_utf16(text: str, offset: int) -> int:
    """A code-point offset as a Qt (UTF-16) offset."""
    _checked(offset, len(text))
    if text.isascii():
        return offset
    return len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2


def _checked(offset: int, length: int) -> int:
    if not 0 <= offset <= length:
        raise ValueError(f"offset {offset} is outside a text of length {length}")
    return offset


def _loose_pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(map(re.escape, words)))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _similarity(a: str, b: str) -> float:
    return float(Levenshtein.normalized_similarity(_collapse(a), _collapse(b)))


def _context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    scores = []
    if anchor.prefix.strip():
        before = text[max(0, start - len(anchor.prefix)) : start]
        scores.append(_similarity(anchor.prefix, before))
    if anchor.suffix.strip():
        scores.append(_similarity(anchor.suffix, text[end : end + len(anchor.suffix)]))
    # Text with no context on record (start or end of the document) says nothing either way.
    return sum(scores) / len(scores) if scores else 1.0


def _pick_by_context(anchor: Anchor, text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    if len(spans) == 1:
        return spans[0]
    return max(
        spans,
        key=lambda span: (
            round(_context_score(anchor, text, *span), 3),
            -abs(span[0] - anchor.start),
        ),
    )


def _fuzzy_match(anchor: Anchor, text: str) -> AnchorResult | None:
    quote = anchor.quote.strip()
    if len(_collapse(quote)) < MIN_FUZZY_QUOTE_LENGTH or not text.strip():
        return None
    flat_quote = quote.translate(_FLATTEN)
    candidates: list[tuple[float, int, int]] = []
    for window_start, window_end in _candidate_windows(anchor, text, len(quote)):
        window = text[window_start:window_end].translate(_FLATTEN)
        alignment = fuzz.partial_ratio_alignment(flat_quote, window, score_cutoff=_PARTIAL_CUTOFF)
        if alignment is not None and alignment.dest_end > alignment.dest_start:
            start = window_start + alignment.dest_start
            candidates.append((alignment.score, start, window_start + alignment.dest_end))
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - anchor.start)))

    best: tuple[float, float, int, int] | None = None  # combined, quote similarity, span
    for _, start, end in candidates[:_REFINE_TOP]:
        start, end, quote_similarity = _refine(anchor, quote, text, start, end)
        position = 1.0 - min(1.0, abs(start - anchor.start) / max(len(text), 1))
        quote_weight, context_weight, position_weight = _WEIGHTS
        combined = (
            quote_weight * quote_similarity
            + context_weight * _context_score(anchor, text, start, end)
            + position_weight * position
        )
        if best is None or combined > best[0]:
            best = (combined, quote_similarity, start, end)
    if best is None or best[1] < MIN_QUOTE_SIMILARITY:
        return None
    combined, _, start, end = best
    return AnchorResult(BookmarkStatus.APPROXIMATE, start, end, text[start:end], round(combined, 4))


def _candidate_windows(anchor: Anchor, text: str, quote_length: int) -> list[tuple[int, int]]:
    """Windows of text worth a fuzzy look: around the old position and wherever a piece of
    the quote, the end of its prefix or the start of its suffix still occurs verbatim."""
    starts = {min(anchor.start, len(text))}
    for offset, probe in _probes(anchor.quote):
        starts.update(start - offset for start, _ in _nearest_hits(text, probe, anchor.start))
    prefix_words = anchor.prefix.split()[1:]  # the first word may be cut off
    if len(" ".join(prefix_words)) >= _PROBE_MIN_CHARS:
        starts.update(end for _, end in _nearest_hits(text, anchor.prefix, anchor.start, True))
    suffix_words = anchor.suffix.split()[:-1]  # the last word may be cut off
    if len(" ".join(suffix_words)) >= _PROBE_MIN_CHARS:
        probe = " ".join(suffix_words)
        hits = _nearest_hits(text, probe, anchor.end)
        starts.update(start - quote_length for start, _ in hits)

    nearest = sorted(starts, key=lambda s: abs(s - anchor.start))[:_MAX_WINDOWS]
    slack = max(16, quote_length // 2)
    windows: list[tuple[int, int]] = []
    for start in sorted(nearest):
        window = (max(0, start - slack), min(len(text), start + quote_length + slack))
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
        else:
            windows.append(window)
    return windows


def _probes(quote: str) -> list[tuple[int, str]]:
    """A few runs of whole words spread over the quote, with their offsets in it. Each run
    starts on a long word: the regex engine scans fastest for a distinctive first literal."""
    words = [match.span() for match in _WORD.finditer(quote)]
    runs: list[tuple[int, str]] = []
    for first, (start, _) in enumerate(words):
        if words[first][1] - start < _PROBE_MIN_WORD and first > 0:
            continue
        last = first
        while last + 1 < len(words) and words[last][1] - start < _PROBE_MIN_CHARS:
            last += 1
        end = words[last][1]
        if end - start >= _PROBE_MIN_CHARS:
            runs.append((start, quote[start:end]))
    if len(runs) <= _PROBE_COUNT:
        return runs
    step = (len(runs) - 1) / (_PROBE_COUNT - 1)
    return [runs[round(i * step)] for i in range(_PROBE_COUNT)]


def _nearest_hits(
    text: str, probe: str, near: int, strip_first_word: bool = False
) -> list[tuple[int, int]]:
    if strip_first_word:
        probe = " ".join(probe.split()[1:])
    pattern = _loose_pattern(probe)
    if pattern is None:
        return []
    hits: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        hits.append(match.span())
        if len(hits) >= 50 * _HITS_PER_PROBE:  # a probe this common says little
            break
    return sorted(hits, key=lambda span: abs(span[0] - near))[:_HITS_PER_PROBE]


def _refine(anchor: Anchor, quote: str, text: str, start: int, end: int) -> tuple[int, int, float]:
    """Move the span's edges to where the text is most like the quote in its context:
    partial_ratio only finds spans as long as the quote, while edits make passages longer or
    shorter, and quote similarity alone favours cutting an edited passage short."""
    delta = max(8, len(quote) // 3)
    quote_weight, context_weight, _ = _WEIGHTS

    def score(s: int, e: int) -> float:
        return quote_weight * _similarity(quote, text[s:e]) + context_weight * _context_score(
            anchor, text, s, e
        )

    best_score = score(start, end)
    for _ in range(2):
        for step, reach in ((max(1, delta // 16), delta), (1, max(1, delta // 16))):
            for s in range(start - reach, start + reach + 1, step):
                if 0 <= s < end and (value := score(s, end)) > best_score:
                    best_score, start = value, s
            for e in range(end - reach, end + reach + 1, step):
                if start < e <= len(text) and (value := score(start, e)) > best_score:
                    best_score, end = value, e
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, _similarity(quote, text[start:end])
