"""Write the project's own Word, OpenDocument and e-mail test files into tests/data/formats/.

    .venv/bin/python scripts/make_format_test_files.py

The files are committed; run this again only to change them (the tests name their contents).
The texts are written for the project. python-docx cannot write footnotes, so the one
footnote is added to the package by hand (word/footnotes.xml, its relationship, its
content type and a reference in the text).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "formats"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # zip entry times, so the bytes do not change per run


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def briefing_note() -> bytes:
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Notitie over drinkwaterzekerheid in Zeeland"
    properties.author = "Directie Water en Bodem"
    properties.created = dt.datetime(2024, 3, 14, 9, 30)
    properties.modified = dt.datetime(2024, 3, 15, 16, 0)
    document.add_heading("Notitie over drinkwaterzekerheid in Zeeland", level=0)
    document.add_paragraph(
        "Deze notitie beschrijft de stand van de drinkwatervoorziening in Zeeland na de droge "
        "zomer. De provincie en het waterbedrijf hebben samen een plan opgesteld om de "
        "zoetwaterbel onder de duinen beter te beschermen."
    )
    document.add_heading("Aanleiding", level=1)
    paragraph = document.add_paragraph(
        "Het waterbedrijf meldde in augustus dat de vraag naar drinkwater boven de "
        "vergunde onttrekking uitkwam."
    )
    paragraph.add_run("FOOTNOTE")  # replaced by a footnote reference below
    document.add_paragraph("Maatregelen die nu lopen:")
    for item in (
        "extra metingen van het grondwaterpeil bij Haamstede;",
        "een tijdelijke leiding vanuit Brabant;",
        "voorlichting aan grootverbruikers in de landbouw.",
    ):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Cijfers per gemeente", level=2)
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        (
            ("Gemeente", "Verbruik 2023 (m³)", "Verbruik 2024 (m³)"),
            ("Schouwen-Duiveland", "4.100.000", "4.650.000"),
            ("Veere", "2.300.000", "2.710.000"),
        ),
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph(
        "De verantwoordelijke gedeputeerde wil de zoetwaterbel in de duinen sparen tot het najaar."
    )
    return _with_footnote(
        _save(document), "Brief van het waterbedrijf aan de provincie, 22 augustus 2023."
    )


def template_defaults() -> bytes:
    """Properties as python-docx's template leaves them: no title, a template author."""
    document = docx.Document()
    document.add_heading("Verslag van het overleg over de Noordzeevisserij", level=1)
    document.add_paragraph("Den Haag, 3 oktober 2023")
    document.add_paragraph(
        "Aanwezig waren de vertegenwoordigers van de vissersbonden en het ministerie. Het "
        "overleg ging over de gesloten gebieden voor de boomkorvisserij."
    )
    return _save(document)


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _with_footnote(package: bytes, note: str) -> bytes:
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{note}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:r><w:t>FOOTNOTE</w:t></w:r>", reference.encode())
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(_entry(info.filename), data)
        target.writestr(_entry("word/footnotes.xml"), footnotes.encode())
    return buffer.getvalue()


def _fixed_zip(package: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(_entry(info.filename), source.read(info))
    return buffer.getvalue()


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">Stand van zaken windparken op zee</text:h>
<text:p>Het kabinet houdt vast aan 21 gigawatt windvermogen op zee in 2032.<text:note \
text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>\
<text:note-body><text:p>Kamerbrief Windenergie op zee, 12 juni 2023.</text:p></text:note-body>\
</text:note> De netbeheerder legt de<text:s/>aansluitingen aan.</text:p>
<text:h text:outline-level="2">Planning</text:h>
<text:list><text:list-item><text:p>kavels IJmuiden Ver in 2024;</text:p></text:list-item>
<text:list-item><text:p>kavels Nederwiek in 2026.</text:p></text:list-item></text:list>
<table:table table:name="Vermogen"><table:table-row><table:table-cell><text:p>Gebied</text:p>\
</table:table-cell><table:table-cell><text:p>Gigawatt</text:p></table:table-cell>\
</table:table-row><table:table-row><table:table-cell><text:p>IJmuiden Ver</text:p>\
</table:table-cell><table:table-cell><text:p>4</text:p></table:table-cell></table:table-row>\
</table:table>
</office:text></office:body></office:document-content>
"""
ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>
<dc:title>Stand van zaken windparken op zee</dc:title><dc:creator>Directie Energie</dc:creator>
<meta:creation-date>2023-11-20T10:00:00</meta:creation-date></office:meta>
</office:document-meta>
"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" \
manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def opendocument() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", FIXED_TIME)  # first and stored, as ODF asks
        archive.writestr(mimetype, b"application/vnd.oasis.opendocument.text")
        archive.writestr(_entry("META-INF/manifest.xml"), ODT_MANIFEST.encode())
        archive.writestr(_entry("meta.xml"), ODT_META.encode())
        archive.writestr(_entry("content.xml"), ODT_CONTENT.encode())
    return buffer.getvalue()


def plain_message() -> bytes:
    message = EmailMessage()
    message["From"] = "Persvoorlichting Defensie <pers@example.nl>"
    message["To"] = "redactie@example.nl"
    message["Subject"] = "Persbericht: marineschip vertrekt naar de Rode Zee"
    message["Date"] = format_datetime(
        dt.datetime(2024, 2, 9, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    )
    message["Message-ID"] = "<persbericht-2024-02-09@example.nl>"
    message.set_content(
        "Het luchtverdedigingsfregat vertrekt maandag uit Den Helder naar de Rode Zee.\n"
        "Het schip gaat daar koopvaardijschepen beschermen tegen aanvallen.\n\n"
        "De minister van Defensie zwaait de bemanning uit. Aan boord zijn ongeveer\n"
        "tweehonderd militairen.\n\n"
        "Noot voor de redactie: journalisten kunnen zich tot vrijdag aanmelden.\n"
    )
    message.add_attachment(
        b"%PDF-1.4\n% placeholder, not a real PDF\n",
        maintype="application",
        subtype="pdf",
        filename="factsheet-fregat.pdf",
    )
    return bytes(message)


def html_message() -> bytes:
    message = EmailMessage()
    message["From"] = "European Newsroom <newsroom@example.eu>"
    message["To"] = "subscriber@example.org"
    message["Subject"] = "Council agrees position on critical raw materials"
    message["Date"] = "Tue, 30 Jan 2024 14:05:00 +0100"
    message.set_content(
        "<html><head><title>Newsletter</title></head><body>"
        "<nav><a href='https://example.eu/'>Home</a> | <a href='#'>Unsubscribe</a></nav>"
        "<article><h1>Council agrees position on critical raw materials</h1>"
        "<p>Member states agreed on Tuesday on a common position on securing the supply of "
        "critical raw materials for the green and digital transition.</p>"
        "<h2>Strategic projects</h2>"
        "<p>The regulation sets benchmarks for extraction, processing and recycling inside the "
        "Union, and it speeds up permits for strategic projects.</p>"
        "<p>Negotiations with the European Parliament start next month.</p></article>"
        "<footer>You receive this newsletter because you subscribed.</footer>"
        "</body></html>",
        subtype="html",
    )
    return bytes(message)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "notitie-drinkwater.docx").write_bytes(briefing_note())
    (OUT / "verslag-template-defaults.docx").write_bytes(_fixed_zip(template_defaults()))
    (OUT / "windparken.odt").write_bytes(opendocument())
    (OUT / "persbericht-fregat.eml").write_bytes(plain_message())
    (OUT / "newsletter-raw-materials.eml").write_bytes(html_message())
    for path in sorted(OUT.glob("*.docx")) + sorted(OUT.glob("*.odt")) + sorted(OUT.glob("*.eml")):
        print(f"{path.relative_to(OUT.parent.parent.parent)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
