"""The private names of whoosh that code outside this package would otherwise reach for,
each behind a function named for what it gives (see README.md here)."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.query.qcore import _NullQuery
from whoosh.scoring import BM25F


def is_null_query(query: wq.Query) -> bool:
    """Whoosh's NullQuery is an instance of the private class _NullQuery."""
    return isinstance(query, _NullQuery)


def compiled_range(query: wq.NumericRange, reader: Any) -> wq.Query:
    """The term query a numeric range stands for in one segment."""
    return query._compile_query(reader)


def term_expansions(query: wq.MultiTerm, reader: Any) -> list[bytes]:
    """The terms of one segment a prefix, wildcard or fuzzy query stands for."""
    return list(query._btexts(reader))


def segment_terms(reader: Any) -> W3TermsReader | None:
    """A segment reader's term table, where it is whoosh 3's (walked in key order)."""
    terms = getattr(reader, "_terms", None)
    return terms if isinstance(terms, W3TermsReader) else None


def field_bytes(reader: Any, name: str, text: str) -> bytes:
    """A field's text as the term table keys it."""
    return bytes(reader._text_to_bytes(name, text))


def bm25_field_b(weighting: BM25F, name: str) -> float:
    """BM25F's length normalisation B of one field (a field may have its own)."""
    return float(weighting._field_B.get(name, weighting.B))
