"""A hit in a paginated document (PDF) names the page its snippet is on, in the library's
results and on the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from briefing_app.documents import read_document
from briefing_app.launcher import main
from briefing_app.library import Library
from briefing_app.search import SearchRequest
from tests.conftest import DATA

PDF = DATA / "formats" / "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf"
ON_PAGE_3 = "adviseert om een onderzoeksagenda op te stellen"


def test_each_page_of_the_searched_text_starts_where_its_page_does() -> None:
    document = read_document(PDF)
    text, starts = document.searchable_text, document.searchable_page_starts
    assert len(starts) == document.page_count == 6
    assert list(starts) == sorted(starts) and starts[0] == 0
    at = text.index(ON_PAGE_3)
    assert sum(1 for start in starts if start <= at) == 3


def test_a_hit_names_the_page_of_its_snippet(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(PDF, folder)
    (folder / "note.md").write_text("# Nota\n\nDe onderzoeksagenda van het ministerie.\n")
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
        found = library.search(SearchRequest(query=f'"{ON_PAGE_3}"'))
        assert [hit.page for hit in found.hits] == [3]
        # The passage shown is the phrase's, not one of scattered "om", "een", "op", "te".
        assert "<mark>onderzoeksagenda</mark> <mark>op</mark>" in found.hits[0].snippet
        everything = library.search(SearchRequest(query="onderzoeksagenda"))
        pages = {Path(hit.path).suffix: hit.page for hit in everything.hits}
        assert pages[".md"] == 0  # no pages, no page number
        assert pages[".pdf"] >= 1


def test_the_command_line_shows_the_page(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(PDF, folder)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "search", f'"{ON_PAGE_3}"', "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)["hits"]
    assert hit["page"] == 3
    assert main(["--data-dir", data, "search", f'"{ON_PAGE_3}"']) == 0
    assert ", p. 3" in capsys.readouterr().out
