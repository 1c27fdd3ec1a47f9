"""PDF, Word, web pages and e-mail (issue #21, items 1-4): read into documents, and found by a
phrase search after import, page furniture left out of what is searched.

The real files are the 11 PDFs and 3 web pages in ../shared/data/real/formats/; two of the
PDFs and the three pages are copied into tests/data/formats/ (so a plain clone runs these
tests), the rest skip where ../shared is absent. The Word and e-mail files are the project's
own, written by scripts/make_format_test_files.py; so is the OpenDocument file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_app.documents import Document, DocumentError, DocumentKind, read_document
from briefing_app.library import Library
from briefing_app.search import SearchRequest
from tests.conftest import DATA, SHARED

FORMATS = DATA / "formats"
SHARED_FORMATS = SHARED / "data" / "real" / "formats"
FOOTER = "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"


@dataclass(frozen=True)
class Expected:
    name: str
    title: str  # the start of the title
    date: str
    pages: int  # 0: not paginated
    phrase: str  # a sentence from the middle of the document
    phrase_page: int = 0


PDFS = [
    Expected("00fe7edd-24c8-4857-98da-774ed3b06836.pdf", "Antwoord op vragen van de leden Mutluer en Kostic over Kritiek op besluit provincie Friesland", "2024-03-25", 2, "mening dat regenboogprovincies in het kader van de", 2),
    Expected("01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf", "Antwoord op vragen van de leden Sneller, Chakor, Van Nispen over Juridische analyse(s)", "2024-06-07", 1, "bereid bent een van deze analyses met de", 1),
    Expected("1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf", "Antwoord op vragen van het lid Westerveld over hulp aan jongeren", "2024-08-12", 6, "adviseert om een onderzoeksagenda op te stellen", 3),
    Expected("1b0f0b98-7c34-418c-98dc-43de7930e685.pdf", "Antwoord op vragen van de leden Hirsch en Teunissen over exportkredietverzekeringen", "2024-05-21", 6, "met de ontvoering van activisten Jhed Tamano en", 4),
    Expected("1b2d2126-a21e-4c3e-9b18-42206b4cc791.pdf", "Antwoord op vragen van het lid Van der Lee over rekeninggluren over “rekeninggluren", "2024-08-29", 3, "vaak ook een eigen gedragscode, die voorschrijft dat", 2),
    Expected("1b62ee8d-e406-4042-b7f5-7e235f7bd1c0.pdf", "Antwoord op vragen van het lid Van Zanten over de reactie op de motie", "2024-04-05", 4, "dat deze code in het licht van het", 2),
    Expected("1b922783-f576-4df5-a031-ad0063d2afd4.pdf", "Antwoord op vragen van het lid Crijns over het bericht 'Aanbieders jeugdzorg", "2024-08-30", 3, "in de jeugdhulp, waaronder de brancheorganisaties voor jeugdzorgaanbieders", 2),
    Expected("1bca1484-2edb-43d1-913f-de5022c9a02b.pdf", "Antwoord op van de leden Bushoff en Patijn over het bericht ‘Erkenning van longcovid", "2024-08-22", 5, "post-COVID ervaren mensen met andere «moeilijk objectiveerbare» aandoeningen", 3),
    Expected("1c0f765c-d7b4-455e-a241-35a4e9a9dc36.pdf", "Antwoord op vragen van lid Sneller over ‘Quantumproof encryptie’", "2024-03-07", 5, "kunnen worden getroffen om wijzigingen voor te bereiden", 3),
    Expected("1c83f4f5-0047-4b11-8051-e11def445937.pdf", "Antwoord op vragen van het lid Van Eijk en Aartsen over het bericht van de Hoge Raad", "2024-06-14", 4, "onder oude wetgeving (tot en met 2021) vrijgesteld", 2),
    Expected("1dac45ca-7591-47a6-877d-9b549c18500a.pdf", "Antwoord op vragen van het lid Inge van Dijk over het bericht 'Ombudsman", "2024-01-26", 4, "in 2024 in gebruik genomen. Gestart wordt met", 2),
]  # fmt: skip
PAGES = [
    Expected("troonrede-2015.htm", "Troonrede 2015", "2015-09-15", 0, "niet alleen een zaak van de overheid, maar"),
    Expected("press-release_20190712IPR56948.html", "Venezuela: European Parliament calls for additional sanctions", "2019-07-18", 0, "ongoing facilitated process led by Norway to find"),
    Expected("press-release_20221014IPR43206.html", "Car-recharging stations should be available every 60 km, say MEPs", "2022-10-19", 0, "their position on draft EU rules on the"),
]  # fmt: skip


def _path(expected: Expected) -> Path:
    """The tests' own copy, else the original in ../shared (or a skip)."""
    own = FORMATS / expected.name
    if own.exists():
        return own
    folder = "pdf" if expected.name.endswith(".pdf") else "html"
    original = SHARED_FORMATS / folder / expected.name
    if not original.exists():
        pytest.skip(f"{original} is not available beside the checkout")
    return original


def _available(expected: list[Expected]) -> list[Path]:
    paths = [FORMATS / e.name for e in expected]
    paths += [SHARED_FORMATS / "pdf" / e.name for e in expected]
    paths += [SHARED_FORMATS / "html" / e.name for e in expected]
    found = {path.name: path for path in reversed(paths) if path.exists()}
    return list(found.values())


def assert_sections_consistent(doc: Document) -> None:
    for section in doc.sections:
        assert doc.text[section.start : section.end] == section.text
    assert doc.text == "\n\n".join(s.text for s in doc.sections)


# --- PDF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("expected", PDFS, ids=lambda e: e.name[:8])
def test_pdf_reads_title_date_pages_and_text(expected: Expected) -> None:
    doc = read_document(_path(expected))
    assert doc.kind is DocumentKind.PDF
    assert doc.title.startswith(expected.title)
    assert doc.date == expected.date
    assert doc.language == "nl"
    assert doc.page_count == expected.pages
    assert doc.page_starts[0] == 0
    assert list(doc.page_starts) == sorted(doc.page_starts)
    assert_sections_consistent(doc)
    # The sentence from the middle: hyphenation undone, lines rejoined, on its page.
    offset = doc.text.index(expected.phrase)
    assert doc.page_of(offset) == expected.phrase_page
    assert expected.phrase in doc.searchable_text
    # The running footer is readable but not searched; so are the page numbers.
    assert FOOTER in doc.text
    assert FOOTER not in doc.searchable_text
    assert "ISSN 0921 - 7398" not in doc.searchable_text
    if expected.pages > 1:  # a page of its own has no number
        assert {str(page) for page in range(1, expected.pages + 1)} <= set(doc.furniture)
    # One footer a page, each after its page's text (a page's own, or the next page's when a
    # paragraph runs on over the break and the footer follows the whole paragraph).
    footers = [s for s in doc.sections if s.text == FOOTER]
    assert len(footers) == expected.pages
    for number, footer in enumerate(footers, 1):
        assert doc.page_of(footer.start) in (number, number + 1)


def test_pdf_paragraphs_headings_and_hyphenation() -> None:
    doc = read_document(_path(PDFS[2]))
    headings = [s.text for s in doc.sections if s.kind == "heading"]
    assert "Vraag 1" in headings and "Antwoord 12" in headings
    # "laagdrempe-" + "lig" at a line end; "K-" + "EET" keeps its hyphen.
    assert "het laagdrempelig delen van kennis" in doc.text
    assert "laagdrempe-" not in doc.text
    assert "K-EET" in doc.text and "K- EET" not in doc.text
    # A paragraph break inside one text box: the short line ending a sentence.
    assert "\n\nMet behulp van K-EET zijn acht bovenregionale" in doc.text
    # A list number set apart from its item is put back in front of it.
    assert "\n\n2. Specifieke adviezen van de Gezondheidsraad" in doc.text
    # A paragraph that runs on over a page break is one paragraph, its pages exact.
    offset = doc.text.index("ggz-instellingen houdt zich specifiek bezig met onderzoek")
    assert doc.page_of(offset) == 3
    assert doc.page_of(doc.text.index("specifiek bezig", offset)) == 4
    assert doc.text.index("specifiek bezig", offset) == doc.page_starts[3]
    # Footnotes are text (searched), not headings.
    note = next(s for s in doc.sections if s.text.startswith("1 Staatssecretaris Blokhuis"))
    assert note.kind == "paragraph"
    assert doc.page_of(note.start) == 1


def test_page_of_maps_offsets_to_pages() -> None:
    doc = read_document(_path(PDFS[2]))
    assert doc.page_of(0) == 1
    for number, start in enumerate(doc.page_starts, 1):
        assert doc.page_of(start) == number
        if start:
            assert doc.page_of(start - 1) == number - 1
    assert doc.page_of(len(doc.text)) == doc.page_count
    assert read_document(FORMATS / "persbericht-fregat.eml").page_of(10) == 0


def _pdf(content: bytes, extra_objects: bytes = b"") -> bytes:
    """A minimal one-page PDF whose page draws `content`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_minimal_pdf_reads(tmp_path: Path) -> None:
    path = tmp_path / "kort.pdf"
    path.write_bytes(_pdf(b"BT /F1 12 Tf 72 700 Td (Den Haag, 3 mei 2021. Een korte brief.) Tj ET"))
    doc = read_document(path)
    assert doc.text == "Den Haag, 3 mei 2021. Een korte brief."
    assert (doc.date, doc.page_starts) == ("2021-05-03", (0,))


def _encrypted_pdf() -> bytes:
    """A PDF locked with a user password (Standard security handler, RC4): the empty
    password does not open it."""
    locked = (
        b"/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32
        + b"> /U <" + b"22" * 32 + b"> /P -4 >> /ID [<00112233445566778899aabbccddeeff>"
        b"<00112233445566778899aabbccddeeff>] >>"
    )  # fmt: skip
    return _pdf(b"BT /F1 12 Tf 72 700 Td (Geheim) Tj ET").replace(b"/Root 1 0 R >>", locked)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_pdf(b"0 0 m 100 100 l S"), "no text layer (scanned?)"),
        (_encrypted_pdf(), "encrypted PDF"),
        (b"%PDF-1.4\nthis is not a PDF at all\n", "damaged PDF"),
        (_pdf(b"BT /F1 12 Tf 72 700 Td (Tekst) Tj ET")[:200], "damaged PDF"),
    ],
    ids=["no-text", "encrypted", "garbage", "truncated"],
)
def test_bad_pdfs_are_refused_with_one_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.reason.startswith(reason)
    assert "\n" not in caught.value.reason


# --- HTML --------------------------------------------------------------------------------


@pytest.mark.parametrize("expected", PAGES, ids=lambda e: e.name[:24])
def test_web_page_reads_the_article_with_its_metadata(expected: Expected) -> None:
    doc = read_document(_path(expected))
    assert doc.kind is DocumentKind.WEB_PAGE
    assert doc.title == expected.title  # the site's name is trimmed off
    assert doc.date == expected.date
    assert doc.page_count == 0
    assert expected.phrase in doc.searchable_text
    assert_sections_consistent(doc)
    # Navigation, cookie banners and scripts are gone.
    for junk in ("cookie", "function(", "Skip to", "Ga direct naar", "{"):
        assert junk not in doc.text


def test_web_page_keeps_headings_and_lists() -> None:
    doc = read_document(_path(PAGES[1]))
    assert doc.language == "en"
    assert doc.source == "europarl.europa.eu"
    headings = [s.text for s in doc.sections if s.kind == "heading"]
    assert "Additional sanctions" in headings
    assert "## Additional sanctions" in doc.markdown
    assert "- Full support “for legitimate interim president Juan Guaidó”" in doc.text
    troonrede = read_document(_path(PAGES[0]))
    assert troonrede.source == "Ministerie van Algemene Zaken"
    assert troonrede.text.startswith("Op 15 september 2015 opende Koning Willem-Alexander")


# --- Word --------------------------------------------------------------------------------


def test_docx_with_real_properties() -> None:
    doc = read_document(FORMATS / "notitie-drinkwater.docx")
    assert doc.kind is DocumentKind.WORD
    assert doc.title == "Notitie over drinkwaterzekerheid in Zeeland"
    assert doc.date == "2024-03-14"
    assert doc.source == "Directie Water en Bodem"
    assert doc.language == "nl"
    assert_sections_consistent(doc)
    # The Title-style paragraph is the title, not the first line of the body.
    assert doc.text.startswith("Deze notitie beschrijft")
    headings = [s.text for s in doc.sections if s.kind == "heading"]
    assert headings == ["Aanleiding", "Cijfers per gemeente"]
    assert "## Aanleiding" in doc.markdown and "### Cijfers per gemeente" in doc.markdown
    assert "- een tijdelijke leiding vanuit Brabant;" in doc.text
    assert "Schouwen-Duiveland | 4.100.000 | 4.650.000" in doc.text
    assert "| Gemeente | Verbruik 2023 (m³) | Verbruik 2024 (m³) |\n| --- | --- | --- |" in (
        doc.markdown
    )
    assert "[1] Brief van het waterbedrijf aan de provincie, 22 augustus 2023." in doc.text


def test_docx_with_template_properties_takes_title_and_date_from_the_text() -> None:
    doc = read_document(FORMATS / "verslag-template-defaults.docx")
    assert doc.title == "Verslag van het overleg over de Noordzeevisserij"
    assert doc.date == "2023-10-03"  # "Den Haag, 3 oktober 2023", not the template's date
    assert doc.source is None  # not "python-docx"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "damaged Word file"),
        (b"just text", "damaged Word file"),
    ],
)
def test_bad_docx_is_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=reason):
        read_document(path)


def test_docx_that_unpacks_too_large_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (201 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match="unpacks to more than 200 MB"):
        read_document(path)


# --- OpenDocument ------------------------------------------------------------------------


def test_odt_reads_like_word() -> None:
    doc = read_document(FORMATS / "windparken.odt")
    assert doc.kind is DocumentKind.WORD
    assert (doc.title, doc.date, doc.source) == (
        "Stand van zaken windparken op zee",
        "2023-11-20",
        "Directie Energie",
    )
    assert_sections_consistent(doc)
    # The opening heading is the title; the footnote is taken out of its sentence.
    assert doc.text.startswith(
        "Het kabinet houdt vast aan 21 gigawatt windvermogen op zee in 2032. De"
    )
    assert [s.text for s in doc.sections if s.kind == "heading"] == ["Planning"]
    assert "- kavels Nederwiek in 2026." in doc.text
    assert "IJmuiden Ver | 4" in doc.text
    assert "| Gebied | Gigawatt |" in doc.markdown
    assert doc.text.endswith("[1] Kamerbrief Windenergie op zee, 12 juni 2023.")


def test_bad_odt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.odt"
    path.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(DocumentError, match="damaged OpenDocument file"):
        read_document(path)


# --- e-mail ------------------------------------------------------------------------------


def test_plain_email() -> None:
    doc = read_document(FORMATS / "persbericht-fregat.eml")
    assert doc.kind is DocumentKind.EMAIL
    assert doc.title == "Persbericht: marineschip vertrekt naar de Rode Zee"
    assert doc.date == "2024-02-09"
    assert doc.source == "Persvoorlichting Defensie <pers@example.nl>"
    assert doc.text.startswith("Het luchtverdedigingsfregat vertrekt maandag uit Den Helder")
    assert doc.warnings == ("attachment not imported: factsheet-fregat.pdf",)
    assert_sections_consistent(doc)


def test_html_email_is_cleaned_like_a_page() -> None:
    doc = read_document(FORMATS / "newsletter-raw-materials.eml")
    assert doc.title == "Council agrees position on critical raw materials"
    assert doc.date == "2024-01-30"
    assert doc.language == "en"
    assert "Strategic projects" in [s.text for s in doc.sections if s.kind == "heading"]
    assert "speeds up permits for strategic projects" in doc.text
    assert "Unsubscribe" not in doc.text
    assert doc.warnings == ()


def test_not_an_email_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.eml"
    path.write_bytes(b"\x00\x01 nothing here")
    with pytest.raises(DocumentError, match="not an e-mail message"):
        read_document(path)


# --- in a library ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("formats")
    for path in [
        *_available(PDFS),
        *_available(PAGES),
        *FORMATS.glob("*.docx"),
        *FORMATS.glob("*.odt"),
        *FORMATS.glob("*.eml"),
    ]:
        (folder / path.name).write_bytes(path.read_bytes())
    with Library(tmp_path_factory.mktemp("data")) as lib:
        report = lib.import_paths([folder])
        assert report.failed == []
        yield lib


def _phrase_hits(library: Library, phrase: str) -> set[str]:
    results = library.search(SearchRequest(query=f'"{phrase}"', collapse=False, limit=50))
    return {Path(hit.path).name for hit in results.hits}


@pytest.mark.parametrize("expected", PDFS + PAGES, ids=lambda e: e.name[:24])
def test_a_sentence_from_the_middle_is_found_by_phrase(
    library: Library, expected: Expected
) -> None:
    _path(expected)  # skips where the file is not available
    assert expected.name in _phrase_hits(library, expected.phrase)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("drinkwatervoorziening in Zeeland", "notitie-drinkwater.docx"),
        ("Schouwen-Duiveland", "notitie-drinkwater.docx"),
        ("Brief van het waterbedrijf aan de provincie", "notitie-drinkwater.docx"),
        ("gesloten gebieden voor de boomkorvisserij", "verslag-template-defaults.docx"),
        ("kavels Nederwiek", "windparken.odt"),
        ("koopvaardijschepen beschermen tegen aanvallen", "persbericht-fregat.eml"),
        ("speeds up permits for strategic projects", "newsletter-raw-materials.eml"),
    ],
)
def test_word_and_email_text_is_found(library: Library, phrase: str, name: str) -> None:
    assert name in _phrase_hits(library, phrase)


def test_a_phrase_over_a_page_break_is_found(library: Library) -> None:
    _path(PDFS[2])
    assert PDFS[2].name in _phrase_hits(library, "houdt zich specifiek bezig met onderzoek")


def test_headers_and_footers_are_not_searched_nor_in_snippets(library: Library) -> None:
    # The colophon and the running footer are furniture on every page.
    assert _phrase_hits(library, "ISSN 0921") == set()
    results = library.search(SearchRequest(query="Aanhangsel", limit=50, collapse=False))
    assert results.hits
    for hit in results.hits:
        assert "vergaderjaar 2023–2024, <mark>Aanhangsel</mark>" not in hit.snippet
        assert "ISSN" not in hit.snippet


def test_an_opened_pdf_has_its_pages(library: Library) -> None:
    """The reader re-reads the file, so the pages come with it (the catalog keeps none)."""
    results = library.search(SearchRequest(query=f'"{PDFS[2].phrase}"', collapse=False))
    (hit,) = results.hits
    opened = library.open_document(hit.id)
    assert opened.document is not None
    assert opened.document.page_count == 6
    assert opened.document.page_of(opened.document.text.index(PDFS[2].phrase)) == 3


# --- the copies --------------------------------------------------------------------------


def test_the_copies_are_the_originals_where_those_are_present() -> None:
    copies = sorted(FORMATS.glob("*.pdf")) + sorted(FORMATS.glob("*.htm*"))
    assert len(copies) == 5
    for copy in copies:
        folder = "pdf" if copy.suffix == ".pdf" else "html"
        original = SHARED_FORMATS / folder / copy.name
        if original.exists():
            assert copy.read_bytes() == original.read_bytes(), copy.name
