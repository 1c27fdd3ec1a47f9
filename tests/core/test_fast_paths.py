"""The fast paths (worker processes, pre-analysed records, memoised snippets) give exactly what
the plain paths give: performance work must not change what users see."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StopFilter

from benchmarks.corpus import generate_corpus
from briefing_app.library import Library, workers
from briefing_app.library.analysis import AnalysedFile, analyse_file
from briefing_app.search import IndexRecord, SearchIndex, SearchRequest
from briefing_app.search.analysis import (
    TOKEN_PATTERN,
    WORD_FORM_LANGUAGES,
    _direct_analysis,
    analyse_word,
    analyzer_for,
    folding_analyzer,
    surface_head,
    word_forms,
    word_pattern,
)
from briefing_app.search.index import PreparedRecord, prepare_record
from briefing_app.search.schema import Preanalysed, _simple_postings, build_schema, preanalyse
from briefing_app.search.snippets import _matching_spans_slow, matching_spans
from tests.conftest import ENTITIES_DEV, REAL_RELEASES

QUERIES = ["minister", "samenwerking nederland", '"de minister"', "terro*", "jordanie", "bank~"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    # More files than workers.INLINE_LIMIT, so the worker processes really run.
    return generate_corpus(tmp_path_factory.mktemp("corpus"), workers.INLINE_LIMIT + 20)


def test_worker_results_equal_inline_results_in_order(corpus: list[Path]) -> None:
    inline = [analyse_file(path, 10_000_000, prepare=True) for path in corpus]
    pooled = list(workers.analyse_files(corpus, 10_000_000))
    assert [r.entry.path for r in pooled if isinstance(r, AnalysedFile)] == [str(p) for p in corpus]
    for ours, theirs in zip(pooled, inline, strict=True):
        assert isinstance(ours, AnalysedFile) and isinstance(theirs, AnalysedFile)
        assert _plain(ours.indexable) == _plain(theirs.indexable)
        assert ours.entities == theirs.entities
    assert not multiprocessing.active_children()


def _records(corpus: list[Path]) -> list[IndexRecord]:
    results = [analyse_file(path, 10_000_000) for path in corpus]
    return [r.indexable for r in results if isinstance(r, AnalysedFile)]


def _plain(prepared: object) -> dict[str, object]:
    assert isinstance(prepared, PreparedRecord)
    return {
        name: value.items if isinstance(value, Preanalysed) else value
        for name, value in prepared.fields.items()
    }


@pytest.mark.parametrize("query", QUERIES)
def test_prepared_records_index_exactly_like_plain_ones(
    corpus: list[Path], tmp_path: Path, query: str
) -> None:
    plain, prepared = SearchIndex(tmp_path / "plain"), SearchIndex(tmp_path / "prepared")
    records = _records(corpus)
    for index, transform in ((plain, lambda r: r), (prepared, prepare_record)):
        index.create_empty()
        with index.writing() as writer:
            for record in records:
                writer.upsert(transform(record))
    request = SearchRequest(query=query, limit=50, facets=True)
    ours, theirs = prepared.search(request), plain.search(request)
    assert ours.total == theirs.total
    assert [(h.id, h.score, h.snippet, h.title) for h in ours.hits] == [
        (h.id, h.score, h.snippet, h.title) for h in theirs.hits
    ]
    assert ours.facets == theirs.facets
    plain.close()
    prepared.close()


@pytest.mark.parametrize(
    ("language", "text", "query_words"),
    [
        ("nl", "De veiligheidsraad en de Veiligheidsraad vergaderden.", "raad veiligheid"),
        ("nl", "Terroristen, terrorisme en contraterrorisme in 2.000 gevallen.", "terrorist 2.000"),
        ("nl", "Jordanië en Jordanie; JORDANIË.", "Jordanië"),
        ("en", "The ministers met; a Minister's meeting.", "minister meeting"),
        ("und", "Über straße café 3.14 x", "uber café 3.14"),
    ],
)
def test_memoised_snippet_spans_equal_a_full_analysis(
    language: str, text: str, query_words: str
) -> None:
    analyzer = analyzer_for(language)
    terms = {token.text for token in analyzer(query_words, mode="query")}
    if language in WORD_FORM_LANGUAGES:  # each word's forms, as the query parser asks
        forms = word_forms(language)
        terms = {term for word in query_words.split() for term, _ in forms.query_terms(word)}
    expected = _matching_spans_slow(text, analyzer, terms)
    assert expected, "the case should match something"
    assert matching_spans(text, analyzer, terms) == expected
    assert matching_spans(text, analyzer, terms) == expected  # memo warm
    folded = {"de", "en"}
    assert matching_spans(text, folding_analyzer(), folded) == _matching_spans_slow(
        text, folding_analyzer(), folded
    )


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("aeiouéëïAEIbdgklmnrstvzSTK .,-'0123456789\n")), max_size=300
    )
    | st.sampled_from(
        [
            "De veiligheidsraad sprak over sanctiepakketten, terrorismebestrijding en 2.000 euro.",
            "The Prime Minister's ministers met the ministers; JORDAN, Jordanië, Jordanie.",
        ]
    ),
    field_name=st.sampled_from(["title", "body_nl", "body_en", "body_xx"]),
)
def test_word_by_word_postings_equal_whooshs_own(text: str, field_name: str) -> None:
    field = build_schema()[field_name]
    assert preanalyse(field, text).items == list(field.index(text))


@settings(max_examples=200, deadline=None)
@given(
    value=st.text(alphabet=st.sampled_from(list("aAéÉİß :-\n")), max_size=40)
    | st.sampled_from(["Mark Rutte\nmark rutte\nMark Rutte", "", "\n\n", "NL\nBE\nnl"]),
    field_name=st.sampled_from(
        ["tags", "people", "countries", "organizations", "facets", "path", "language", "kind"]
    ),
)
def test_whole_value_postings_equal_whooshs_own(value: str, field_name: str) -> None:
    field = build_schema()[field_name]
    assert _simple_postings(field) is not None
    assert preanalyse(field, value).items == list(field.index(value))


def test_a_large_import_is_searchable_early_and_completely(
    corpus: list[Path], tmp_path: Path
) -> None:
    commits: list[int] = []
    with Library(tmp_path / "data") as library:
        report = library.import_paths([corpus[0].parent.parent], committed=commits.append)
        assert len(report.added) == len(corpus)
        assert commits[0] < len(corpus), "the first documents are committed before the rest"
        assert commits[-1] == len(corpus)
        assert library.search(SearchRequest(query="", limit=1)).total == len(corpus)
    assert not multiprocessing.active_children()


def test_a_cancelled_worker_import_stops_its_workers(corpus: list[Path], tmp_path: Path) -> None:
    seen: list[object] = []
    with Library(tmp_path / "data") as library:
        report = library.import_paths(
            [corpus[0].parent.parent],
            progress=seen.append,
            cancelled=lambda: len(seen) >= workers.HEAD_START + 5,
        )
        assert report.cancelled
        assert 0 < len(report.added) < len(corpus)
    assert not multiprocessing.active_children()


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("aeéAEbkmrstİß .,_-'019\n")), max_size=200),
    language=st.sampled_from(["nl", "en", "und"]),
    pick=st.lists(st.integers(0, 50), max_size=4),
)
def test_snippet_spans_equal_a_full_analysis_for_any_text(
    text: str, language: str, pick: list[int]
) -> None:
    analyzer = analyzer_for(language)
    tokens = [token.text for token in analyzer(text, mode="index")]
    terms = {tokens[i % len(tokens)] for i in pick} if tokens else {"x"}
    assert matching_spans(text, analyzer, terms) == _matching_spans_slow(text, analyzer, terms)


def _real_texts() -> list[str]:
    resources = Path(__file__).resolve().parents[2] / "resources"
    files = [
        *ENTITIES_DEV.glob("*.txt"),
        *ENTITIES_DEV.glob("*.md"),
        *REAL_RELEASES.glob("*.txt"),
        *REAL_RELEASES.glob("*.md"),
        *resources.glob("sample/*"),
    ]
    texts = [f.read_text("utf-8", errors="replace") for f in sorted(files)]
    # And every 8th word of the shipped Dutch word list: compounds, inflections, rare words.
    lines = (resources / "wordlists" / "dutch_words.txt").read_text("utf-8").splitlines()
    words = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    return [*texts, " ".join(words[::8])]


def test_every_word_holds_a_sieve_head_of_each_of_its_terms() -> None:
    """What lets snippets skip words: a word that gives a term holds one of the term's sieve
    heads (the term's start; for a lemma, its head or an irregular form), on real Dutch and
    English and the Dutch word list. The lemma dictionary has a few odd entries of its own
    ("schaakbond" as a form of "schaakbinden"): a snippet may then miss marking a word that
    another of its terms found, so a few in a thousand are allowed."""
    texts = _real_texts()
    pattern = word_pattern(analyzer_for("nl"))
    assert pattern is not None
    words = {word for text in texts for word in pattern.findall(text)}
    assert len(words) > 10_000
    missed: list[tuple[str, str, str]] = []
    checked = 0
    for language in ("nl", "en", "und"):
        analyzer = analyzer_for(language)
        for word in words:
            lower = word.lower()
            if not lower.isascii():
                continue
            for term, _start, _end in analyse_word(analyzer, word):
                if language in WORD_FORM_LANGUAGES:
                    heads = word_forms(language).sieve_heads(term)
                else:
                    heads = frozenset([surface_head(term)])
                checked += 1
                if not any(head in lower for head in heads):
                    missed.append((language, word, term))
    assert len(missed) <= checked / 500, missed


def _whooshs_tokens(analyzer: Any, word: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((t.text, t.startchar, t.endchar) for t in analyzer(word, chars=True, mode="index"))


@settings(max_examples=150, deadline=None)
@given(
    word=st.from_regex(r"\w+(?:\.\w+)*", fullmatch=True)
    | st.text(alphabet=st.sampled_from(list("aeéëAÉbkmrstİßæ_019")), min_size=1, max_size=24),
    language=st.sampled_from(["nl", "en", "und"]),
)
def test_one_word_analysis_equals_whooshs_chain(word: str, language: str) -> None:
    analyzer = analyzer_for(language)
    direct = _direct_analysis(analyzer)
    assert direct is not None
    assert direct(word) == _whooshs_tokens(analyzer, word)


def test_one_word_analysis_equals_whooshs_chain_on_real_words() -> None:
    """Compounds, inflections and names from real texts and the shipped Dutch word list."""
    texts = _real_texts()
    pattern = word_pattern(analyzer_for("nl"))
    assert pattern is not None
    words = sorted({word for text in texts for word in pattern.findall(text)})
    assert len(words) > 10_000
    for language in ("nl", "en", "und"):
        analyzer = analyzer_for(language)
        direct = _direct_analysis(analyzer)
        assert direct is not None
        assert [direct(word) for word in words] == [_whooshs_tokens(analyzer, w) for w in words]


def test_other_chains_and_several_words_go_through_whoosh() -> None:
    stopping = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter()
    assert _direct_analysis(stopping) is None
    assert analyse_word(stopping, "De Minister") == _whooshs_tokens(stopping, "De Minister")
    # Not one token: the whole chain, which splits it.
    dutch = analyzer_for("nl")
    assert analyse_word(dutch, "VN-militairen") == _whooshs_tokens(dutch, "VN-militairen")
