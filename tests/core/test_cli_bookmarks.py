"""Bookmarks through the Library and the CLI: the contract, and what happens after edits."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from briefing_app.launcher import main
from briefing_app.library import Library

RELEASE = """ date 2018-11 Koninklijke contraterrorismeconferentie in Nederland

De jihadistische terroristische dreiging tegen het Westen blijft onverminderd aanwezig, stelt de AIVD. Minister Stef Blok van Buitenlandse Zaken organiseerde de conferentie met de Jordaanse koning Abdullah II.

Door kennis en informatie met andere landen te delen, kunnen we zicht krijgen op de nieuw gevormde netwerken, aldus minister Blok.

Aan de conferentie namen deel: premier Rutte, de NAVO, de VN en de VS.
"""
QUOTE = "Door kennis en informatie met andere landen te delen"
KEYS = {"id", "path", "title", "quote", "prefix", "suffix", "start", "end", "note", "tags",
        "status", "created", "updated"}  # fmt: skip


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "conferentie.txt"
    doc.write_text(RELEASE, encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    capsys.readouterr()
    return data, doc


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(capsys: pytest.CaptureFixture[str], data: str, *filters: str) -> list[dict]:
    code, out, _ = cli(capsys, "--data-dir", data, "bookmarks", "list", "--json", *filters)
    assert code == 0
    return json.loads(out)


def test_add_and_list(setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data, doc = setup
    code, out, _ = cli(
        capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE,
        "--note", "Kern van het **betoog**", "--tag", "terrorisme", "--tag", "samenwerking",
    )  # fmt: skip
    assert code == 0
    bookmark_id = out.strip()
    [item] = listed(capsys, data)
    assert set(item) == KEYS
    assert item["id"] == bookmark_id and item["quote"] == QUOTE
    assert item["status"] == "anchored" and item["tags"] == ["terrorisme", "samenwerking"]
    assert RELEASE.split("\n\n", 1)[1].strip()[item["start"] : item["end"]] == QUOTE
    assert item["prefix"].endswith("\n\n") and item["suffix"].startswith(", kunnen")
    assert item["path"] == str(doc.resolve()) and item["title"].startswith("Koninklijke")


def test_a_quote_that_is_not_there_is_refused(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, doc = setup
    code, _, err = cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", "xyz")
    assert code == 1 and "does not occur" in err
    code, _, err = cli(
        capsys, "--data-dir", data, "bookmarks", "add", "/not/in/library.txt", "--quote", "x"
    )
    assert code == 1 and "No document" in err


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        (("--tag", "Terrorisme"), 1),
        (("--tag", "klimaat"), 0),
        (("--entity", "Stef Blok"), 1),  # "minister Blok" in the passage's context
        (("--entity", "Blok"), 1),
        (("--status", "anchored"), 1),
        (("--status", "orphaned"), 0),
    ],
)
def test_filters(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str], filters: tuple, count: int
) -> None:
    data, doc = setup
    passage = "minister Blok"
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", passage,
        "--tag", "terrorisme")  # fmt: skip
    assert len(listed(capsys, data, *filters)) == count


def test_entity_filter_by_alias(setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]):
    data, doc = setup
    quote = "premier Rutte, de NAVO, de VN en de VS"
    assert cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", quote)[0] == 0
    for name in ("NATO", "NAVO", "Verenigde Staten", "US", "Rutte"):
        assert len(listed(capsys, data, "--entity", name)) == 1, name
    assert listed(capsys, data, "--entity", "Jordanië") == []


def test_moved_after_a_paragraph_is_inserted_before(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, doc = setup
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE)
    head, rest = RELEASE.split("\n\n", 1)
    doc.write_text(head + "\n\nEen nieuwe eerste alinea over iets anders.\n\n" + rest, "utf-8")
    os.utime(doc, (1_700_000_000, 1_700_000_000))
    assert cli(capsys, "--data-dir", data, "import", str(doc.parent))[0] == 0
    [item] = listed(capsys, data)
    assert item["status"] == "moved"
    with Library(Path(data)) as library:
        text = library.open_document(str(doc)).document.text
    assert text[item["start"] : item["end"]] == QUOTE


def test_orphaned_when_the_passage_is_deleted_and_still_listed(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, doc = setup
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE, "--note", "n")
    paragraphs = RELEASE.split("\n\n")
    doc.write_text("\n\n".join(p for p in paragraphs if QUOTE not in p), "utf-8")
    os.utime(doc, (1_700_000_000, 1_700_000_000))
    cli(capsys, "--data-dir", data, "import", str(doc.parent))
    [item] = listed(capsys, data)
    assert item["status"] == "orphaned" and item["quote"] == QUOTE and item["note"] == "n"


def test_bookmarks_follow_a_library_moved_elsewhere(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, doc = setup
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE)
    moved = tmp_path / "elsewhere"
    shutil.move(str(doc.parent), moved)
    assert cli(capsys, "--data-dir", data, "import", str(moved), "--prune")[0] == 0
    [item] = listed(capsys, data)
    assert item["path"] == str((moved / "conferentie.txt").resolve())
    assert item["status"] == "anchored"


def test_bookmarks_survive_a_full_rebuild(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, doc = setup
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE)
    shutil.rmtree(Path(data) / "search-index")
    assert cli(capsys, "--data-dir", data, "reindex")[0] == 0
    assert len(listed(capsys, data)) == 1


def test_export_markdown_and_json_then_import_without_duplicates(
    setup: tuple[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, doc = setup
    cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE,
        "--note", "Belangrijk", "--tag", "cyber")  # fmt: skip
    code, markdown, _ = cli(
        capsys, "--data-dir", data, "bookmarks", "export", "--format", "md", "--group-by", "tag"
    )
    assert code == 0
    assert f"> {QUOTE}" in markdown and "Belangrijk" in markdown and "cyber" in markdown
    assert "Koninklijke contraterrorismeconferentie" in markdown and "2018-11" in markdown

    exported = tmp_path / "briefing.json"
    assert cli(capsys, "--data-dir", data, "bookmarks", "export", "--format", "json",
               "-o", str(exported))[0] == 0  # fmt: skip
    annotations = json.loads(exported.read_text("utf-8"))
    assert annotations["type"] == "AnnotationCollection"
    selector = annotations["items"][0]["target"]["selector"]
    assert {s["type"] for s in selector} == {"TextQuoteSelector", "TextPositionSelector"}

    assert cli(capsys, "--data-dir", data, "bookmarks", "import", str(exported))[0] == 0
    assert len(listed(capsys, data)) == 1
    other = str(tmp_path / "other")
    _, _, err = cli(capsys, "--data-dir", other, "bookmarks", "import", str(exported))
    assert "1 bookmark added" in err
    assert listed(capsys, other)[0]["quote"] == QUOTE


def test_remove(setup: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data, doc = setup
    _, out, _ = cli(capsys, "--data-dir", data, "bookmarks", "add", str(doc), "--quote", QUOTE)
    assert cli(capsys, "--data-dir", data, "bookmarks", "remove", out.strip())[0] == 0
    assert listed(capsys, data) == []
    assert cli(capsys, "--data-dir", data, "bookmarks", "remove", "nope")[0] == 1
