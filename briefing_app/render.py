"""Markdown to HTML for the reader. The only module that imports markdown.

Documents are untrusted: raw HTML in them is escaped, never passed through.
"""

from __future__ import annotations

import html

import markdown
from markdown.extensions import Extension


class _EscapeRawHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text: str) -> str:
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", _EscapeRawHtml()], output_format="html"
    )
    # With raw HTML handling removed, '<' in the source reaches the output escaped.
    return converter.convert(text)


def render_plain(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
