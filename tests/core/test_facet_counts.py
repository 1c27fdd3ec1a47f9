"""One count everywhere: a name's count in the results' panel is the number of documents its
filter gives, also when another name of the same person would not make the list alone."""

from __future__ import annotations

from pathlib import Path

from briefing_app.library import Library
from briefing_app.search import SearchRequest

DOCUMENTS = {
    "kort.txt": "Minister Blok van Buitenlandse Zaken sprak met de pers over de begroting.",
    "blok1.txt": "Minister Stef Blok van Buitenlandse Zaken reist naar New York.",
    "blok2.txt": "Stef Blok, minister van Buitenlandse Zaken, opende de conferentie.",
    "rutte1.txt": "Minister-president Mark Rutte sprak in Brussel.",
    "rutte2.txt": "Premier Mark Rutte ontving de koning van Jordanië.",
    "rutte3.txt": "Mark Rutte, de minister-president, gaf een toespraak.",
    "kaag1.txt": "Minister Sigrid Kaag sprak over ontwikkelingssamenwerking.",
    "kaag2.txt": "Sigrid Kaag, minister voor Buitenlandse Handel, reist af.",
}


def test_a_short_form_outside_the_list_still_counts_for_its_person(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    for index, (name, text) in enumerate(DOCUMENTS.items()):
        (folder / name).write_text(f" date 2020-0{index + 1} Bericht\n\n{text}\n", "utf-8")
    with Library(tmp_path / "data", language="nl") as library:
        library.import_paths([folder])
        # Counted name by name, "Blok" (1) would miss a list of two: Rutte 3, Kaag 2, Stef Blok 2.
        results = library.search(SearchRequest(query="", facets=True, facet_limit=2))
        counts = {facet.value: facet.count for facet in results.facets["people"]}
        filtered = library.search(SearchRequest(query="", people=("Stef Blok",)))
        assert counts == {"Stef Blok": 3, "Mark Rutte": 3}
        assert filtered.total == 3
