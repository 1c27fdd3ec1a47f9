"""Briefing export: Markdown for reading, W3C Web Annotation JSON that imports without dupes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkImportError,
    BookmarkStatus,
    BookmarkStore,
    from_web_annotations,
    make_anchor,
    merge_import,
    to_markdown,
    to_web_annotations,
)

TEXT = (
    "Nederland is in maart voorzitter van de VN-Veiligheidsraad. Minister Blok leidt een debat "
    "over vredesmissies. *Let op*: de NAVO en de VN werken samen in Mali 👍🏽."
)


def passage(quote: str, **fields) -> Bookmark:
    start = TEXT.index(quote)
    defaults: dict = {
        "doc_content_hash": "hash-vn",
        "doc_path": "/lib/2018 releases/vn-veiligheidsraad.txt",
        "doc_title": "Nederland voorzitter van de VN-Veiligheidsraad",
        "doc_date": "2018-03",
    }
    defaults.update(fields)
    return Bookmark(anchor=make_anchor(TEXT, start, start + len(quote), "hash-vn"), **defaults)


@pytest.fixture
def bookmarks() -> list[Bookmark]:
    return [
        passage(
            "Minister Blok leidt een debat",
            note="Gebruiken in de **inleiding**.",
            tags=("VN", "defensie"),
            entities=("person:Blok",),
        ),
        passage(
            "de NAVO en de VN werken samen in Mali 👍🏽",
            tags=("defensie",),
            entities=("org:NAVO", "country:ML"),
            status=BookmarkStatus.APPROXIMATE,
            previous_quote="de NAVO werkt in Mali",
        ),
        passage(
            "Nederland is in maart voorzitter",
            doc_path="/lib/other.txt",
            doc_title="Ander bericht",
            doc_date=None,
        ),
    ]


NOW = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def test_markdown_by_document_reads_as_a_briefing(bookmarks):
    text = to_markdown(bookmarks, group_by="document", title="Briefing VN", now=NOW)

    assert text.startswith("# Briefing VN\n\n*2024-05-01 09:30 UTC · 3 passages*\n")
    assert "## Nederland voorzitter van de VN-Veiligheidsraad (2018-03)" in text
    assert "## Ander bericht" in text
    assert "> Minister Blok leidt een debat\n\nGebruiken in de **inleiding**.\n" in text
    assert (
        "— *Nederland voorzitter van de VN-Veiligheidsraad*, 2018-03, "
        "`/lib/2018 releases/vn-veiligheidsraad.txt`"
    ) in text
    assert "— *Ander bericht*, `/lib/other.txt`" in text
    assert "Status: approximate" in text


@pytest.mark.parametrize(
    ("group_by", "headings"),
    [
        ("tag", ["## defensie", "## VN", "## Untagged / Zonder tag"]),
        ("entity", ["## Blok (person)", "## ML (country)", "## NAVO (org)", "## No entities"]),
    ],
)
def test_markdown_groups_in_order_and_repeats_multi_tagged_passages(bookmarks, group_by, headings):
    text = to_markdown(bookmarks, group_by=group_by, now=NOW)
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    if group_by == "tag":
        assert text.count("> Minister Blok leidt een debat") == 2


def test_markdown_uses_a_custom_entity_label(bookmarks):
    text = to_markdown(bookmarks, group_by="entity", entity_label=lambda e: e.upper(), now=NOW)
    assert "## COUNTRY:ML" in text


def test_markdown_keeps_quoted_text_literal():
    bookmark = passage("*Let op*: de NAVO")
    assert "> \\*Let op\\*: de NAVO" in to_markdown([bookmark], now=NOW)


def test_markdown_of_nothing_is_still_a_document():
    assert to_markdown([], now=NOW) == "# Briefing\n\n*2024-05-01 09:30 UTC · 0 passages*\n"


def test_unknown_grouping_is_refused(bookmarks):
    with pytest.raises(ValueError):
        to_markdown(bookmarks, group_by="colour")  # type: ignore[arg-type]


def test_web_annotation_shape(bookmarks):
    data = to_web_annotations(bookmarks)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    first = data["items"][0]
    assert first["type"] == "Annotation"
    assert first["id"] == f"urn:briefing:bookmark:{bookmarks[0].id}"
    assert first["body"][0] == {
        "type": "TextualBody",
        "value": "Gebruiken in de **inleiding**.",
        "format": "text/markdown",
        "purpose": "commenting",
    }
    assert {"type": "TextualBody", "value": "VN", "purpose": "tagging"} in first["body"]
    target = first["target"]
    assert target["source"] == "file:///lib/2018%20releases/vn-veiligheidsraad.txt"
    assert target["briefing:contentHash"] == "hash-vn"
    assert target["selector"][0]["type"] == "TextQuoteSelector"
    assert target["selector"][0]["exact"] == "Minister Blok leidt een debat"
    assert target["selector"][1] == {
        "type": "TextPositionSelector",
        "start": bookmarks[0].anchor.start,
        "end": bookmarks[0].anchor.end,
    }


def test_export_then_import_into_an_empty_store_round_trips(bookmarks, tmp_path: Path):
    exported = json.dumps(to_web_annotations(bookmarks), ensure_ascii=False)
    with BookmarkStore(tmp_path / "b.sqlite3") as store:
        assert merge_import(store, from_web_annotations(json.loads(exported))) == (3, 0)
        assert sorted(store.list(), key=lambda b: b.id) == sorted(bookmarks, key=lambda b: b.id)
        # Importing the same file again adds nothing.
        assert merge_import(store, from_web_annotations(json.loads(exported))) == (0, 3)
        assert len(store) == 3


def test_same_passage_under_another_id_is_a_duplicate(bookmarks, tmp_path: Path):
    data = to_web_annotations(bookmarks[:1])
    data["items"][0]["id"] = "urn:briefing:bookmark:someoneelse"
    with BookmarkStore(tmp_path / "b.sqlite3") as store:
        store.add(bookmarks[0])
        assert merge_import(store, from_web_annotations(data)) == (0, 1)


def test_foreign_annotation_without_positions_is_accepted():
    foreign = {
        "type": "Annotation",
        "id": "https://example.org/anno/1",
        "body": "Interessant",
        "target": {
            "source": "file:///docs/a%20b.txt",
            "selector": {"type": "TextQuoteSelector", "exact": "de VN werken samen"},
        },
    }
    (imported,) = from_web_annotations(foreign)
    assert (imported.doc_path, imported.quote, imported.note) == (
        "/docs/a b.txt",
        "de VN werken samen",
        "Interessant",
    )
    assert imported.anchor.content_hash == ""  # re-anchored by quote on first open
    assert from_web_annotations([foreign])[0].id == imported.id  # stable: no dupes on re-import


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param("not json object", "AnnotationCollection", id="not-a-collection"),
        pytest.param({"type": "AnnotationCollection", "items": "x"}, "list", id="items-not-list"),
        pytest.param([{"type": "Note"}], "annotation 1", id="wrong-type"),
        pytest.param([{"type": "Annotation"}], "no target", id="no-target"),
        pytest.param(
            [{"type": "Annotation", "target": {"source": "file:///a", "selector": []}}],
            "TextQuoteSelector",
            id="no-quote",
        ),
        pytest.param(
            [
                {
                    "type": "Annotation",
                    "target": {
                        "source": "file:///a",
                        "selector": [
                            {"type": "TextQuoteSelector", "exact": "x"},
                            {"type": "TextPositionSelector", "start": 5, "end": 2},
                        ],
                    },
                }
            ],
            "offsets",
            id="bad-positions",
        ),
        pytest.param(
            [
                {
                    "type": "Annotation",
                    "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}},
                }
            ],
            "source",
            id="no-source",
        ),
    ],
)
def test_invalid_files_give_a_clear_error(data, message):
    with pytest.raises(BookmarkImportError, match=message):
        from_web_annotations(data)
