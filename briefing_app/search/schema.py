"""The index schema, in code. Bump SCHEMA_VERSION whenever a field, an analyser or the
posting format (whoosh_internals/blocks.py) changes: an index written with another version
is rebuilt from the source files on open."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from itertools import accumulate, pairwise
from typing import Any

from whoosh.analysis import Analyzer, IDTokenizer, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, FieldType, Schema
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint

from briefing_app.search.analysis import (
    analyse_word,
    analyzer_for,
    folding_analyzer,
    per_object,
    word_memo,
    word_pattern,
    word_positions,
)
from briefing_app.search.whoosh_internals.blocks import (
    keeps_positions,
    native_positions,
    whoosh_positions,
)

# 7: the codec's module moved to whoosh_internals (its path is pickled in every index)
# 8: pages (where each page starts in the body of a paginated source)
SCHEMA_VERSION = 8

# Languages with a body field of their own; every other language goes to body_xx.
STEMMED_LANGUAGES = ("nl", "en")
BODY_FIELDS = ("body_nl", "body_en", "body_xx")
# Fields a plain query word searches.
DEFAULT_FIELDS = ("title", *BODY_FIELDS)


def body_field(language: str) -> str:
    return f"body_{language}" if language in STEMMED_LANGUAGES else "body_xx"


class Preanalysed:
    """A field value analysed already (in a worker process): the postings `TEXT.index` would
    produce for it, (term, frequency, weight, value) each, kept as columns. Analysis is most
    of the cost of indexing, and it parallelises this way; columns cost the writer process
    ~4x less to unpickle than a list of tuples, and the writer's pool takes them as they are.
    Positions are NATIVE_POSITIONS (whoosh_internals/blocks.py) when `native`, as the blocks
    keep them.
    """

    __slots__ = ("freqs", "native", "terms", "value_ends", "values", "weights")

    def __init__(
        self,
        terms: tuple[bytes, ...],
        freqs: array[int],
        weights: array[float],
        values: bytes,
        value_ends: array[int],
        native: bool = False,
    ) -> None:
        self.terms = terms
        self.freqs = freqs  # array("q")
        self.weights = weights  # array("d")
        self.values = values  # every term's value, one after the other
        self.value_ends = value_ends  # array("q"): where each term's value ends in `values`
        self.native = native

    @classmethod
    def from_items(cls, items: list[tuple[bytes, int, float, bytes | None]]) -> Preanalysed:
        terms = tuple(item[0] for item in items)
        values = [item[3] or b"" for item in items]
        return cls(
            terms,
            array("q", [item[1] for item in items]),
            array("d", [item[2] for item in items]),
            b"".join(values),
            array("q", accumulate(map(len, values))),
        )

    @property
    def items(self) -> list[tuple[bytes, int, float, bytes]]:
        """The postings as whoosh's `field.index` gives them (positions in its encoding)."""
        starts = [0, *self.value_ends][: len(self.value_ends)]
        values = [
            self.values[start:end] for start, end in zip(starts, self.value_ends, strict=True)
        ]
        if self.native:
            values = [whoosh_positions(value) for value in values]
        return list(zip(self.terms, self.freqs, self.weights, values, strict=True))

    def as_native(self) -> Preanalysed:
        """The same postings with positions as NATIVE_POSITIONS (whoosh-encoded ones are
        decoded: for postings of whoosh's own analysis, or read back by a merge)."""
        if self.native:
            return self
        starts = [0, *self.value_ends][: len(self.value_ends)]
        values = [
            native_positions(self.values[start:end])
            for start, end in zip(starts, self.value_ends, strict=True)
        ]
        return Preanalysed(
            self.terms,
            self.freqs,
            self.weights,
            b"".join(values),
            array("q", accumulate(map(len, values))),
            native=True,
        )

    def __reduce__(self) -> tuple[type[Preanalysed], tuple[Any, ...]]:
        return (
            Preanalysed,
            (self.terms, self.freqs, self.weights, self.values, self.value_ends, self.native),
        )


class PreanalysableText(TEXT):
    """A TEXT field that also accepts a `Preanalysed` value; plain strings index as usual."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Preanalysed):
            return iter(value.items)
        return super().index(value, **kwargs)


def preanalyse(field: Any, value: Any) -> Preanalysed:
    """The postings `field.index(value)` gives, computed word by word where the field allows:
    whoosh runs its token generator chain over every occurrence, we analyse each distinct word
    once (tests/core/test_fast_paths.py checks the two are identical)."""
    if not isinstance(value, str):
        return Preanalysed.from_items(list(field.index(value)))
    if not keeps_positions(field.format):
        simple = _simple_postings(field)
        return Preanalysed.from_items(simple(value) if simple else list(field.index(value)))
    pattern = word_pattern(field.analyzer)
    if pattern is None:
        return Preanalysed.from_items(list(field.index(value)))
    # Each distinct word's positions first (one dict operation per word), then each distinct
    # word's tokens: a term that several words (or tokens) give gets their positions merged.
    at = word_positions(pattern, value)
    positions: dict[bytes, list[int]] = {}
    merged: set[bytes] = set()
    analyzer = field.analyzer
    memo = word_memo(_term_memos, analyzer)
    for word, where in at.items():
        terms = memo.get(word)
        if terms is None:
            terms = memo[word] = tuple(
                text.encode("utf-8") for text, _start, _end in analyse_word(analyzer, word)
            )
        for term in terms:
            found = positions.get(term)
            if found is None:
                positions[term] = where
            else:
                if term not in merged:
                    positions[term] = found = list(found)  # `where` may be another term's
                    merged.add(term)
                found.extend(where)
    for term in merged:
        positions[term].sort()
    boost = field.format.field_boost
    # NATIVE_POSITIONS: each term's position deltas, the first from 0, as whoosh's encoding
    # has them (but as numbers, not a pickle per term)
    deltas = array("I")
    for where in positions.values():
        deltas.append(where[0])
        if len(where) > 1:
            deltas.extend([b - a for a, b in pairwise(where)])
    freqs = array("q", map(len, positions.values()))
    return Preanalysed(
        tuple(positions),
        freqs,
        array("d", [freq * boost for freq in freqs]),
        deltas.tobytes(),
        array("q", accumulate(4 * freq for freq in freqs)),
        native=True,
    )


_Postings = list[tuple[bytes, int, float, bytes | None]]
_simple: dict[int, tuple[Any, Callable[[str], _Postings] | None]] = {}


def _simple_postings(field: Any) -> Callable[[str], _Postings] | None:
    """For a field of whole values (an ID, or one value per line, maybe lower-cased) with
    frequencies or mere existence: its postings as whoosh's format gives them, without the
    token stream (~25 us a field through whoosh, ten such fields a document). None for any
    other field."""
    return per_object(_simple, field, _plan_simple)


def _plan_simple(field: Any) -> Callable[[str], _Postings] | None:
    if type(field).index not in (FieldType.index, PreanalysableText.index):
        return None  # numbers, booleans: whoosh encodes those values its own way
    format_ = field.format
    items = list(getattr(field.analyzer, "items", [field.analyzer]))
    lower = len(items) == 2 and type(items[1]) is LowercaseFilter
    tokenizer: Any = items[0] if len(items) == 1 or lower else None
    if type(tokenizer) is IDTokenizer:
        one_per_line = False
    elif (
        type(tokenizer) is RegexTokenizer
        and not tokenizer.gaps
        and tokenizer.expression.pattern == _ONE_PER_LINE
        and not tokenizer.expression.flags & ~re.UNICODE
    ):
        one_per_line = True
    else:
        return None

    def tokens(value: str) -> list[str]:
        texts = [line for line in value.split("\n") if line] if one_per_line else [value]
        return [text.lower() for text in texts] if lower else texts

    boost = format_.field_boost
    if type(format_) is Existence:

        def existence(value: str) -> _Postings:
            # A set, as whoosh's Existence makes it: the same words added in the same order
            # iterate in the same order.
            return [(text.encode("utf-8"), 1, boost, b"") for text in set(tokens(value))]

        return existence
    if type(format_) is Frequency:

        def frequency(value: str) -> _Postings:
            freqs: dict[str, int] = {}
            for text in tokens(value):
                freqs[text] = freqs.get(text, 0) + 1
            # Each token's boost is 1.0: whoosh's summed weight is float(freq) exactly.
            return [
                (text.encode("utf-8"), freq, float(freq) * boost, pack_uint(freq))
                for text, freq in freqs.items()
            ]

        return frequency
    return None


_ONE_PER_LINE = r"[^\n]+"


# The index terms of each word, as bytes, per analyzer (a cache beside analyse_word's).
_term_memos: dict[int, tuple[Analyzer, dict[str, tuple[bytes, ...]]]] = {}


def _value_analyzer() -> Analyzer:
    # One token per line, case-insensitive: "Mark Rutte" is one term "mark rutte".
    return RegexTokenizer(_ONE_PER_LINE) | LowercaseFilter()


def build_schema() -> Schema:
    values = _value_analyzer()
    return Schema(
        # Stable id: a hash of the source path, so ids survive a rebuild.
        id=ID(unique=True, stored=True),
        # Absolute source path; the index is a cache rebuilt from these files.
        path=ID(stored=True),
        # sha256 of the source bytes, to tell whether a file changed.
        content_hash=ID(stored=True),
        # Title: folded but not stemmed (titles are short; exact words matter), boosted.
        title=PreanalysableText(analyzer=folding_analyzer(), stored=True, field_boost=2.0),
        # The body, analysed for its language: exactly one of these is filled per document.
        body_nl=PreanalysableText(analyzer=analyzer_for("nl")),
        body_en=PreanalysableText(analyzer=analyzer_for("en")),
        body_xx=PreanalysableText(analyzer=analyzer_for("und")),
        # The body text itself, for snippets (not indexed).
        body=STORED,
        # "YYYY-MM" or "YYYY-MM-DD" as written in the source, for display.
        date=STORED,
        # The date as a sortable number YYYYMMDD (day 00 for month precision, 0 = unknown).
        date_key=NUMERIC(int, bits=32, sortable=True, signed=False),
        # ISO 639-1 code from language detection.
        language=ID(stored=True),
        # press_release | briefing_note | plain
        kind=ID(stored=True),
        # Free-text source from front matter, shown with the hit.
        source=STORED,
        # Paginated sources: where each page starts in `body` (a hit's snippet names its page).
        pages=STORED,
        # Tags from front matter, one per line.
        tags=TEXT(analyzer=values, stored=True, phrase=False),
        # Entity facets: canonical names (codes for countries) plus aliases a filter may use.
        people=TEXT(analyzer=values, phrase=False),
        countries=TEXT(analyzer=values, phrase=False),
        organizations=TEXT(analyzer=values, phrase=False),
        # Canonical entity names per type for display, as JSON.
        entities=STORED,
        # Canonical entity names for facet counts, one "type:name" term each, case kept:
        # counts come from these posting lists (search/matches.py), not from stored fields.
        facets=TEXT(analyzer=RegexTokenizer(_ONE_PER_LINE), phrase=False),
    )
