"""Importing folders into a library: incremental, robust to bad files, rebuildable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefing_app.library import Library, LibraryError
from briefing_app.search import SearchRequest
from tests.conftest import REAL_RELEASES, SEED_DIR

PRESS_RELEASE = """ date 2019-03 Nederland levert VN-militairen voor Mali

Nederland stuurt opnieuw militairen naar de VN-missie in Mali. Minister Bijleveld van Defensie
maakte dat vandaag bekend.

Achtergrond

De missie draagt bij aan terrorismebestrijding in de Sahel.
"""

NOTE = """---
title: Cyber threat briefing
date: 2022-02-14
source: NCSC
tags: [cyber, ransomware]
---
# Ignored heading

The National Cyber Security Centre warns about ransomware attacks on hospitals.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    write(folder, "mali.txt", PRESS_RELEASE)
    write(folder, "notes/cyber.md", NOTE)
    return folder


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "data") as lib:
        yield lib


def titles(library: Library, query: str) -> list[str]:
    return [hit.title for hit in library.search(SearchRequest(query=query)).hits]


def test_import_a_folder_and_find_its_documents(library: Library, sources: Path) -> None:
    report = library.import_paths([sources])
    assert len(report.added) == 2 and report.ok
    assert titles(library, "militair") == ["Nederland levert VN-militairen voor Mali"]
    assert titles(library, "ransomware hospitals") == ["Cyber threat briefing"]
    entry = library.find(str(sources / "notes" / "cyber.md"))
    assert (entry.date, entry.source, entry.tags, entry.language) == (
        "2022-02-14",
        "NCSC",
        ("cyber", "ransomware"),
        "en",
    )


def test_reimport_skips_unchanged_updates_changed_and_removes_deleted(
    library: Library, sources: Path
) -> None:
    library.import_paths([sources])
    again = library.import_paths([sources])
    assert (len(again.added), len(again.updated), len(again.unchanged)) == (0, 0, 2)

    changed = sources / "mali.txt"
    changed.write_text(PRESS_RELEASE.replace("Sahel", "Sahel en Niger"), encoding="utf-8")
    os.utime(changed, (1_700_000_000, 1_700_000_000))
    (sources / "notes" / "cyber.md").unlink()
    report = library.import_paths([sources])
    assert report.updated == [str(changed.resolve())]
    assert [Path(p).name for p in report.removed] == ["cyber.md"]
    assert titles(library, "niger") == ["Nederland levert VN-militairen voor Mali"]
    assert titles(library, "ransomware") == []
    assert library.document_count() == 1


def test_touched_but_identical_file_is_unchanged(library: Library, sources: Path) -> None:
    library.import_paths([sources])
    os.utime(sources / "mali.txt", (1_600_000_000, 1_600_000_000))
    report = library.import_paths([sources])
    assert len(report.unchanged) == 2 and not report.updated


def test_prune_drops_missing_files_imported_one_by_one(library: Library, tmp_path: Path) -> None:
    loose = write(tmp_path / "elsewhere", "loose.txt", PRESS_RELEASE)
    library.import_paths([loose])
    loose.unlink()
    assert library.import_paths([], prune=False).removed == []
    assert library.import_paths([], prune=True).removed == [str(loose.resolve())]


def test_bad_files_are_reported_and_the_rest_imported(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder, "good.txt", PRESS_RELEASE)
    write(folder, "binary.txt", bytes(range(256)) * 40)
    write(folder, "empty.md", "")
    write(folder, "report.xlsx", b"PK\x03\x04")
    write(folder, "huge.txt", "woord " * 400_000)
    lib = Library(tmp_path / "data2", max_bytes=1_000_000)
    report = lib.import_paths([folder, tmp_path / "does-not-exist"])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert [Path(p).name for p in report.added] == ["good.txt"]
    assert set(reasons) == {"binary.txt", "empty.md", "report.xlsx", "huge.txt", "does-not-exist"}
    assert all(reason and "\n" not in reason for reason in reasons.values())
    assert "unsupported" in reasons["report.xlsx"]
    assert not report.ok
    lib.close()


def test_reindex_rebuilds_from_the_source_files(library: Library, sources: Path) -> None:
    library.import_paths([sources])
    shutil.rmtree(library.data_dir / "search-index")
    library.index.close()
    assert library.reindex() == 2
    assert titles(library, "ransomware") == ["Cyber threat briefing"]


def test_a_damaged_index_is_rebuilt_on_open(tmp_path: Path, sources: Path) -> None:
    with Library(tmp_path / "data") as lib:
        lib.import_paths([sources])
    for segment in (tmp_path / "data" / "search-index").glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in (tmp_path / "data" / "search-index").glob("*.toc"):
        toc.unlink()
    messages: list[str] = []
    with Library(tmp_path / "data", notify=messages.append) as lib:
        assert titles(lib, "ransomware") == ["Cyber threat briefing"]
    assert messages and "Rebuilding" in messages[0]


def test_a_damaged_vocabulary_is_rebuilt_and_suggestions_come_back(
    tmp_path: Path, sources: Path
) -> None:
    with Library(tmp_path / "data") as lib:
        lib.import_paths([sources])
    (tmp_path / "data" / "search-index" / "vocabulary.sqlite3").write_bytes(b"garbage" * 200)
    messages: list[str] = []
    with Library(tmp_path / "data", notify=messages.append) as lib:
        assert lib.search(SearchRequest(query="ransomwere")).suggestion == "ransomware"
    assert messages and "Rebuilding" in messages[0]


def test_find_by_id_prefix_and_unknown_ids(library: Library, sources: Path) -> None:
    library.import_paths([sources])
    entry = library.documents()[0]
    assert library.find(entry.id[:6]).id == entry.id
    with pytest.raises(LibraryError, match="No document"):
        library.find("nonexistent")


def test_open_document_reports_a_changed_file(library: Library, sources: Path) -> None:
    library.import_paths([sources])
    path = sources / "mali.txt"
    path.write_text(PRESS_RELEASE + "\nExtra alinea.\n", encoding="utf-8")
    opened = library.open_document(str(path))
    assert opened.document is not None
    assert opened.problem and "changed" in opened.problem


def test_the_real_releases_import_cleanly(library: Library) -> None:
    report = library.import_paths([REAL_RELEASES, SEED_DIR])
    assert len(report.added) == 20  # 18 releases, their SOURCE.md note and the seed
    assert report.ok
    hits = library.search(SearchRequest(query="vogelgriep")).hits
    assert hits and "Oldekerk" in hits[0].title
    snippet_words = " ".join(h.snippet for h in library.search(SearchRequest(query="")).hits)
    assert "Beeld:" not in snippet_words


def test_an_index_of_another_version_is_rebuilt_on_open_keeping_bookmarks_and_corrections(
    tmp_path: Path, sources: Path
) -> None:
    import json

    with Library(tmp_path / "data") as lib:
        lib.import_paths([sources])
        lib.add_bookmark(str(sources / "mali.txt"), quote="VN-missie in Mali", note="Kern")
        lib.correct_entity("rename", "person", "Bijleveld", "Ank Bijleveld")
    # What an older Briefing left: an index written with another schema version.
    (tmp_path / "data" / "search-index" / "briefing-index.json").write_text(
        json.dumps({"schema_version": 0})
    )
    progress: list[tuple[int, int]] = []
    messages: list[str] = []
    with Library(
        tmp_path / "data", notify=messages.append, rebuild_progress=lambda *p: progress.append(p)
    ) as lib:
        assert lib.rebuilt_on_open
        assert titles(lib, "militair") == ["Nederland levert VN-militairen voor Mali"]
        assert [b.note for b in lib.list_bookmarks()] == ["Kern"]
        people = {row.name for row, _count in lib.entity_table("person")}
        assert "Ank Bijleveld" in people
    assert messages and "Rebuilding" in messages[0]
    assert progress[-1] == (2, 2) and all(total == 2 for _done, total in progress)
