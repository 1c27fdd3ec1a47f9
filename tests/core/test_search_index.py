"""Query behaviour of the index, on a small hand-made library (no files, no Qt)."""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.search import (
    IndexBusyError,
    IndexCorruptError,
    IndexRecord,
    QuerySyntaxError,
    SearchIndex,
    SearchRequest,
    SortOrder,
)

RECORDS = [
    IndexRecord(
        id="seed",
        path="/lib/seed.txt",
        title="Koninklijke contraterrorismeconferentie in Nederland",
        body=(
            "De jihadistische terroristische dreiging blijft. Minister Blok sprak over "
            "terrorismebestrijding met de Jordaanse koning. Jordanië en Nederland werken samen."
        ),
        language="nl",
        date="2018-11",
        people=("Stef Blok", "Abdullah II"),
        countries=("NL", "JO"),
        organizations=("Ministerie van Buitenlandse Zaken",),
        entity_aliases=("person:Blok", "org:Buitenlandse Zaken", "org:BZ"),
    ),
    IndexRecord(
        id="sanctions",
        path="/lib/sancties.txt",
        title="Nieuw sanctiepakket tegen Rusland",
        body="De EU neemt een nieuw sanctiepakket aan. Het pakket treft banken en gasopslagen.",
        language="nl",
        date="2022-03",
        countries=("RU",),
        organizations=("Europese Unie",),
        entity_aliases=("org:EU", "org:European Union"),
    ),
    IndexRecord(
        id="nato",
        path="/lib/nato.md",
        title="NATO summit briefing",
        body=(
            "The Prime Minister met the Secretary General. Allies discussed terrorism, "
            "Russian troops and the defence of Europe."
        ),
        language="en",
        date="2021-06",
        people=("Mark Rutte", "Jens Stoltenberg"),
        countries=("NL", "RU"),
        organizations=("NAVO",),
        entity_aliases=("person:Rutte", "org:NATO"),
    ),
    IndexRecord(
        id="undated",
        path="/lib/notitie.md",
        title="Notitie zonder datum",
        body="Een korte notitie over klimaat en water. Terrorisme komt niet voor, wel klimaat.",
        language="nl",
    ),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    ix = SearchIndex(tmp_path_factory.mktemp("ix") / "index")
    ix.rebuild(RECORDS)
    yield ix
    ix.close()


def ids(index: SearchIndex, query: str = "", **options) -> list[str]:
    results = index.search(SearchRequest(query=query, limit=50, **options))
    return [hit.id for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("terrorisme", {"seed", "undated"}),  # "terrorismebestrijding" holds it
        ("klimaat water", {"undated"}),  # AND by default
        ("klimaat OR sanctiepakket", {"undated", "sanctions"}),
        ("klimaat NOT water", set()),
        ("(klimaat OR pakket) AND banken", {"sanctions"}),
        ('"nieuw sanctiepakket"', {"sanctions"}),
        ('"sanctiepakket nieuw"', set()),
        ("sanctie*", {"sanctions"}),
        ("title:notitie", {"undated"}),
        ("titel:notitie", {"undated"}),
        ("jordanie", {"seed"}),  # accent folding
        ("Jordanië", {"seed"}),
        ("troop", {"nato"}),  # English stemming
        ("pakket", {"sanctions"}),  # compound part
        ("bestrijding", {"seed"}),
        ("opslag", {"sanctions"}),
        ("sanctiepakkt~", {"sanctions"}),  # fuzzy
    ],
)
def test_query_language(index: SearchIndex, query: str, expected: set[str]) -> None:
    assert set(ids(index, query)) == expected


def test_empty_query_lists_everything_newest_first(index: SearchIndex) -> None:
    assert ids(index) == ["sanctions", "nato", "seed", "undated"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"date_from": "2021-01"}, ["sanctions", "nato"]),
        ({"date_to": "2021-06"}, ["nato", "seed"]),
        ({"date_from": "2018-11", "date_to": "2018-11"}, ["seed"]),
        ({"date_from": "2019"}, ["sanctions", "nato"]),
    ],
)
def test_date_filters(index: SearchIndex, options: dict, expected: list[str]) -> None:
    assert ids(index, **options) == expected


def test_date_range_in_the_query_language(index: SearchIndex) -> None:
    assert ids(index, "date:2021-01..2022-12") == ["sanctions", "nato"]
    assert ids(index, "date:[2018-01 TO 2018-12]") == ["seed"]


def test_sort_by_date_puts_undated_last(index: SearchIndex) -> None:
    found = ids(index, "klimaat OR terrorisme OR sanctiepakket", sort=SortOrder.DATE)
    assert found[-1] == "undated"
    assert found[0] == "sanctions"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"open phrase', "phrase is not closed"),
        ("(klimaat OR water", "'(' is not closed"),
        ("klimaat)", "no matching '('"),
        ("klimaat AND", "needs a word on each side"),
        ("date:2018-13", "not a date"),
    ],
)
def test_malformed_queries_say_what_is_wrong(index: SearchIndex, query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=re.escape(message)):
        index.search(SearchRequest(query=query))


def test_hits_carry_metadata_and_a_marked_snippet(index: SearchIndex) -> None:
    results = index.search(SearchRequest(query="sanctiepakket"))
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.title, hit.date, hit.language, hit.path) == (
        "Nieuw sanctiepakket tegen Rusland",
        "2022-03",
        "nl",
        "/lib/sancties.txt",
    )
    assert hit.score > 0
    assert "<mark>sanctiepakket</mark>" in hit.snippet
    assert results.took_ms >= 0


def test_compound_part_is_marked_in_the_snippet(index: SearchIndex) -> None:
    hit = index.search(SearchRequest(query="pakket")).hits[0]
    assert "<mark>" in hit.snippet and "pakket" in hit.snippet


def test_spelling_suggestion_from_the_library_vocabulary(index: SearchIndex) -> None:
    results = index.search(SearchRequest(query="terorisme"))
    assert results.suggestion == "terrorisme"
    assert index.search(SearchRequest(query="klimaat")).suggestion is None


def test_no_suggestion_for_another_form_of_a_known_word(tmp_path: Path) -> None:
    # "wetten" is not written anywhere, but "wet" is: the search finds it by its form, and
    # "weten" (one letter away, in more documents) would be a wrong suggestion.
    bodies = ["De nieuwe wet gaat in.", *["Wij weten het niet."] * 3]
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(
        IndexRecord(id=str(n), path=f"/{n}.txt", title="", body=body, language="nl")
        for n, body in enumerate(bodies)
    )
    found = ix.search(SearchRequest(query="wetten"))
    assert [hit.id for hit in found.hits] == ["0"]
    assert found.suggestion is None
    assert ix.search(SearchRequest(query="wetn")).suggestion == "weten"  # a real misspelling
    ix.close()


@pytest.mark.parametrize("query", ["terorism*", "teror*isme", "terorisme~"])
def test_a_pattern_is_not_corrected_as_a_misspelling(index: SearchIndex, query: str) -> None:
    # A prefix is partial on purpose (the nearest whole word would be a wrong correction),
    # and a fuzzy word is looked for with its misspellings already.
    assert index.search(SearchRequest(query=query)).suggestion is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeéëAÉbkmrsİßæ_.,019 -'\n")), max_size=120))
def test_the_vocabulary_counts_the_words_the_index_holds(text: str) -> None:
    # Suggestions and "is this word known" compare against these: the index's own tokens,
    # lower-cased and folded ("İbrahim" is one word there, not "i" and "brahim").
    from briefing_app.search.analysis import folding_analyzer
    from briefing_app.search.vocabulary import word_uses

    expected = Counter(token.text for token in folding_analyzer()(text))
    assert Counter(word_uses([text, text[::-1]])) == expected + Counter(
        token.text for token in folding_analyzer()(text[::-1])
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"countries": ("RU",)}, {"sanctions", "nato"}),
        ({"countries": ("ru", "NL")}, {"nato"}),
        ({"organizations": ("NATO",)}, {"nato"}),
        ({"organizations": ("NAVO",)}, {"nato"}),
        ({"people": ("Blok",)}, {"seed"}),
        ({"people": ("stef blok",)}, {"seed"}),
    ],
)
def test_entity_filters_accept_any_alias(
    index: SearchIndex, filters: dict, expected: set[str]
) -> None:
    assert set(ids(index, **filters)) == expected


def test_facet_counts_cover_the_whole_result_set(index: SearchIndex) -> None:
    results = index.search(SearchRequest(query="", limit=1, facets=True))
    countries = {f.value: f.count for f in results.facets["countries"]}
    assert countries == {"NL": 2, "RU": 2, "JO": 1}
    assert results.facets["people"][0].count == 1


def test_updates_and_deletes_are_visible_to_the_next_search(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(RECORDS[:1])
    with ix.writing() as w:
        w.upsert(RECORDS[1])
    assert ids(ix, "sanctiepakket") == ["sanctions"]
    with ix.writing() as w:
        w.delete("sanctions")
    assert ids(ix, "sanctiepakket") == []
    ix.close()


def test_a_second_writer_times_out_with_a_clear_error(tmp_path: Path) -> None:
    first = SearchIndex(tmp_path / "index", writer_timeout=0.2)
    first.rebuild(RECORDS[:1])
    second = SearchIndex(tmp_path / "index", writer_timeout=0.2)
    second.open()
    with first.writing(), pytest.raises(IndexBusyError, match="busy"), second.writing():
        pass
    first.close()
    second.close()


def test_an_index_from_another_schema_version_must_be_rebuilt(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(RECORDS)
    ix.close()
    (tmp_path / "index" / "briefing-index.json").write_text(json.dumps({"schema_version": 0}))
    with pytest.raises(IndexCorruptError):
        SearchIndex(tmp_path / "index").open()


def test_rebuild_swaps_in_a_fresh_index(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(RECORDS)
    assert ix.doc_count() == 4
    ix.rebuild(RECORDS[:2])
    assert ix.doc_count() == 2
    # No staging or retired folder is left; the rebuild lock file stays (removing lock files
    # races with the next process taking it).
    assert sorted(p.name for p in tmp_path.iterdir()) == [".index-rebuild.lock", "index"]
    ix.close()


def test_two_rebuilds_at_once_take_turns(tmp_path: Path) -> None:
    # Two windows opening one damaged index both rebuild it: they must not share the staging
    # folder. The second waits for the first, then rebuilds on its own.
    path = tmp_path / "index"
    errors: list[BaseException] = []

    def rebuild() -> None:
        index = SearchIndex(path, writer_timeout=60)
        try:
            index.rebuild(RECORDS)
            assert index.doc_count() == len(RECORDS)
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            index.close()

    threads = [threading.Thread(target=rebuild) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    index = SearchIndex(path)
    index.open()
    assert index.doc_count() == len(RECORDS)
    index.close()


def test_a_rebuild_that_cannot_get_its_turn_says_busy(tmp_path: Path) -> None:
    from whoosh.util.filelock import FileLock

    path = tmp_path / "index"
    held = FileLock(str(tmp_path / ".index-rebuild.lock"))
    assert held.acquire()
    try:
        with pytest.raises(IndexBusyError, match="busy"):
            SearchIndex(path, writer_timeout=0.3).rebuild(RECORDS)
    finally:
        held.release()


@pytest.mark.parametrize("query", ["", "klimaat OR sanctiepakket OR terrorisme OR troop"])
def test_a_further_page_without_counting_gives_the_same_hits(index: SearchIndex, query) -> None:
    full = index.search(SearchRequest(query=query, limit=50))
    page = index.search(SearchRequest(query=query, limit=2, offset=1, count=False))
    assert [h.id for h in page.hits] == [h.id for h in full.hits[1:3]]
    assert [h.snippet for h in page.hits] == [h.snippet for h in full.hits[1:3]]


def test_facet_counts_stay_right_across_commits_edits_and_deletes(tmp_path: Path) -> None:
    # The facet cache carries over from one commit to the next (per segment): it must still
    # count an edited document's new entities, and not a deleted one's.
    live = SearchIndex(tmp_path / "index")
    live.create_empty()
    request = SearchRequest(query="", facets=True)
    for record in RECORDS:
        with live.writing(merge=False) as writer:
            writer.upsert(record)
        live.search(request)  # fills the cache for this generation
    edited = replace(RECORDS[0], countries=("DE",))
    with live.writing(merge=False) as writer:
        writer.upsert(edited)
        writer.delete(RECORDS[1].id)
    ours = live.search(request).facets
    live.merge_segments()
    merged = live.search(request).facets
    live.close()
    fresh = SearchIndex(tmp_path / "index")
    fresh.open()
    assert ours == merged == fresh.search(request).facets
    countries = {facet.value: facet.count for facet in ours["countries"]}
    assert countries["DE"] == 1 and "JO" not in countries
    fresh.close()


def test_commits_merge_small_segments_only(tmp_path: Path) -> None:
    from whoosh import index as whoosh_index

    from briefing_app.search import index as index_module

    ix = SearchIndex(tmp_path / "index")
    ix.create_empty()
    big = [replace(RECORDS[3], id=f"big-{n}", path=f"/lib/big-{n}.md") for n in range(12)]
    with ix.writing(merge=False) as writer:
        for record in big:
            writer.upsert(record)
    original = index_module.SMALL_SEGMENT_DOCS
    index_module.SMALL_SEGMENT_DOCS = 10  # the 12-document segment counts as big
    try:
        for record in RECORDS * 3:  # one-document updates, as the window makes them
            with ix.writing() as writer:
                writer.upsert(record)
    finally:
        index_module.SMALL_SEGMENT_DOCS = original
    counts = sorted(s.doc_count_all() for s in whoosh_index.open_dir(str(ix.path))._segments())
    assert 12 in counts, "the big segment was never merged"
    assert len(counts) < 1 + 12, "small segments were merged among themselves"
    assert ix.doc_count() == 12 + len(RECORDS)
    ix.close()
