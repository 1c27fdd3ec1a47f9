"""OpenDocument text (.odt): the zip's content.xml and meta.xml, read with the standard
library (no extra dependency). The same blocks as a Word file: headings (text:h), paragraphs,
lists ("- item"), tables (rows as "cell | cell", a Markdown table for the reader), footnotes
after the body ("[n] text"); title, author and date from meta.xml when real, else from the
text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from briefing_app.documents.dates import first_date, metadata_date, own_date
from briefing_app.documents.docx_format import (
    MAX_UNPACKED_BYTES,
    clean_text,
    markdown_table,
    word_document_text,
)
from briefing_app.documents.errors import FormatError
from briefing_app.documents.metadata import real_author, real_title
from briefing_app.documents.parsing import (
    HEADING,
    PARAGRAPH,
    ParsedText,
)
from briefing_app.documents.txt_format import escape_markdown_line

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"


def parse_odt(raw: bytes) -> ParsedText:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FormatError(
                    f"OpenDocument file unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB"
                )
            content = ElementTree.fromstring(archive.read("content.xml"))
            names = set(archive.namelist())
            meta = ElementTree.fromstring(archive.read("meta.xml")) if "meta.xml" in names else None
    except FormatError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError) as error:
        raise FormatError("damaged OpenDocument file") from error
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise FormatError("not an OpenDocument text")
    notes: list[str] = []
    blocks: list[tuple[str, str]] = []
    markdown: list[str] = []
    for kind, text, shown in _walk(body, notes):
        blocks.append((kind, text))
        markdown.append(shown)
    title = real_title(_meta_value(meta, f"{_DC}title"))
    if blocks and blocks[0][0] == HEADING and (title is None or blocks[0][1] == title):
        title = blocks[0][1]  # the heading that opens the text is its title, as in Markdown
        del blocks[0], markdown[0]

    def meta_value(path: str) -> str | None:
        return _meta_value(meta, path)

    created = metadata_date(meta_value(f"{_META}creation-date") or meta_value(f"{_DC}date"))
    return word_document_text(
        blocks,
        markdown,
        enumerate(notes, 1),
        title=title or None,
        date_of=lambda front: created or own_date(front) or first_date(front),
        source=real_author(meta_value(f"{_DC}creator") or meta_value(f"{_META}initial-creator")),
    )


def _meta_value(meta: ElementTree.Element | None, path: str) -> str | None:
    element = meta.find(f"{_OFFICE}meta/{path}") if meta is not None else None
    return element.text if element is not None else None


def _walk(parent: ElementTree.Element, notes: list[str]) -> Iterator[tuple[str, str, str]]:
    """(kind, text, Markdown) per block, in document order."""
    for element in parent:
        if element.tag == f"{_TEXT}h":
            text = clean_text(_inline(element, notes))
            if text:
                level = int(element.get(f"{_TEXT}outline-level") or 1)
                yield HEADING, text, f"{'#' * min(level + 1, 6)} {escape_markdown_line(text)}"
        elif element.tag == f"{_TEXT}p":
            text = clean_text(_inline(element, notes))
            if text:
                shown = "\n".join(escape_markdown_line(line) for line in text.split("\n"))
                yield PARAGRAPH, text, shown
        elif element.tag == f"{_TEXT}list":
            items = [clean_text(" ".join(_item_texts(item, notes))) for item in _items(element)]
            items = [" ".join(item.split()) for item in items if item]
            if items:
                yield (
                    PARAGRAPH,
                    "\n".join(f"- {item}" for item in items),
                    "\n".join(f"- {escape_markdown_line(item)}" for item in items),
                )
        elif element.tag == f"{_TABLE}table":
            rows = []
            for row in element.iter(f"{_TABLE}table-row"):
                cells = [
                    " ".join(clean_text(" ".join(_item_texts(cell, notes))).split())
                    for cell in row.findall(f"{_TABLE}table-cell")
                ]
                if any(cells):
                    rows.append(cells)
            if rows:
                yield PARAGRAPH, "\n".join(" | ".join(r) for r in rows), markdown_table(rows)
        elif element.tag == f"{_TEXT}section":
            yield from _walk(element, notes)


def _items(list_element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """A list's items, nested lists' items after their parent's."""
    for item in list_element.findall(f"{_TEXT}list-item"):
        yield item
        for nested in item.findall(f"{_TEXT}list"):
            yield from _items(nested)


def _item_texts(element: ElementTree.Element, notes: list[str]) -> Iterator[str]:
    for child in element:
        if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            yield _inline(child, notes)


def _inline(element: ElementTree.Element, notes: list[str]) -> str:
    """The text of a paragraph: spans, links, spaces, tabs and line breaks; notes set aside."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c") or 1))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag == f"{_TEXT}note":
            body = child.find(f"{_TEXT}note-body")
            if body is not None:
                note = " ".join(" ".join(_item_texts(body, notes)).split())
                if note:
                    notes.append(note)
        else:
            parts.append(_inline(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)
