"""Citations of passages (issue 19, "Copy with citation"; issue 21, "p. N"): one format for the
clipboard (plain text and HTML) and the briefing exports (Markdown and Word)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from briefing_app.bookmarks import Bookmark, make_anchor, to_markdown
from briefing_app.bookmarks.citation import Citation, quote_html, quote_text
from briefing_app.bookmarks.docx_writer import to_docx
from briefing_app.launcher import main
from briefing_app.library import Library
from tests.conftest import DATA

PDF = DATA / "formats" / "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf"
ON_PAGE_3 = "adviseert om een onderzoeksagenda op te stellen"

CITED = Citation(
    title="Kaag steunt <Jordanië>",
    path="/lib/kaag & co.pdf",
    date="2018-04-12",
    source="Ministerie van Buitenlandse Zaken",
    page=3,
)


def test_a_citation_names_title_issuer_date_and_page() -> None:
    assert (
        CITED.text()
        == "Kaag steunt <Jordanië>, Ministerie van Buitenlandse Zaken, 2018-04-12, p. 3"
    )
    bare = Citation(title="", path="/lib/note.md")
    assert bare.text() == "note.md"  # no title: the file's name; no page: no "p."
    assert CITED.text(lambda date: f"[{date}]").endswith("[2018-04-12], p. 3")


def test_a_quote_as_plain_text_carries_its_citation_and_file() -> None:
    text = quote_text("De minister   sprak\nmet de koning.", CITED)
    assert text == (
        "“De minister sprak\n\nmet de koning.”\n"
        "— Kaag steunt <Jordanië>, Ministerie van Buitenlandse Zaken, 2018-04-12, p. 3\n"
        "/lib/kaag & co.pdf\n"
    )


def test_a_quote_as_html_is_escaped_and_links_the_file() -> None:
    markup = quote_html("<b>niet vet</b> & meer", CITED)
    assert "<blockquote><p>&lt;b&gt;niet vet&lt;/b&gt; &amp; meer</p></blockquote>" in markup
    assert "<cite>Kaag steunt &lt;Jordanië&gt;</cite>" in markup
    assert "2018-04-12, p. 3" in markup
    assert 'href="file:///lib/kaag%20%26%20co.pdf"' in markup
    assert "<b>" not in markup


TEXT = "Nederland is voorzitter. Minister Blok leidt een debat over vredesmissies."


def bookmark(quote: str, **fields: object) -> Bookmark:
    start = TEXT.index(quote)
    defaults: dict = {
        "doc_content_hash": "h",
        "doc_path": "/lib/vn.pdf",
        "doc_title": "VN-Veiligheidsraad",
        "doc_date": "2018-03",
        "note": "Gebruiken in de **inleiding**.",
        "tags": ("VN",),
    }
    defaults.update(fields)
    return Bookmark(anchor=make_anchor(TEXT, start, start + len(quote), "h"), **defaults)


def test_the_markdown_briefing_cites_issuer_and_page() -> None:
    marks = [bookmark("Minister Blok leidt een debat")]
    text = to_markdown(marks, cite=lambda b: Citation.of_bookmark(b, source="BZ", page=2))
    assert "— *VN-Veiligheidsraad*, BZ, 2018-03, p. 2, `/lib/vn.pdf`" in text


def test_the_word_briefing_reads_back_with_its_groups_quotes_and_citations() -> None:
    marks = [
        bookmark("Minister Blok leidt een debat"),
        bookmark("Nederland is voorzitter", doc_path="/lib/other.txt", doc_title="Ander", tags=()),
    ]
    data = to_docx(
        marks,
        group_by="tag",
        title="Briefing VN",
        cite=lambda b: Citation.of_bookmark(b, page=4 if b.doc_path.endswith(".pdf") else 0),
    )
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Briefing VN")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == ["VN", "Untagged / Zonder tag"]
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert quotes == ["Minister Blok leidt een debat", "Nederland is voorzitter"]
    texts = [text for _style, text in paragraphs]
    assert "— VN-Veiligheidsraad, 2018-03, p. 4\n/lib/vn.pdf" in texts
    assert "— Ander, 2018-03\n/lib/other.txt" in texts
    assert "Gebruiken in de **inleiding**." in texts
    assert document.core_properties.title == "Briefing VN"


@pytest.fixture
def library_with_pdf(tmp_path: Path) -> Library:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(PDF, folder)
    library = Library(tmp_path / "data")
    library.import_paths([folder])
    return library


def test_the_library_cites_the_page_of_a_pdf_passage(library_with_pdf: Library, tmp_path) -> None:
    with library_with_pdf as library:
        [entry] = library.documents()
        library.add_bookmark(entry.id, quote=ON_PAGE_3, tags=["onderzoek"])
        found = library.list_bookmarks()
        assert ", p. 3, `" in library.briefing(found)
        path = tmp_path / "briefing.docx"
        library.export_bookmarks(found, path, format="docx", group_by="tag")
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        assert ON_PAGE_3 in " ".join(texts)
        assert any(", p. 3\n" in text for text in texts)


def test_the_command_line_exports_a_word_briefing(library_with_pdf: Library, tmp_path, capsys):
    with library_with_pdf as library:
        [entry] = library.documents()
        library.add_bookmark(entry.id, quote=ON_PAGE_3)
    data = str(tmp_path / "data")
    out = tmp_path / "out.docx"
    assert main(["--data-dir", data, "bookmarks", "export", "--format", "docx"]) == 2
    assert "-o" in capsys.readouterr().err
    assert (
        main(["--data-dir", data, "bookmarks", "export", "--format", "docx", "-o", str(out)]) == 0
    )
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(ON_PAGE_3 in text for text in texts)
    assert any(", p. 3\n" in text for text in texts)
