"""Snippets: the best short passage of a document for a query, matched words marked.

Whoosh's own highlighter re-analyses whole documents with its context fragmenter, several
times slower than needed; this one analyses the text once with the field's analyzer and picks
the densest window of matches.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from functools import lru_cache

from whoosh.analysis import Analyzer

from briefing_app.search.analysis import (
    TOKEN_PATTERN,
    analyse_word,
    analyzer_language,
    surface_head,
    word_forms,
    word_pattern,
)

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
    return snippet_at(text, analyzer, terms, width=width, verdicts=verdicts)[0]


def snippet_at(
    text: str,
    analyzer: Analyzer,
    terms: Collection[str],
    *,
    width: int = SNIPPET_CHARS,
    verdicts: Verdicts | None = None,
) -> tuple[str, int]:
    """`make_snippet`, and where in `text` its first matched word is (where the passage
    starts when nothing matched)."""
    if not text:
        return "", 0
    spans = matching_spans(text[:MAX_ANALYSED_CHARS], analyzer, terms, verdicts)
    if not spans:
        return html.escape(_leading_passage(text, width)), 0
    start, end = _best_window(text, spans, width)
    start, end = _widen_to_words(text, start, end, width)
    pieces: list[str] = ["…" if start > 0 else ""]
    cursor = start
    shown = [span for span in spans if span[0] >= start and span[1] <= end]
    for span_start, span_end in shown:
        pieces.append(html.escape(text[cursor:span_start]))
        pieces.append("<mark>" + html.escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(html.escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return "".join(pieces).replace("\n", " "), _longest_run_start(text, shown, start)


def _longest_run_start(text: str, spans: list[tuple[int, int]], default: int) -> int:
    """Where the longest run of marked words next to each other starts (a phrase, or the
    first of several query words together): what the passage is about."""
    best_start, best_length, run_start, run_length = default, 0, default, 0
    for i, (span_start, _end) in enumerate(spans):
        if i and _next_to(text, spans[i - 1], spans[i]):
            run_length += 1
        else:
            run_start, run_length = span_start, 1
        if run_length > best_length:
            best_start, best_length = run_start, run_length
    return best_start


def _next_to(text: str, previous: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether a marked word follows the previous one with only spaces or a hyphen between."""
    return not text[previous[1] : span[0]].strip(" \n-")


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
    if tokenizer is None or tokenizer.pattern != TOKEN_PATTERN:
        return _matching_spans_slow(text, analyzer, terms)
    # Each distinct word is analysed once per process (analyse_word) and judged once per
    # search (verdicts). A word that holds none of the terms' heads (a surface term's start;
    # a lemma's first letters, or those of its irregular forms: `WordForms.sieve_heads`) and
    # no letter outside ASCII (which folding changes) cannot match: only the words around
    # those places are looked at. Every word of every hit, in a Python loop, would cost ~1.2 ms
    # a snippet.
    if verdicts is None:
        verdicts = {}
    heads = _heads(analyzer_language(analyzer), frozenset(terms))
    tokens = _candidate_tokens(text, tokenizer, _sieve(heads))
    spans: list[tuple[int, int]] = []
    last_end = -1
    for base in sorted(tokens):
        word = tokens[base]
        found = verdicts.get(word)
        if found is None:
            found = verdicts[word] = tuple(
                (start, end)
                for analysed, start, end in analyse_word(analyzer, word)
                if analysed in terms
            )
        for start, end in found:
            if base + start >= last_end:
                spans.append((base + start, base + end))
                last_end = base + end
    return spans


@lru_cache(maxsize=64)
def _heads(language: str | None, terms: frozenset[str]) -> frozenset[str]:
    """What every word that gives one of `terms` holds (see `matching_spans`), for the
    analyzer of `language` (None: a folding-only one)."""
    if language is None:
        return frozenset(map(surface_head, terms))
    forms = word_forms(language)
    return frozenset().union(*(forms.sieve_heads(term) for term in terms))


@lru_cache(maxsize=64)
def _sieve(heads: frozenset[str]) -> re.Pattern[str]:
    """Where a word that may match terms starting with `heads` can be, in lower-cased text."""
    alternatives = "|".join(re.escape(head) for head in sorted(heads))
    return re.compile(rf"{alternatives}|[^\x00-\x7f]" if alternatives else r"(?!)")


def _candidate_tokens(
    text: str, tokenizer: re.Pattern[str], sieve: re.Pattern[str]
) -> dict[int, str]:
    """Start -> word, for every word of `text` holding a place the sieve finds: the sieve
    runs over the whole lower-cased text in C, and only the words around its finds are
    taken (each occurrence of a candidate word holds such a place, so all are found)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: word by word
        return {
            token.start(): token.group()
            for token in tokenizer.finditer(text)
            if sieve.search(token.group().lower())
        }
    tokens: dict[int, str] = {}
    for found in sieve.finditer(lowered):
        # Every word the find overlaps: the one holding its start, and any beginning inside
        # it (a head may start before its word: "'t" holds the "t" of 't).
        position = _token_start(text, found.start())
        while position < found.end():
            token = tokenizer.search(text, position)
            if token is None or token.start() >= found.end():
                break
            if token.end() > found.start():
                tokens.setdefault(token.start(), token.group())
            position = token.end()
    return tokens


_WORD_CHAR = re.compile(r"\w")


def _token_start(text: str, at: int) -> int:
    """Where the token holding position `at` starts: TOKEN_PATTERN's tokens are word
    characters with single dots between them."""
    is_word = _WORD_CHAR.match
    start = at
    while start > 0:
        before = text[start - 1]
        if is_word(before) or (
            before == "." and start >= 2 and is_word(text[start - 2]) and is_word(text[start])
        ):
            start -= 1
        else:
            break
    return start


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


# A marked word right after another counts this much more: the window that holds a phrase,
# or several query words together, beats one that holds as many scattered common words.
RUN_BONUS = 3


def _best_window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The window of `width` characters holding the most matches, words next to each other
    counting more."""
    weights = [1] * len(spans)
    for i in range(1, len(spans)):
        if _next_to(text, spans[i - 1], spans[i]):
            weights[i] += RUN_BONUS
    best = (0, 0, 0)  # (score, start, end)
    left = score = 0
    for right in range(len(spans)):
        score += weights[right]
        while spans[right][1] - spans[left][0] > width:
            score -= weights[left]
            left += 1
        # A run cut at the window's left edge does not count as a run there.
        inside = score - (weights[left] - 1)
        if inside > best[0]:
            best = (inside, spans[left][0], spans[right][1])
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
