"""Near duplicates: copies of one notice show as one result that lists the others."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefing_app.launcher import main
from briefing_app.library import Library
from briefing_app.library.catalog import CATALOG_VERSION, Catalog
from briefing_app.library.duplicates import fingerprint, group_documents, near_duplicates
from briefing_app.search import SearchRequest, SortOrder
from tests.core.test_library import write

NOTICE = """ date 2019-03 Gemeente sluit Stationsplein voor werkzaamheden

Den Haag, 4 maart 2019

De gemeente sluit het Stationsplein van maandag 11 maart tot en met vrijdag 15 maart voor
werkzaamheden aan het riool. Fietsers en voetgangers worden omgeleid via de Lange Poten en het
Spui. Bussen van lijn 22 en 24 rijden een andere route; de haltes op het plein vervallen in die
week. Bewoners en ondernemers in de omgeving hebben een brief ontvangen met meer informatie.
Voor vragen kunt u contact opnemen met het klantcontactcentrum van de gemeente via 14 070.
"""

# The same subject, other words: not a near duplicate.
OTHER = """ date 2019-05 Gemeente investeert in nieuwe fietsenstallingen

De gemeente bouwt dit jaar drie nieuwe fietsenstallingen bij het Centraal Station en het
Spui, met samen ruimte voor achtduizend fietsen. Wethouder De Vries zegt dat de stallingen
het Stationsplein en de straten eromheen ontlasten, waar nu veel fietsen los staan. De eerste
stalling opent in het najaar; de andere twee volgen in het voorjaar van volgend jaar.
"""


def copy_of_notice(day: int, *changes: tuple[str, str]) -> str:
    """The notice with another date line and a few words changed."""
    text = NOTICE.replace("4 maart 2019", f"{day} maart 2019")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    return text


SECOND_COPY = copy_of_notice(6, ("een brief", "een e-mail"), ("andere route", "omleiding"))


def test_a_changed_date_line_and_a_few_words_are_a_near_duplicate() -> None:
    first, second = fingerprint(NOTICE), fingerprint(SECOND_COPY)
    assert first is not None and second is not None
    assert near_duplicates(first, second)
    assert near_duplicates(first, fingerprint(NOTICE) or b"")  # an exact copy
    other = fingerprint(OTHER)
    assert other is not None and not near_duplicates(first, other)
    assert fingerprint("Te kort om te vergelijken.") is None


def test_groups_are_named_by_their_smallest_id_and_leave_singletons_out() -> None:
    prints = {
        "c": fingerprint(NOTICE),
        "a": fingerprint(SECOND_COPY),
        "b": fingerprint(OTHER),
        "d": fingerprint(copy_of_notice(9, ("Bussen", "Trams"))),
    }
    groups = group_documents((doc_id, raw) for doc_id, raw in prints.items() if raw)
    assert groups == {"a": "a", "c": "a", "d": "a"}


def ids(library: Library, folder: Path, *names: str) -> set[str]:
    return {library.find(str(folder / name)).id for name in names}


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "sources"
    write(folder, "stationsplein.txt", NOTICE)
    write(folder, "stationsplein-kopie.txt", SECOND_COPY)
    write(folder, "fietsenstallingen.txt", OTHER)
    with Library(tmp_path / "data") as lib:
        assert lib.import_paths([folder]).ok
        yield lib


def test_near_duplicates_show_as_one_hit_listing_the_others(
    library: Library, tmp_path: Path
) -> None:
    results = library.search(SearchRequest(query="gemeente"))
    titles = [hit.title for hit in results.hits]
    assert titles.count("Gemeente sluit Stationsplein voor werkzaamheden") == 1
    assert "Gemeente investeert in nieuwe fietsenstallingen" in titles
    notice = next(hit for hit in results.hits if hit.title.startswith("Gemeente sluit"))
    other = next(hit for hit in results.hits if hit.title.startswith("Gemeente investeert"))
    copies = ids(library, tmp_path / "sources", "stationsplein.txt", "stationsplein-kopie.txt")
    assert {notice.id, *notice.similar} == copies and len(notice.similar) == 1
    assert [hit.id for hit in notice.similar_hits] == notice.similar
    assert notice.similar_hits[0].title == notice.title
    assert other.similar == []
    # The total counts what is shown; the documents behind it are counted too.
    assert (results.total, results.total_documents) == (2, 3)


def test_without_collapsing_every_copy_is_a_hit(library: Library) -> None:
    results = library.search(SearchRequest(query="gemeente", collapse=False))
    assert len(results.hits) == 3 and results.total == 3
    assert all(hit.similar == [] for hit in results.hits)


def test_pages_and_date_order_collapse_the_same_way(library: Library) -> None:
    first = library.search(SearchRequest(query="gemeente", limit=1))
    second = library.search(SearchRequest(query="gemeente", limit=1, offset=1, count=False))
    assert len(first.hits) == len(second.hits) == 1
    assert {first.hits[0].title, second.hits[0].title} == {
        "Gemeente sluit Stationsplein voor werkzaamheden",
        "Gemeente investeert in nieuwe fietsenstallingen",
    }
    by_date = library.search(SearchRequest(query="", sort=SortOrder.DATE))
    assert by_date.total == 2 and sum(len(hit.similar) for hit in by_date.hits) == 1


def test_six_copies_leave_room_for_other_results(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    colours = ("rood", "groen", "blauw", "geel", "paars", "oranje")
    for day, colour in enumerate(colours):
        write(folder, f"notice-{day}.txt", copy_of_notice(10 + day, ("lijn 22", f"lijn {colour}")))
    write(folder, "fietsenstallingen.txt", OTHER)
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
        results = library.search(SearchRequest(query="gemeente", limit=10))
        assert [len(hit.similar) for hit in results.hits] == [5, 0]
        assert (results.total, results.total_documents) == (2, 7)
        # A filter that leaves one copy out lists the others only.
        filtered = library.search(SearchRequest(query="gemeente NOT paars"))
        assert [len(hit.similar) for hit in filtered.hits] == [4, 0]


def test_a_copy_removed_or_changed_leaves_its_group(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    (folder / "stationsplein-kopie.txt").unlink()
    library.import_paths([folder])
    assert library.catalog.duplicate_groups() == {}
    assert all(hit.similar == [] for hit in library.search(SearchRequest(query="gemeente")).hits)
    write(folder, "stationsplein-kopie.txt", SECOND_COPY)
    library.import_paths([folder])
    assert len(library.catalog.duplicate_groups()) == 2
    write(folder, "stationsplein-kopie.txt", OTHER.replace("drie", "vier"))
    library.import_paths([folder])
    groups = library.catalog.duplicate_groups()
    assert set(groups) == ids(library, folder, "fietsenstallingen.txt", "stationsplein-kopie.txt")
    results = library.search(SearchRequest(query="gemeente"))
    similar = {hit.title: len(hit.similar) for hit in results.hits}
    assert similar == {
        "Gemeente sluit Stationsplein voor werkzaamheden": 0,
        "Gemeente investeert in nieuwe fietsenstallingen": 1,
    }


def test_a_catalog_of_the_previous_version_gets_fingerprints_on_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    write(folder, "stationsplein.txt", NOTICE)
    write(folder, "stationsplein-kopie.txt", SECOND_COPY)
    data = tmp_path / "data"
    with Library(data) as library:
        library.import_paths([folder])
    # As version 1 left it: no fingerprint column, no groups table.
    db = sqlite3.connect(data / "library.sqlite3")
    db.execute("DROP TABLE duplicate_groups")
    db.execute("ALTER TABLE documents DROP COLUMN fingerprint")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'catalog_version'")
    db.commit()
    db.close()
    with Library(data) as library:
        version = library.catalog._db.execute(
            "SELECT value FROM meta WHERE key = 'catalog_version'"
        ).fetchone()[0]
        assert version == str(CATALOG_VERSION)
        assert library.catalog.fingerprints() == []
        assert len(library.search(SearchRequest(query="gemeente")).hits) == 2
        library.reindex()
        assert len(library.catalog.fingerprints()) == 2
        results = library.search(SearchRequest(query="gemeente"))
        assert len(results.hits) == 1 and len(results.hits[0].similar) == 1


def test_a_read_only_catalog_of_the_previous_version_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT)")
    db.commit()
    db.close()
    catalog = Catalog(path, read_only=True)
    try:
        assert catalog.fingerprints() == [] and catalog.duplicate_groups() == {}
    finally:
        catalog.close()


def test_search_json_gives_similar_ids_and_plain_output_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sources"
    write(folder, "stationsplein.txt", NOTICE)
    write(folder, "stationsplein-kopie.txt", SECOND_COPY)
    write(folder, "fietsenstallingen.txt", OTHER)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    capsys.readouterr()

    assert main(["--data-dir", data, "search", "gemeente", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["total"], payload["total_documents"]) == (2, 3)
    by_title = {hit["title"]: hit for hit in payload["hits"]}
    notice = by_title["Gemeente sluit Stationsplein voor werkzaamheden"]
    copies = {notice["id"], *notice["similar"]}
    assert (
        len(copies) == 2
        and by_title["Gemeente investeert in nieuwe fietsenstallingen"]["similar"] == []
    )

    assert main(["--data-dir", data, "search", "gemeente", "--json", "--no-collapse"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["total"] == payload["total_documents"] == 3
    assert {hit["id"] for hit in payload["hits"]} >= copies
    assert all(hit["similar"] == [] for hit in payload["hits"])

    assert main(["--data-dir", data, "search", "gemeente"]) == 0
    out = capsys.readouterr().out
    assert "2 documents + 1 similar" in out
    assert out.count("Gemeente sluit Stationsplein") == 1 and "(+1 similar)" in out
