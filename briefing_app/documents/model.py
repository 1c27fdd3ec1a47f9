from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class DocumentKind(StrEnum):
    PRESS_RELEASE = "press_release"  # .txt with a ` date YYYY-MM Title` first line
    BRIEFING_NOTE = "briefing_note"  # .md with front matter or a `# heading`
    PLAIN = "plain"  # .txt or .md without any header
    PDF = "pdf"
    WORD = "word"  # .docx
    WEB_PAGE = "web_page"  # .html / .htm saved from a browser
    EMAIL = "email"  # .eml


@dataclass(frozen=True)
class Section:
    """A block of the body: a heading or a paragraph, with its span in `Document.text`."""

    kind: str  # "heading" | "paragraph" | "furniture"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One source file, read and normalised (NFC, `\\n` line endings)."""

    path: Path  # absolute, resolved
    title: str
    date: str | None  # "YYYY-MM" or "YYYY-MM-DD"; None when unknown
    language: str  # ISO 639-1 ("nl", "en", ...) or "und"
    kind: DocumentKind
    # The readable body as plain text: paragraphs separated by blank lines, headings on
    # their own line. The title/front matter is not part of it. Offsets into this string
    # (Unicode code points) are what search snippets and bookmarks refer to.
    text: str
    # The body as Markdown, for rendering (for .txt files an escaped equivalent of `text`).
    markdown: str
    content_hash: str  # sha256 hex of the raw file bytes
    size: int  # bytes on disk
    mtime: float
    source: str | None = None
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    # Page furniture kept readable but out of snippets: photo credits, "Documenten" lists.
    furniture: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # Paginated sources (PDF): the offset in `text` where each page starts, page 1 first.
    # Empty for documents without pages. The file is re-read when a document is opened, so
    # the pages come with it; the catalog does not store them.
    page_starts: tuple[int, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """The 1-based page that holds `offset` in `text`; 0 for a document without pages."""
        if not self.page_starts:
            return 0
        return max(1, bisect_right(self.page_starts, offset))

    @property
    def searchable_page_starts(self) -> tuple[int, ...]:
        """`page_starts` in `searchable_text`: where each page's searched text starts (a
        page with none starts where the next text does). Search hits name their page by it."""
        if not self.page_starts or not self.furniture:
            return self.page_starts
        starts: list[int] = []
        offset = 0
        for section in self.sections:
            if section.kind == "furniture":
                continue
            page = self.page_of(section.start)
            while len(starts) < page:
                starts.append(offset)
            offset += len(section.text) + 2  # the "\n\n" that joins sections
        while len(starts) < len(self.page_starts):
            starts.append(max(0, offset - 2))
        starts[0] = 0
        return tuple(starts)

    @property
    def searchable_text(self) -> str:
        """The body without page furniture: what search indexes and snippets quote."""
        if not self.furniture:
            return self.text
        parts = [s.text for s in self.sections if s.kind != "furniture"]
        return "\n\n".join(parts) if parts else self.text
