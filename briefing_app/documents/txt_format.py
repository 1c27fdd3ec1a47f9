"""Plain-text press releases: ` date YYYY-MM Title`, then blank-line separated paragraphs."""

from __future__ import annotations

import re

from briefing_app.documents.furniture import mark_furniture
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import (
    DATE_PATTERN,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    ParsedText,
    build_sections,
    parse_date,
    split_paragraphs,
    trim_title,
)

HEADING_MAX_CHARS = 80

_HEADER = re.compile(rf"^\s*date\s+({DATE_PATTERN})(?:\s+(.*))?$", re.IGNORECASE)
# Sentences end like this; headings do not (a question is a common Dutch heading).
_SENTENCE_END = tuple(".:;,")
_CLOSING_QUOTES = "'\"’”»)"
# Markdown specials that would turn plain text into markup in the middle of a line.
_INLINE_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "&": "&amp;",
        "<": "&lt;",
    }
)
# Any of them: most lines of prose have none, and a regex search is ~10x cheaper than translate.
_NEEDS_INLINE_ESCAPE = re.compile(f"[{re.escape(''.join(map(chr, _INLINE_ESCAPES)))}]")
# Line starts that open a block construct (heading, quote, list, rule, fence).
_BLOCK_START = re.compile(r"^(?:[#>+\-=~|]|\d+[.)](?=\s|$))")


def parse_txt(text: str) -> ParsedText:
    """Parse a normalised .txt file: a press release if the header is there, else plain."""
    lines = text.lstrip("\n").split("\n", 1)
    header = _HEADER.match(lines[0]) if lines[0].strip() else None
    warnings: list[str] = []
    if header is None:
        body, kind, title, date = text, DocumentKind.PLAIN, "", None
    else:
        body, kind = (lines[1] if len(lines) > 1 else ""), DocumentKind.PRESS_RELEASE
        title = trim_title(header.group(2) or "", limit=300)
        date = parse_date(header.group(1))
        if date is None:
            warnings.append(f"impossible date {header.group(1)} in header")
    blocks = _classify(split_paragraphs(body))
    body_text, sections = build_sections(blocks)
    if not title:
        first_line = body_text.lstrip().split("\n", 1)[0]
        title = trim_title(first_line)
        if header is not None:
            warnings.append("no title in header; using the first line")
    if not title:
        warnings.append("no text after the header")
    return ParsedText(
        title=title,
        date=date,
        kind=kind,
        text=body_text,
        markdown=render_markdown(blocks),
        sections=sections,
        warnings=tuple(warnings),
    )


def _classify(paragraphs: list[str]) -> list[tuple[str, str]]:
    blocks = mark_furniture([(PARAGRAPH, p) for p in paragraphs])
    for index, (kind, block) in enumerate(blocks):
        following = blocks[index + 1 :]
        followed_by_content = any(k != FURNITURE for k, _ in following[:1])
        if kind == PARAGRAPH and followed_by_content and looks_like_heading(block):
            blocks[index] = (HEADING, block)
    return blocks


def looks_like_heading(block: str) -> bool:
    """One short line that does not end like a sentence or an introduction to a list."""
    if "\n" in block or len(block) > HEADING_MAX_CHARS:
        return False
    if not block[:1].isalnum():
        return False
    return not block.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_END)


def render_markdown(blocks: list[tuple[str, str]]) -> str:
    """The same content as Markdown that renders literally: headings as `##`."""
    rendered = []
    for kind, block in blocks:
        escaped = "\n".join(escape_markdown_line(line) for line in block.split("\n"))
        rendered.append(f"## {escaped}" if kind == HEADING else escaped)
    return "\n\n".join(rendered) + ("\n" if rendered else "")


def escape_markdown_line(line: str) -> str:
    """Escape one line of plain text so no Markdown renderer reads markup into it."""
    # Leading spaces would make an indented code block; they carry no meaning in prose.
    escaped = line.lstrip()
    if _NEEDS_INLINE_ESCAPE.search(escaped):
        escaped = escaped.translate(_INLINE_ESCAPES)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    marker = match.group(0)
    if marker[0].isdigit():  # "1. " would start an ordered list
        return marker[:-1] + "\\" + marker[-1] + escaped[len(marker) :]
    # An entity is understood by every renderer, unlike a backslash before "=" or "~".
    return f"&#{ord(marker)};" + escaped[1:]
