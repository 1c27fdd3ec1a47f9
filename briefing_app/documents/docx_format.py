"""Word documents (.docx) by python-docx: paragraphs, headings, lists, tables, footnotes.

Headings are the paragraphs in a heading style (Heading n / Kop n, Title / Titel); list items
are paragraphs with list numbering or a list style, written "- item" (or "1. item" for a
numbered style); a table becomes one block whose lines are its rows, cells separated by
" | ", and a Markdown table for the reader. Footnotes follow the body, each "[n] text".
Title, author and date come from the document properties only when they are real: no
placeholder title ("Word Document", "Document1"), no template author, no template creation
date or today's date; else the Title-style paragraph or first heading, and a date line.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

from briefing_app.documents.dates import first_date, metadata_date, own_date
from briefing_app.documents.decoding import normalise_text
from briefing_app.documents.errors import FormatError
from briefing_app.documents.metadata import real_author, real_title
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import (
    HEADING,
    PARAGRAPH,
    SECTION_SEPARATOR,
    ParsedText,
    build_sections,
    trim_title,
)
from briefing_app.documents.txt_format import escape_markdown_line

# A .docx is a zip: refuse one that unpacks to more than this (a zip bomb).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|titel)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|lijst|opsomming", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|nummer", re.IGNORECASE)
# python-docx's own template says it was created then; no real document was.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(raw: bytes) -> ParsedText:
    import docx  # imported when a Word file comes: it takes a while

    _check_zip(raw)
    try:
        document = docx.Document(io.BytesIO(raw))
        blocks, markdown, style_title = _body(document)
        notes = _footnotes(document)
    except FormatError:
        raise
    except Exception as error:  # a broken package raises KeyError, BadZipFile, lxml errors...
        raise FormatError("damaged Word file") from error
    properties = document.core_properties
    created = _real_date(properties.created)
    return word_document_text(
        blocks,
        markdown,
        notes,
        title=real_title(properties.title) or style_title,
        date_of=lambda front: created or own_date(front) or first_date(front),
        source=real_author(properties.author),
    )


def word_document_text(
    blocks: list[tuple[str, str]],
    markdown: list[str],
    notes: Iterable[tuple[object, str]],
    *,
    title: str | None,
    date_of: Callable[[str], str | None],
    source: str | None,
) -> ParsedText:
    """A word processor's document (.docx, .odt) as a ParsedText: its footnotes after the
    body as "[n] text"; its title, else its first heading, else its first line; its date as
    `date_of` reads it from the opening text, with a warning when there is none."""
    for number, note in notes:
        blocks.append((PARAGRAPH, f"[{number}] {note}"))
        markdown.append(f"\\[{number}\\] {escape_markdown_line(note)}")
    text, sections = build_sections(blocks)
    if not text.strip():
        raise FormatError("no text")
    if title is None:
        title = next((t for kind, t in blocks if kind == HEADING), None)
    if title is None:
        title = text.lstrip().split("\n", 1)[0]
    date = date_of(SECTION_SEPARATOR.join(t for _, t in blocks)[:3000])
    return ParsedText(
        title=trim_title(title, limit=300),
        date=date,
        kind=DocumentKind.WORD,
        text=text,
        markdown="\n\n".join(markdown) + ("\n" if markdown else ""),
        sections=sections,
        source=source,
        warnings=() if date else ("no date found",),
    )


def _check_zip(raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise FormatError("damaged Word file (not a zip package)") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise FormatError(f"Word file unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")


def _real_date(value: object) -> str | None:
    if not isinstance(value, dt.datetime):
        return None
    if value.replace(tzinfo=None) == _TEMPLATE_CREATED or value.date() >= dt.date.today():
        return None
    return metadata_date(value)


def _body(document: Any) -> tuple[list[tuple[str, str]], list[str], str | None]:
    """(kind, text) blocks, their Markdown, and the Title-style paragraph (taken out)."""
    from docx.table import Table

    blocks: list[tuple[str, str]] = []
    markdown: list[str] = []
    style_title: str | None = None
    list_lines: list[str] = []
    list_markdown: list[str] = []

    def close_list() -> None:
        if list_lines:
            blocks.append((PARAGRAPH, "\n".join(list_lines)))
            markdown.append("\n".join(list_markdown))
            list_lines.clear()
            list_markdown.clear()

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            close_list()
            rows = _table_rows(item)
            if rows:
                blocks.append((PARAGRAPH, "\n".join(" | ".join(row) for row in rows)))
                markdown.append(markdown_table(rows))
            continue
        text = clean_text(item.text)
        if not text:
            close_list()
            continue
        style = (item.style.name if item.style is not None else "") or ""
        heading = _HEADING_STYLE.match(style)
        if _TITLE_STYLE.match(style) and style_title is None and not blocks:
            style_title = text
            continue
        if heading or _TITLE_STYLE.match(style):
            close_list()
            level = int(heading.group(1)) if heading else 1
            blocks.append((HEADING, text))
            markdown.append(f"{'#' * min(level + 1, 6)} {escape_markdown_line(text)}")
            continue
        if _is_list_item(item, style):
            marker = f"{len(list_lines) + 1}." if _NUMBERED_STYLE.search(style) else "-"
            list_lines.append(f"{marker} {text}")
            shown = f"{len(list_lines)}." if marker != "-" else "-"
            list_markdown.append(f"{shown} {escape_markdown_line(text)}")
            continue
        close_list()
        blocks.append((PARAGRAPH, text))
        markdown.append("\n".join(escape_markdown_line(line) for line in text.split("\n")))
    close_list()
    return blocks, markdown, style_title


def clean_text(text: str) -> str:
    lines = [" ".join(line.split()) for line in normalise_text(text).split("\n")]
    return "\n".join(line for line in lines if line)


def _is_list_item(paragraph: Any, style: str) -> bool:
    properties = paragraph._p.pPr  # python-docx has no public accessor for numbering
    numbered = properties is not None and properties.numPr is not None
    return numbered or bool(_LIST_STYLE.search(style))


def _table_rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated for every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(clean_text(cell.text).split()))
        if any(cells):
            rows.append(cells)
    return rows


def markdown_table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)

    def line(cells: list[str]) -> str:
        padded = [escape_markdown_line(c).replace("|", "\\|") for c in cells]
        padded += [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    return "\n".join([line(rows[0]), "|" + " --- |" * width, *map(line, rows[1:])])


def _footnotes(document: Any) -> list[tuple[str, str]]:
    """(number, text) of the document's footnotes, if it has any."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            break
    else:
        return []
    notes = []
    number = 0
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
        if text:
            number += 1
            notes.append((str(number), normalise_text(text)))
    return notes
