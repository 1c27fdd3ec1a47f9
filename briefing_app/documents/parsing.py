"""Pieces shared by the .txt and .md parsers: the parse result, sections, dates, titles."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.documents.model import DocumentKind, Section

HEADING = "heading"
PARAGRAPH = "paragraph"
FURNITURE = "furniture"

TITLE_MAX_CHARS = 120
SECTION_SEPARATOR = "\n\n"

DATE_PATTERN = r"\d{4}-\d{2}(?:-\d{2})?"
_DATE = re.compile(rf"({DATE_PATTERN})")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass(frozen=True)
class ParsedText:
    """Everything a document is, short of the file it came from."""

    title: str
    date: str | None
    kind: DocumentKind
    text: str
    markdown: str
    sections: tuple[Section, ...]
    source: str | None = None
    tags: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    page_starts: tuple[int, ...] = ()

    @property
    def furniture(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.sections if s.kind == FURNITURE)

    @property
    def searchable_text(self) -> str:
        return SECTION_SEPARATOR.join(s.text for s in self.sections if s.kind != FURNITURE)


def build_sections(blocks: Iterable[tuple[str, str]]) -> tuple[str, tuple[Section, ...]]:
    """Join (kind, text) blocks into the body text, recording each block's exact span."""
    sections: list[Section] = []
    parts: list[str] = []
    offset = 0
    for kind, block_text in blocks:
        if not block_text:
            continue
        if parts:
            parts.append(SECTION_SEPARATOR)
            offset += len(SECTION_SEPARATOR)
        parts.append(block_text)
        sections.append(Section(kind, block_text, offset, offset + len(block_text)))
        offset += len(block_text)
    return "".join(parts), tuple(sections)


def split_paragraphs(text: str) -> list[str]:
    """Blocks separated by blank (or whitespace-only) lines, trailing spaces trimmed."""
    blocks = []
    for chunk in _BLANK_LINES.split(text.strip("\n")):
        lines = [line.rstrip() for line in chunk.split("\n")]
        block = "\n".join(lines).strip("\n")
        if block.strip():
            blocks.append(block)
    return blocks


def parse_date(value: str) -> str | None:
    """ "YYYY-MM" or "YYYY-MM-DD" if it names a real month or day, else None."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    parts = [int(p) for p in match.group(1).split("-")]
    try:
        dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return None
    return match.group(1)


def trim_title(line: str, limit: int = TITLE_MAX_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word boundary when too long."""
    title = " ".join(line.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"
