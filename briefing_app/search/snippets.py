"""Snippets: the best short passage of a document for a query, matched words marked.

Whoosh's own highlighter re-analyses whole documents with its context fragmenter, which the
baseline measured as several times slower than needed; this one analyses the text once with
the field's analyzer and picks the densest window of matches.
"""

from __future__ import annotations

import html
from collections.abc import Collection

from whoosh.analysis import Analyzer

from briefing_app.search.analysis import analyse_word, word_pattern

SNIPPET_CHARS = 220
MAX_ANALYSED_CHARS = 60_000  # very long documents: look for the best passage near the start


def make_snippet(
    text: str,
    analyzer: Analyzer,
    terms: Collection[str],
    *,
    width: int = SNIPPET_CHARS,
    verdicts: Verdicts | None = None,
) -> str:
    """HTML-escaped passage of about `width` characters with matched words in <mark>.
    `verdicts` may be shared by the snippets of one search (same analyzer and terms)."""
    if not text:
        return ""
    spans = matching_spans(text[:MAX_ANALYSED_CHARS], analyzer, terms, verdicts)
    if not spans:
        return html.escape(_leading_passage(text, width))
    start, end = _best_window(spans, width)
    start, end = _widen_to_words(text, start, end, width)
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append("<mark>" + html.escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces).replace("\n", " ")


# Word -> spans within the word that match the query's terms (empty: no match).
Verdicts = dict[str, tuple[tuple[int, int], ...]]


def matching_spans(
    text: str,
    analyzer: Analyzer,
    terms: Collection[str],
    verdicts: Verdicts | None = None,
) -> list[tuple[int, int]]:
    """Character spans of the tokens of `text` whose analysed form is one of `terms`."""
    if not terms:
        return []
    tokenizer = word_pattern(analyzer)
    if tokenizer is None:
        return _matching_spans_slow(text, analyzer, terms)
    # Every distinct word is analysed once per process (analyse_word), and judged once per
    # search: the loop over the text's words is then one dict lookup each (snippets were half
    # the time of a search with 50 hits before).
    spans: list[tuple[int, int]] = []
    last_end = -1
    if verdicts is None:
        verdicts = {}
    for match in tokenizer.finditer(text):
        word = match.group()
        matched = verdicts.get(word)
        if matched is None:
            matched = verdicts[word] = tuple(
                (start, end)
                for analysed, start, end in analyse_word(analyzer, word)
                if analysed in terms
            )
        if matched:
            base = match.start()
            for start, end in matched:
                if base + start >= last_end:
                    spans.append((base + start, base + end))
                    last_end = base + end
    return spans


def _matching_spans_slow(
    text: str, analyzer: Analyzer, terms: Collection[str]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    last_end = -1
    for token in analyzer(text, chars=True, mode="index"):
        if token.text in terms and token.startchar >= last_end:
            spans.append((token.startchar, token.endchar))
            last_end = token.endchar
    return spans


def _best_window(spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The window of `width` characters holding the most matches (distinct words first)."""
    best = (0, 0, 0)  # (count, start, end)
    left = 0
    for right in range(len(spans)):
        while spans[right][1] - spans[left][0] > width:
            left += 1
        count = right - left + 1
        if count > best[0]:
            best = (count, spans[left][0], spans[right][1])
    return best[1], best[2]


def _widen_to_words(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    slack = max(0, width - (end - start))
    start = max(0, start - slack // 3)
    end = min(len(text), end + slack - (slack // 3))
    # Do not cut words in half; prefer starting at a sentence boundary when close.
    if start > 0:
        sentence = text.rfind(". ", max(0, start - 40), start)
        if sentence != -1:
            start = sentence + 2
        else:
            while start > 0 and not text[start - 1].isspace():
                start -= 1
    if end < len(text):
        while end < len(text) and not text[end].isspace():
            end += 1
    return start, end


def _leading_passage(text: str, width: int) -> str:
    passage = " ".join(text[: width + 40].split())
    if len(passage) <= width:
        return passage
    cut = passage.rfind(" ", 0, width)
    return passage[: cut if cut > 0 else width] + " …"
