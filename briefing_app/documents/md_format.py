"""Markdown briefing notes: optional front matter, a `# title`, and a plain-text body.

The plain text comes from a small line-based reader and regex stripper rather than a
Markdown library: the body must map block by block onto sections, and only the common
subset (headings, emphasis, links, lists, quotes, code) occurs in briefing notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.documents.frontmatter import (
    FrontMatter,
    FrontMatterError,
    parse_front_matter,
    split_front_matter,
)
from briefing_app.documents.furniture import mark_furniture
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import (
    HEADING,
    PARAGRAPH,
    ParsedText,
    build_sections,
    parse_date,
    trim_title,
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^(\s*)[*+-][ \t]+")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^@>\s]+@[^@>\s]+\.[^@>\s]+)>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")


@dataclass
class _Block:
    kind: str  # "heading" | "paragraph" | "code" | "rule"
    lines: list[str]
    first_line: int  # index into the body's lines, to cut the title out of the Markdown
    last_line: int
    level: int = 0  # heading level


def parse_md(text: str) -> ParsedText:
    """Parse a normalised .md file into title, date, plain body and body Markdown."""
    warnings: list[str] = []
    front = FrontMatter()
    has_front_matter = False
    body = text
    try:
        split = split_front_matter(text)
        if split is not None:
            front = parse_front_matter(split[0])
            body, has_front_matter = split[1], True
    except FrontMatterError as error:
        warnings.append(f"{error}; read as text")

    date = None
    if "date" in front.values:
        date = parse_date(front.values["date"][:10])
        if date is None:
            warnings.append(f"impossible date {front.values['date']} in front matter")

    lines = body.split("\n")
    blocks = _read_blocks(lines)
    title = strip_inline(front.values.get("title", "")).strip()
    first = blocks[0] if blocks else None
    is_h1 = first is not None and first.kind == HEADING and first.level == 1
    if is_h1 and first is not None and (not title or _same(title, _heading_text(first))):
        title = title or _heading_text(first)
        blocks = blocks[1:]
        lines = lines[first.last_line + 1 :]
    elif not title:
        title = next((_heading_text(b) for b in blocks if b.kind == HEADING and b.level == 1), "")

    plain_blocks = mark_furniture([b for b in map(_to_plain, blocks) if b[1]])
    body_text, sections = build_sections(plain_blocks)
    kind = DocumentKind.BRIEFING_NOTE if (has_front_matter or title) else DocumentKind.PLAIN
    if not title:
        title = trim_title(body_text.lstrip().split("\n", 1)[0])
    return ParsedText(
        title=trim_title(title, limit=300),
        date=date,
        kind=kind,
        text=body_text,
        markdown="\n".join(lines).strip("\n") + "\n" if body_text else "",
        sections=sections,
        source=front.values.get("source") or None,
        tags=tuple(front.tags),
        warnings=tuple(warnings),
    )


def strip_inline(text: str) -> str:
    """Plain text of inline Markdown: emphasis, code, links and tags reduced to their words."""
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return f"\ue000{len(kept) - 1}\ue001"

    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    text = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip()), text)
    text = _HTML_COMMENT.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for pattern in (_STRONG, _STRONG, _EM_STAR, _EM_UNDERSCORE, _STRIKE):
        text = pattern.sub(lambda m: m.group(m.lastindex or 0), text)
    return _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], text)


def _read_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    fence = ""

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for number, line in enumerate(lines):
        if fence:
            assert current is not None
            current.lines.append(line)
            current.last_line = number
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
                close()
            continue
        fence_open = _FENCE.match(line)
        if fence_open:
            close()
            fence = fence_open.group(1)
            current = _Block("code", [line], number, number)
            continue
        if not line.strip():
            close()
            continue
        atx = _ATX.match(line)
        if atx:
            close()
            blocks.append(_Block(HEADING, [atx.group(2) or ""], number, number, len(atx.group(1))))
            continue
        setext = _SETEXT.match(line)
        # "Text" over "===" is a heading, but "---" under a list item is a rule.
        if (
            setext
            and current is not None
            and current.kind == PARAGRAPH
            and not _BULLET.match(current.lines[0])
        ):
            current.kind, current.level = HEADING, 1 if setext.group(1)[0] == "=" else 2
            current.last_line = number
            close()
            continue
        if _RULE.match(line):
            close()
            blocks.append(_Block("rule", [], number, number))
            continue
        if current is None:
            current = _Block(PARAGRAPH, [], number, number)
        current.lines.append(line)
        current.last_line = number
    close()
    return blocks


def _to_plain(block: _Block) -> tuple[str, str]:
    if block.kind == HEADING:
        return HEADING, _heading_text(block)
    if block.kind == "code":
        # Fence lines go, the code stays verbatim: it is what the note quotes.
        inner = block.lines[1:]
        if inner and _FENCE.match(inner[-1]):
            inner = inner[:-1]
        return PARAGRAPH, "\n".join(line.rstrip() for line in inner).strip("\n")
    if block.kind == "rule":
        return PARAGRAPH, ""
    plain_lines = []
    for line in block.lines:
        if _REFERENCE.match(line):
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        line = _BULLET.sub(r"\1- ", line)
        plain_lines.append(strip_inline(line).rstrip())
    return PARAGRAPH, "\n".join(plain_lines).strip("\n")


def _heading_text(block: _Block) -> str:
    return " ".join(strip_inline(line).strip() for line in block.lines).strip()


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
