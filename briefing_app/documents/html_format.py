"""Web pages saved from a browser: the article only, by trafilatura.

trafilatura drops navigation, cookie banners, share buttons, related links and scripts and
gives the article as Markdown (headings, lists, tables), which the Markdown reader then turns
into sections. It parses the saved bytes with lxml and never loads anything: no URL is given
to it, scripts are not run and images are not fetched. Title, date and publisher come from
the page's metadata (og:title, DCTERMS.*, article:published_time, JSON-LD, ...; the
rijksoverheid.nl fields are DCTERMS), the site's name trimmed off the title.
"""

from __future__ import annotations

import re

from briefing_app.documents.decoding import normalise_text
from briefing_app.documents.errors import FormatError
from briefing_app.documents.md_format import parse_md
from briefing_app.documents.metadata import real_author, real_title, strip_site_name
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import ParsedText, parse_date, trim_title

# A paragraph that is one bold line ("**Additional sanctions**") is the page's sub-heading.
_BOLD_LINE = re.compile(r"^\*\*([^*\n]{1,120})\*\*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# A heading inside a list item ("- ### Snježana KOBEŠĆAK Press Officer"): the item's text.
_LIST_HEADING = re.compile(r"^(\s*[-*+]\s+)#{1,6}\s+", re.MULTILINE)


def html_to_markdown(raw: bytes | str) -> tuple[str, dict[str, str | None]]:
    """The article of a page as Markdown, and its metadata (title, date, author, sitename)."""
    import trafilatura  # imported when a page comes: it takes a while

    try:
        extracted = trafilatura.extract_with_metadata(
            raw,
            output_format="markdown",
            include_formatting=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        raise FormatError("damaged HTML") from error
    if extracted is None or not (extracted.text or "").strip():
        raise FormatError("no article text found in the page")
    markdown = _FRONT_MATTER.sub("", extracted.text or "", count=1)
    markdown = _BOLD_LINE.sub(r"## \1", markdown)
    markdown = _LIST_HEADING.sub(r"\1", markdown)
    meta = {
        "title": extracted.title,
        "date": extracted.date,
        "author": extracted.author,
        "sitename": extracted.sitename,
    }
    return normalise_text(markdown), meta


def parse_html(raw: bytes) -> ParsedText:
    markdown, meta = html_to_markdown(raw)
    parsed = parse_md(markdown)
    warnings = list(parsed.warnings)
    title = real_title(meta["title"])
    title = strip_site_name(title) if title else parsed.title
    date = parse_date((meta["date"] or "")[:10]) if meta["date"] else None
    if date is None:
        warnings.append("no date in the page's metadata")
    source = real_author(meta["author"]) or real_author(meta["sitename"])
    return ParsedText(
        title=trim_title(title, limit=300),
        date=date,
        kind=DocumentKind.WEB_PAGE,
        text=parsed.text,
        markdown=parsed.markdown,
        sections=parsed.sections,
        source=source,
        warnings=tuple(warnings),
    )
