"""Markdown to HTML for the reader. The only module that imports markdown.

Documents are untrusted: raw HTML in them is escaped, never passed through.
"""

from __future__ import annotations

import html
import re

import markdown
from markdown.extensions import Extension

# Qt lays out a table row by row on the GUI thread (~6 ms a row): past this many rows the rest
# of a table is shown as plain text, so a hostile 3,000-row table cannot freeze the reader.
MAX_TABLE_ROWS = 80
_TABLE_LINE = re.compile(r"^\s*\|")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")


class _EscapeRawHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text: str) -> str:
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", _EscapeRawHtml()], output_format="html"
    )
    # With raw HTML handling removed, '<' in the source reaches the output escaped.
    return converter.convert(shorten_tables(text))


def shorten_tables(text: str, max_rows: int = MAX_TABLE_ROWS) -> str:
    """Tables longer than `max_rows` keep their first rows; the rest follows as a code block."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        is_table = (
            _TABLE_LINE.match(lines[i]) and i + 1 < len(lines) and _SEPARATOR.match(lines[i + 1])
        )
        if not is_table:
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and _TABLE_LINE.match(lines[end]):
            end += 1
        table = lines[i:end]
        header, rows = table[:2], table[2:]
        out += header + rows[:max_rows]
        if len(rows) > max_rows:
            rest = rows[max_rows:]
            out += ["", f"*{len(rest)} more rows of this table, as text:*", "", "```"]
            out += rest
            out += ["```"]
        i = end
    return "\n".join(out)


def render_document(markdown_text: str, text: str) -> str:
    """The reader's HTML for a document: its Markdown (press releases arrive as escaped Markdown
    with ## headings, notes as Markdown) when it has any, else its plain text."""
    return render_markdown(markdown_text) if markdown_text.strip() else render_plain(text)


def render_plain(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
