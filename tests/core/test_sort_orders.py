"""Results sorted oldest first and by title (issue 19, bug 12), undated documents last."""

from __future__ import annotations

from pathlib import Path

from briefing_app.library import Library
from briefing_app.search import SearchRequest, SortOrder

DOCUMENTS = {
    "a.txt": " date 2016-04 zebra's in Mali\n\nEen tekst over Mali.\n",
    "b.txt": " date 2019-03 Appels uit Mali\n\nNog een tekst over Mali.\n",
    "c.txt": " date 2018-07 Mango's voor Mali\n\nEen derde tekst over Mali.\n",
    "d.md": "# Ëlanden en Mali\n\nZonder datum, over Mali.\n",
}


def test_oldest_first_and_by_title(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, "utf-8")
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
        assert library.date_span() == ("2016-04", "2019-03")
        for query in ("", "Mali"):
            for limit in (10, 2):
                oldest = library.search(
                    SearchRequest(query=query, sort=SortOrder.OLDEST, limit=limit)
                )
                assert [h.date for h in oldest.hits] == ["2016-04", "2018-07", "2019-03", None][
                    :limit
                ]
                by_title = library.search(
                    SearchRequest(query=query, sort=SortOrder.TITLE, limit=limit)
                )
                assert [h.title for h in by_title.hits] == [
                    "Appels uit Mali",
                    "Ëlanden en Mali",
                    "Mango's voor Mali",
                    "zebra's in Mali",
                ][:limit]
        page = library.search(
            SearchRequest(query="Mali", sort=SortOrder.TITLE, offset=2, limit=2, count=False)
        )
        assert [h.title for h in page.hits] == ["Mango's voor Mali", "zebra's in Mali"]
