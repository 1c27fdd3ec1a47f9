"""Citing a passage: title, issuer, date, page (for documents with pages) and file.

One format for every output that quotes a passage: the window's "Copy with citation" (plain
text and HTML on the clipboard) and the briefing exports (Markdown, DOCX, PDF).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from briefing_app.bookmarks.model import Bookmark

DateText = Callable[[str], str]


@dataclass(frozen=True)
class Citation:
    """Where a passage comes from. `page` is 1-based; 0 when the document has no pages (or
    the page is not known)."""

    title: str
    path: str
    date: str | None = None  # "YYYY-MM" or "YYYY-MM-DD", as documents store it
    source: str | None = None  # the issuer: ministry, sender, publisher
    page: int = 0

    @classmethod
    def of_bookmark(
        cls, bookmark: Bookmark, *, source: str | None = None, page: int = 0
    ) -> Citation:
        return cls(bookmark.doc_title, bookmark.doc_path, bookmark.doc_date, source, page)

    @property
    def file_name(self) -> str:
        return PurePath(self.path).name

    @property
    def page_text(self) -> str:
        return f"p. {self.page}" if self.page > 0 else ""

    def parts(self, date_text: DateText | None = None) -> list[str]:
        """Title, issuer, date and page, those that are known, in citation order."""
        title = self.title.strip() or self.file_name
        date = (date_text or str)(self.date) if self.date else ""
        return [part for part in (title, (self.source or "").strip(), date, self.page_text) if part]

    def text(self, date_text: DateText | None = None) -> str:
        """ "Title, Issuer, 2018-04-12, p. 3" (no file)."""
        return ", ".join(self.parts(date_text))


def _paragraphs(quote: str) -> list[str]:
    """The quote's paragraphs (lines), each with its spaces made single."""
    paragraphs = (" ".join(line.split()) for line in quote.splitlines())
    return [p for p in paragraphs if p]


def quote_text(quote: str, citation: Citation, date_text: DateText | None = None) -> str:
    """The passage in quotation marks, then the citation and the file, as plain text:

    “The quote.”
    — Title, Issuer, 2018-04-12, p. 3
    /path/to/file.pdf
    """
    body = "\n\n".join(_paragraphs(quote))
    return f"“{body}”\n— {citation.text(date_text)}\n{citation.path}\n"


def quote_html(quote: str, citation: Citation, date_text: DateText | None = None) -> str:
    """The same as HTML: a blockquote, then the citation (the title in <cite>) and the file,
    linked. Everything from the document is escaped."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(quote))
    parts = citation.parts(date_text)
    cited = [f"<cite>{html.escape(parts[0])}</cite>"] + [html.escape(p) for p in parts[1:]]
    path = citation.path
    uri = Path(path).as_uri() if Path(path).is_absolute() else ""
    file_html = (
        f'<a href="{html.escape(uri, quote=True)}">{html.escape(path)}</a>'
        if uri
        else html.escape(path)
    )
    return (
        f"<blockquote>{paragraphs}</blockquote>"
        f"<p>— {', '.join(cited)}<br><small>{file_html}</small></p>"
    )
