"""The unscored match path (search/matches.py) finds exactly what whoosh's scoring search finds:
the same total, the same page of hits in the same order, and facet counts over the same
documents, on an index of several segments with deleted and replaced documents."""

from __future__ import annotations

import functools
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.search import IndexRecord, SearchIndex, SearchRequest, SortOrder
from briefing_app.search import index as index_module

WORDS_NL = [
    "minister",
    "verdrag",
    "klimaat",
    "water",
    "handel",
    "veiligheid",
    "overleg",
    "akkoord",
    "sancties",
    "bank",
]
WORDS_EN = [
    "minister",
    "treaty",
    "climate",
    "water",
    "trade",
    "security",
    "talks",
    "agreement",
    "sanctions",
    "bank",
]
PEOPLE = ["Mark Rutte", "Stef Blok", "Sigrid Kaag", "Jens Stoltenberg", "Ursula von der Leyen"]
COUNTRIES = ["NL", "BE", "DE", "FR", "RU", "US", "JO"]
ORGS = ["NAVO", "Europese Unie", "Verenigde Naties", "Wereldbank"]


def _record(number: int, rng: random.Random) -> IndexRecord:
    dutch = rng.random() < 0.6
    words = WORDS_NL if dutch else WORDS_EN
    body = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40)))
    month = rng.choice([None, *[f"20{y:02d}-{m:02d}" for y in (17, 18, 19) for m in (1, 6, 11)]])
    return IndexRecord(
        id=f"doc{number}",
        path=f"/lib/doc{number}.txt",
        title=" ".join(rng.choice(words) for _ in range(3)),
        body=body,
        language="nl" if dutch else "en",
        date=month,
        tags=tuple(rng.sample(["energie", "defensie", "handel"], rng.randint(0, 2))),
        people=tuple(rng.sample(PEOPLE, rng.randint(0, 3))),
        countries=tuple(rng.sample(COUNTRIES, rng.randint(0, 3))),
        organizations=tuple(rng.sample(ORGS, rng.randint(0, 2))),
        entity_aliases=("person:Rutte",) if rng.random() < 0.2 else (),
    )


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    rng = random.Random(7)
    ix = SearchIndex(Path(tmp_path_factory.mktemp("ix")) / "index")
    ix.rebuild(_record(n, rng) for n in range(150))
    # More segments, replaced documents (delete + add) and deleted ones.
    for batch in range(3):
        with ix.writing(merge=False) as session:
            for n in range(150 + batch * 40, 190 + batch * 40):
                session.upsert(_record(n, rng))
            for n in rng.sample(range(150), 15):
                session.upsert(_record(n, rng))
            session.delete(f"doc{rng.randrange(150)}")
    reader = ix._current_searcher().reader()
    assert len(reader.leaf_readers()) > 1 and reader.doc_count() < reader.doc_count_all()
    yield ix
    ix.close()


QUERIES = [
    "",
    "minister",
    "klimaat water",
    "klimaat OR treaty",
    "minister NOT bank",
    "(klimaat OR climate) AND handel",
    '"minister verdrag"',
    '"trade talks"',
    "sanc*",
    "veiligheid*",
    "title:akkoord",
    "tag:energie",
    "klimmaat~",
    "date:2018..2019",
    "minister date:2018-06",
    "nonexistentword",
    "minister^2 OR klimaat",
    '"minister verdrag" OR water',
]
FILTERS = [
    {},
    {"countries": ("NL",)},
    {"people": (("Mark Rutte", "Rutte"),), "organizations": ("NAVO",)},
    {"date_from": "2018-01", "date_to": "2018-12"},
]


def _whoosh_reference(index: SearchIndex, request: SearchRequest) -> tuple[int, list[str], dict]:
    """What the scoring search of whoosh gives: every match scored (or sorted by date)."""
    from briefing_app.search import index as index_module

    searcher = index._current_searcher()
    parsed = index._parser.parse(request.query)
    date_from = index_module._bound(request.date_from, parsed.date_from, end=False)
    date_to = index_module._bound(request.date_to, parsed.date_to, end=True)
    filters = index_module._filters(request, date_from, date_to)
    query = parsed.query if parsed.query is not None else index_module.Every()
    by_date = request.sort == SortOrder.DATE or parsed.query is None
    results = searcher.search(
        query,
        filter=filters,
        limit=None,
        sortedby="date_key" if by_date else None,
        reverse=by_date,
    )
    page = [(hit.fields()["id"], round(hit.score or 0.0, 4)) for hit in results[: request.limit]]
    counts: dict[str, Counter[str]] = {
        "people": Counter(),
        "countries": Counter(),
        "organizations": Counter(),
    }
    for docnum in results.docs():
        entities = index_module._decode_entities(searcher.stored_fields(docnum).get("entities"))
        for name, counter in counts.items():
            counter.update(entities.get(name, []))
    facets = {
        name: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[: request.facet_limit]
        for name, counter in counts.items()
    }
    return len(results), page, facets


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("sort", [SortOrder.RELEVANCE, SortOrder.DATE])
def test_same_total_page_and_facets_as_whoosh(
    index: SearchIndex, query: str, filters: dict, sort: SortOrder
) -> None:
    request = SearchRequest(query=query, limit=12, facets=True, facet_limit=4, sort=sort, **filters)
    total, page, facets = _whoosh_reference(index, request)
    found = index.search(request)
    assert found.total == total
    assert [(hit.id, hit.score) for hit in found.hits] == page
    assert {
        name: [(f.value, f.count) for f in counts] for name, counts in found.facets.items()
    } == facets


def test_deleted_documents_are_neither_counted_nor_listed(index: SearchIndex) -> None:
    everything = index.search(SearchRequest(query="", limit=1000, facets=True))
    ids = [hit.id for hit in everything.hits]
    assert len(ids) == len(set(ids)) == everything.total == index.doc_count()
    persons = sum(f.count for f in everything.facets["people"])
    stored = sum(len(hit.people) for hit in everything.hits)
    assert persons == stored


def test_a_further_page_continues_the_first(index: SearchIndex) -> None:
    first = index.search(SearchRequest(query="minister", limit=10))
    more = index.search(SearchRequest(query="minister", limit=10, offset=10, count=False))
    both = index.search(SearchRequest(query="minister", limit=20))
    assert [h.id for h in first.hits + more.hits] == [h.id for h in both.hits]


@pytest.mark.parametrize(
    ("query", "scored_here"),
    [
        ("minister", True),
        ("klimaat water", True),
        ("klimaat OR treaty", True),
        ("minister NOT bank", True),
        ("sanc*", True),
        ("klimmaat~", True),
        ('"minister verdrag"', True),
        ('"trade talks" OR klimaat', True),
        ("minister^2", False),  # a boosted word (across fields): whoosh scores every match
    ],
)
def test_common_queries_are_ranked_without_whooshs_collector(
    index: SearchIndex, query: str, scored_here: bool
) -> None:
    searcher = index._current_searcher()
    parsed = index._parser.parse(query).query
    masks = index._matches.masks(searcher, parsed, None)
    best = index._matches.best(searcher, parsed, masks, 10)
    assert (best is not None) == scored_here
    if best:
        whoosh = searcher.search(parsed, limit=10)
        assert best == [(hit.docnum, hit.score) for hit in whoosh]


_WORD = st.sampled_from(
    [*WORDS_NL, *WORDS_EN, "sanc*", "min*", '"minister verdrag"', "klimmaat~", "title:akkoord"]
)


@st.composite
def _queries(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=1, max_size=4))
    joins = draw(st.lists(st.sampled_from([" ", " OR ", " AND ", " NOT "]), min_size=3, max_size=3))
    query = words[0]
    for join, word in zip(joins, words[1:], strict=False):
        query += join + word
        if draw(st.booleans()):
            query = f"({query})"
    return query


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=_queries(), limit=st.integers(1, 30), filters=st.sampled_from(FILTERS))
def test_any_query_ranks_exactly_as_a_full_whoosh_pass(
    index: SearchIndex, query: str, limit: int, filters: dict
) -> None:
    request = SearchRequest(query=query, limit=limit, snippets=False, **filters)
    total, page, _facets = _whoosh_reference(index, request)
    found = index.search(request)
    assert found.total == total
    assert [(hit.id, hit.score) for hit in found.hits] == page
    # And the scores to the last bits, where this module ranks the query itself. (A word's
    # forms are weighted terms: whoosh's own matchers add those up a bit differently once
    # skipped into than in a full pass, so the last bit may differ from the full pass.)
    searcher = index._current_searcher()
    parsed = index._parser.parse(query).query
    best = index._matches.best(searcher, parsed, index._matches.masks(searcher, parsed), limit)
    if best is not None:
        full = [(hit.docnum, hit.score) for hit in searcher.search(parsed, limit=None)[:limit]]
        assert [doc for doc, _score in best] == [doc for doc, _score in full]
        assert [score for _doc, score in best] == pytest.approx(
            [score for _doc, score in full], rel=1e-12
        )


def test_field_lengths_read_in_bulk_equal_whooshs_own(index: SearchIndex) -> None:
    from briefing_app.search.whoosh_internals.postings import stored_lengths

    for segment in index._matches.segments(index._current_searcher()):
        reader = segment.searcher.reader()
        for name in ("title", "body_nl", "body_en", "body_xx"):
            bulk = stored_lengths(reader, name, segment.size)
            assert bulk is not None
            # whoosh 2.7.5 returns None (not the default) for an empty field: never scored
            assert bulk.tolist() == [
                reader.doc_field_length(doc, name, 1) or 1 for doc in range(segment.size)
            ]


def test_a_fields_posting_lists_read_in_one_pass_equal_whooshs_own(
    index: SearchIndex, tmp_path: Path
) -> None:
    from briefing_app.search.whoosh_internals.postings import field_doc_ids, posting_arrays

    rng = random.Random(11)
    big = SearchIndex(tmp_path / "index")  # one segment with lists of several blocks
    big.rebuild(_record(n, rng) for n in range(400))
    segments = [*index._matches.segments(index._current_searcher())]
    segments += big._matches.segments(big._current_searcher())
    long_lists = 0
    for segment in segments:
        reader = segment.searcher.reader()
        for name in ("facets", "body_nl", "title"):
            read = dict(field_doc_ids(reader, name))
            assert list(read) == list(reader.lexicon(name))
            for term, ids in read.items():
                assert ids.tolist() == posting_arrays(reader, name, term)[0].tolist()
                long_lists += len(ids) > 128  # more than one block
    assert long_lists  # lists of several blocks were compared too
    big.close()


@pytest.mark.parametrize("levels", [0, 3, 12])
def test_term_lookups_that_remember_keys_find_what_whoosh_finds(
    index: SearchIndex, levels: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whoosh.filedb.filetables import OrderedHashReader

    from briefing_app.search.whoosh_internals import postings

    monkeypatch.setattr(postings, "KEPT_SEARCH_LEVELS", levels)
    for segment in index._matches.segments(index._current_searcher()):
        table = segment.searcher.reader()._terms._tindex
        assert "closest_key_pos" in vars(table)  # the index's readers use it
        keys = list(table.keys())
        probes = [b"", b"\x00", b"\xff\xff", *keys, *(key + b"\x00" for key in keys)]
        probes += [key[:-1] for key in keys if key]
        remembered: dict[int, bytes] = {}
        lookup = postings._closest_key_pos(table, remembered)
        for probe in probes * 2:  # the second time with the keys remembered
            assert lookup(probe) == OrderedHashReader.closest_key_pos(table, probe)
        assert len(remembered) <= 2**levels - 1


@pytest.mark.parametrize("query", ["verd*", "b*", "minist?r", "bnak~", "sanc* OR wat*", "zz*"])
def test_snippet_terms_of_expanding_queries_are_whooshs(index: SearchIndex, query: str) -> None:
    from briefing_app.search.index import _terms_by_field

    searcher = index._current_searcher()
    parsed = index._parser.parse(query).query
    assert parsed is not None
    index._matches.masks(searcher, parsed)
    expand = functools.partial(index._matches.expanded_terms, searcher)
    assert _terms_by_field(parsed, searcher, expand) == _terms_by_field(parsed, searcher)
    assert (
        index.search(SearchRequest(query=query, snippets=True)).hits
        == index.search(SearchRequest(query=query, snippets=True, count=False, facets=False)).hits
    )


def _prefix_index(path: Path, size: int) -> SearchIndex:
    """One segment of `size` short documents whose words share prefixes: many expansions per
    prefix, several in most documents."""
    rng = random.Random(5)
    stems = ["mina", "minb", "mab", "mac", "trea", "trec"]
    words = [stem + "".join(rng.choices("aeiou", k=rng.randint(0, 3))) for stem in stems * 12]
    words += [f"{letter}abel" for letter in "kltbgf"] * 6  # one edit apart: fuzzy expansions

    def record(number: int) -> IndexRecord:
        return IndexRecord(
            id=f"b{number}",
            path=f"/big/b{number}.txt",
            title=" ".join(rng.choices(words, k=2)),
            body=" ".join(rng.choices(words, k=rng.randint(3, 12))),
            language="nl" if rng.random() < 0.5 else "en",
        )

    ix = SearchIndex(path)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(index_module, "REBUILD_BATCH", 10_000)  # one commit, one segment
    ix.rebuild(record(n) for n in range(size))
    monkeypatch.undo()
    assert [r.doc_count_all() for r, _ in ix._current_searcher().reader().leaf_readers()] == [size]
    return ix


# Whoosh adds up an OR of more than two parts in a tree on segments of more than 5,000
# documents, in order (its array matcher) on smaller ones: one of each.
@pytest.fixture(scope="module")
def small_prefixes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    ix = _prefix_index(tmp_path_factory.mktemp("small") / "index", 1_000)
    yield ix
    ix.close()


@pytest.fixture(scope="module")
def big_prefixes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    ix = _prefix_index(tmp_path_factory.mktemp("big") / "index", 5_200)
    yield ix
    ix.close()


@pytest.mark.parametrize(
    "query",
    [
        "min*",
        "ma*",
        "mina* OR trec*",
        "title:ma*",
        "minaa maba trea",
        "minaa OR maba OR treca",
        "(min* OR mab*) AND trea*",
        "xabel~",
        "maba~ OR treca~ OR mac*",
    ],
)
@pytest.mark.parametrize("fixture", ["index", "small_prefixes", "big_prefixes"])
def test_sums_of_many_parts_are_whooshs_without_its_matcher(
    fixture: str, query: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.search.matches import Matches

    ix: SearchIndex = request.getfixturevalue(fixture)

    def whooshs_matcher(*_args: object) -> None:
        raise AssertionError("scores left to whoosh's matcher")

    monkeypatch.setattr(Matches, "_exact_scores", whooshs_matcher)
    searcher = ix._current_searcher()
    parsed = ix._parser.parse(query).query
    for limit in (1, 10, 50):
        best = ix._matches.best(searcher, parsed, ix._matches.masks(searcher, parsed), limit)
        full = searcher.search(parsed, limit=None)
        assert best == [(hit.docnum, hit.score) for hit in full[:limit]]


@pytest.mark.parametrize("fixture", ["small_prefixes", "big_prefixes"])
def test_ors_whoosh_chooses_the_matcher_of_are_summed_as_it_does(
    fixture: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser's ORs are told to be trees; an OR left to whoosh is an array (in order) on
    a small segment, a tree on a big one."""
    from whoosh import query as wq

    from briefing_app.search.matches import Matches

    ix: SearchIndex = request.getfixturevalue(fixture)
    monkeypatch.setattr(Matches, "_exact_scores", None)  # never needed here
    searcher = ix._current_searcher()
    words = ["kabel", "label", "tabel", "babel", "gabel"]
    query = wq.Or([wq.Term(field, word) for field in ("title", "body_nl") for word in words])
    masks = ix._matches.masks(searcher, query)
    every = ix._matches.total(masks)  # every match: all sums compared, not only the top
    best = ix._matches.best(searcher, query, masks, every)
    assert best == [(hit.docnum, hit.score) for hit in searcher.search(query, limit=None)]


def test_bm25_parameters_are_those_of_whooshs_scorer(index: SearchIndex) -> None:
    from briefing_app.search.matches import Scoring

    searcher = index._current_searcher()
    scoring = Scoring(searcher, index._matches._lengths, {})
    reader = searcher.reader()
    for name in ("title", "body_nl", "body_en", "people"):
        for btext in list(reader.lexicon(name))[:8]:
            scorer = searcher.weighting.scorer(searcher, name, btext)
            expected = tuple(float(getattr(scorer, a)) for a in ("idf", "avgfl", "B", "K1"))
            assert scoring.parameters(name, btext) == expected


def test_idf_from_a_prefix_walk_is_whooshs(tmp_path: Path) -> None:
    # The walk over each segment's term table keeps the term infos it passes: the idf of an
    # expansion is summed from them (a term a segment lacks counts 0 there), not looked up.
    from whoosh.query import Prefix

    from briefing_app.search.matches import Scoring

    rng = random.Random(3)
    ix = SearchIndex(tmp_path / "index")
    words = ["ministers", "ministerie", "minimum", "minuten", "minder", "mineraal", "minst"]
    bodies = [" ".join(rng.sample(words, 3)) for _ in range(12)]
    ix.rebuild(replace(_record(n, rng), body=bodies[n], language="nl") for n in range(6))
    with ix.writing(merge=False) as session:
        for n in range(6, 12):
            session.upsert(replace(_record(n, rng), body=bodies[n], language="nl"))
        session.delete("doc2")
    searcher = ix._current_searcher()
    query = Prefix("body_nl", "min")
    ix._matches.masks(searcher, query)
    segments = ix._matches.segments(searcher)
    assert len(segments) == 2
    terms = ix._matches.expanded_terms(searcher, query)
    assert len(terms) > 4
    assert any(segment.doc_frequency("body_nl", t) == 0 for segment in segments for t in terms)
    scoring = Scoring(searcher, ix._matches._lengths, {}, segments)
    for btext in terms:
        assert scoring.parameters("body_nl", btext)[0] == searcher.idf("body_nl", btext)  # type: ignore[index]
    # A term no walk passed is looked up as before.
    assert all(segment.doc_frequency("body_nl", b"zzz") is None for segment in segments)
    ix.close()


def test_an_entity_whose_only_document_was_deleted_is_not_counted(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild([IndexRecord(id="a", path="/a", title="a", body="minister", language="nl")])
    with ix.writing(merge=False) as session:
        session.upsert(
            IndexRecord(
                id="b", path="/b", title="b", body="minister", language="nl", people=("Ilse Bos",)
            )
        )
    with ix.writing(merge=False) as session:
        session.delete("b")
    found = ix.search(SearchRequest(query="minister", facets=True))
    assert found.total == 1
    assert found.facets["people"] == []
    ix.close()


def test_phrases_over_long_posting_lists_match_whooshs(tmp_path: Path) -> None:
    """Posting lists of several blocks (128 documents each), phrases found in some only."""
    rng = random.Random(3)
    records = []
    for n in range(700):
        words = [
            rng.choice(["de", "minister", "sprak", "over", "handel", "water"]) for _ in range(30)
        ]
        records.append(
            IndexRecord(id=f"d{n}", path=f"/d{n}", title="t", body=" ".join(words), language="nl")
        )
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(records)
    with ix.writing(merge=False) as session:
        for n in range(0, 700, 7):
            session.delete(f"d{n}")
    for query in ['"minister sprak"', '"de minister sprak over"', '"water water"', '"sprak de"']:
        request = SearchRequest(query=query, limit=15, snippets=False)
        total, page, _facets = _whoosh_reference(ix, request)
        found = ix.search(request)
        assert 0 < found.total == total
        assert [(hit.id, hit.score) for hit in found.hits] == page
    ix.close()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["person", "country", "org"]),
            st.sampled_from(["Blok", "Rutte", "NL", "BE", "NAVO", "VN", "Kaag", "FR"]),
            st.integers(0, 3),
        ),
        max_size=40,
    ),
    st.integers(-1, 5),
)
def test_commonest_facet_values_are_the_top_of_a_full_sort(
    seen: list[tuple[str, str, int]], limit: int
) -> None:
    # Only the values that can make the cut are sorted (numpy picks them); ties at the cut
    # must still be broken by value, as a full sort does.
    from briefing_app.search.matches import Matches

    matches = Matches()
    totals: Counter[tuple[str, str]] = Counter()
    for kind, value, count in seen:
        matches._facets.number((kind, value))
        totals[(kind, value)] += count
    counts = np.zeros(len(matches._facets.names), np.int64)
    for key, count in totals.items():
        counts[matches._facets.numbers[key]] = count
    expected: dict[str, list[tuple[str, int]]] = {}
    for (kind, value), count in totals.items():
        if count:
            expected.setdefault(kind, []).append((value, count))
    expected = {  # a limit of 0 (or less) keeps every value
        kind: sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[: limit if limit > 0 else None]
        for kind, pairs in expected.items()
    }
    assert matches._commonest(counts, limit) == expected
