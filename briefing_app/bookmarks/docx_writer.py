"""The briefing as a Word document (.docx, python-docx): the same sections, passages, notes and
citations as the Markdown briefing (bookmarks/export.py)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from briefing_app.bookmarks.citation import Citation
from briefing_app.bookmarks.export import (
    Cite,
    GroupBy,
    briefing_sections,
    generated_line,
)
from briefing_app.bookmarks.model import Bookmark, BookmarkStatus


def to_docx(
    bookmarks: Iterable[Bookmark],
    *,
    group_by: GroupBy = "document",
    title: str | None = None,
    entity_label: Callable[[str], str] | None = None,
    now: datetime | None = None,
    cite: Cite | None = None,
) -> bytes:
    """The briefing as the bytes of a .docx file: a title, a heading per group, each passage
    as a quote with its note and its citation (title, issuer, date, page, file)."""
    import docx  # python-docx loads lxml: only when a briefing is written
    from docx.shared import Pt

    items = list(bookmarks)
    moment = now or datetime.now(UTC)
    document = docx.Document()
    document.core_properties.title = title or "Briefing"
    document.core_properties.author = "Briefing"
    document.core_properties.created = moment.astimezone(UTC).replace(tzinfo=None)
    document.add_heading(title or "Briefing", level=0)
    document.add_paragraph().add_run(generated_line(len(items), moment)).italic = True
    for heading, members in briefing_sections(items, group_by, entity_label):
        document.add_heading(heading, level=1)
        for bookmark in members:
            for line in _lines(bookmark.quote):
                document.add_paragraph(line, style="Quote")
            for line in _lines(bookmark.note):
                document.add_paragraph(line)  # the note's Markdown, as written
            citation = (cite or Citation.of_bookmark)(bookmark)
            paragraph = document.add_paragraph("— ")
            for number, part in enumerate(citation.parts()):
                paragraph.add_run(", " if number else "")
                paragraph.add_run(part).italic = number == 0  # the title
            paragraph.add_run().add_break()
            path = paragraph.add_run(citation.path)
            path.font.size = Pt(8)
            extras = []
            if bookmark.tags:
                extras.append("Tags: " + ", ".join(bookmark.tags))
            if bookmark.status not in (BookmarkStatus.ANCHORED, BookmarkStatus.MOVED):
                extras.append(f"Status: {bookmark.status}")
            if extras:
                document.add_paragraph(" · ".join(extras))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _lines(text: str) -> list[str]:
    """Paragraphs of a quote or note: its non-blank lines, spaces made single. Control
    characters Word refuses (a document's stray form feed) become spaces."""
    cleaned = "".join(c if c in "\n\t" or c >= " " else " " for c in text)
    return [" ".join(line.split()) for line in cleaned.splitlines() if line.strip()]
