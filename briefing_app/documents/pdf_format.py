"""PDF with a text layer: pdfminer.six's layout analysis, then our own reading of it.

pdfminer gives text boxes and their lines with coordinates, in reading order. From those:
- running headers, footers and page numbers are recognised by repetition at the top or bottom
  of several pages (digits ignored, so "3" and "4" or "page 3 of 5" repeat), by a page number
  alone at a page's edge, and by small or large print in the bottom tenth of a page; they
  become furniture sections (readable, not searched);
- a box's lines are rejoined into paragraphs; a line ends a paragraph when it ends a sentence
  and the next line's first word would have fitted after it (so the line was cut short on
  purpose), when the next line starts a list item, or when the print size changes;
- hyphenation is undone ("verant-" + "woordelijk" = "verantwoordelijk") only when a line ends
  in letter-hyphen and the next starts in lower case; "Noord-" + "Holland" keeps its hyphen;
- a list marker ("1.", "•") set apart from its item is put back in front of it;
- one short line that does not end like a sentence, or larger print, is a heading.

Every page's text follows the previous page's, so `page_starts` holds the offset where each
page begins. A paragraph that runs on over a page break (no sentence end at the foot of the
page, lower case or a hyphenated word at the top of the next) is one paragraph, so a phrase
over the break is found; the page's footnotes and footer and the next page's header then
follow the whole paragraph, and so count as the next page's (the only place where a page
number is not the printed one). The page of body text is always exact.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from briefing_app.documents.dates import first_date, metadata_date, own_date
from briefing_app.documents.decoding import normalise_text
from briefing_app.documents.errors import FormatError
from briefing_app.documents.metadata import real_author, real_title
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import (
    FURNITURE,
    HEADING,
    PARAGRAPH,
    SECTION_SEPARATOR,
    ParsedText,
    build_sections,
    trim_title,
)
from briefing_app.documents.txt_format import escape_markdown_line, looks_like_heading

# Lines at each edge of a page that may be running headers or footers.
EDGE_LINES = 3
# Share of a page's height at the bottom where print of another size is a footer.
BOTTOM_BAND = 0.10
# A document with fewer letters than this per page has no real text layer.
MIN_LETTERS_PER_PAGE = 5
MAX_PAGES = 2000

_LIST_MARKER = re.compile(r"^(?:[•●▪■◦·∙‣○\-–—*]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[ivx]{1,4}[.)])$")
_LIST_START = re.compile(r"^(?:[•●▪■◦·∙‣○*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
# A dash starts a list item only after a sentence or another dash item: it also opens
# parenthetical remarks that run on from the line before.
_DASH_START = re.compile(r"^[-–—]\s")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.|pag\.?)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|van|\|)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
# A sentence (or a list's introduction) ends here; footnote numbers and quotes may follow.
_SENTENCE_END = re.compile(r"[.!?:;][\"'’”»)\]]*\d{0,3}$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u00ad]$")
_DIGITS = re.compile(r"\d+")
# A glyph the font does not map to a character; at the start of a line it is a bullet.
_UNMAPPED = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # the print size most of its characters have
    first_word_width: float
    space_width: float


@dataclass
class _Box:
    lines: list[_Line]


@dataclass
class _Page:
    height: float
    boxes: list[_Box]
    furniture: set[int] = field(default_factory=set)  # ids of furniture lines


@dataclass
class _Block:
    kind: str
    text: str
    page: int
    size: float
    top: bool = False  # furniture at the top of a page (a header) rather than the bottom
    # A paragraph continued over page breaks: (offset in `text`, page) where each next page
    # begins.
    splits: list[tuple[int, int]] = field(default_factory=list)


def parse_pdf(raw: bytes) -> ParsedText:
    """Read a PDF's text layer; a FormatError for encrypted, damaged or image-only files."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(raw)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise FormatError("encrypted PDF") from error
    except Exception as error:  # pdfminer raises many kinds of errors on a broken file
        raise FormatError("damaged PDF") from error
    info = _info(document)
    try:
        pages = _read_pages(document)
    except FormatError:
        raise
    except Exception as error:
        raise FormatError("damaged PDF") from error
    if not pages:
        raise FormatError("damaged PDF (no pages)")
    letters = sum(
        ch.isalpha()
        for page in pages
        for box in page.boxes
        for line in box.lines
        for ch in line.text
    )
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise FormatError("no text layer (scanned?)")

    body_size = _body_size(pages)
    _mark_furniture(pages, body_size)
    blocks = _blocks(pages, body_size)
    blocks = [block for block in _join_across_pages(blocks, len(pages)) if block.text]
    text, sections = build_sections((block.kind, block.text) for block in blocks)
    page_starts = _page_starts(blocks, [s.start for s in sections], len(pages))

    warnings: list[str] = []
    title = real_title(info.get("Title"))
    if title is None:
        subject = real_title(info.get("Subject"))
        if subject is not None and len(subject.split()) >= 3:
            title = subject
    if title is None:
        title = next(
            (b.text for b in blocks if b.kind == HEADING and any(c.isalpha() for c in b.text)),
            None,
        )
    if title is None:
        title = text.lstrip().split("\n", 1)[0]
    front = _front_text(blocks)
    date = own_date(front) or metadata_date(info.get("CreationDate")) or first_date(front)
    if date is None:
        warnings.append("no date found")
    return ParsedText(
        title=trim_title(title, limit=300),
        date=date,
        kind=DocumentKind.PDF,
        text=text,
        markdown=_markdown(blocks),
        sections=sections,
        source=real_author(info.get("Author")),
        warnings=tuple(warnings),
        page_starts=page_starts,
    )


def _info(document: PDFDocument) -> dict[str, str]:
    """The document information dictionary's text values."""
    values: dict[str, str] = {}
    for info in document.info:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                values[key] = decode_text(value)
            elif isinstance(value, str):
                values[key] = value
            elif isinstance(value, PSLiteral):
                values[key] = str(value.name)
    return values


def _read_pages(document: PDFDocument) -> list[_Page]:
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    for number, pdf_page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PAGES:
            raise FormatError(f"more than {MAX_PAGES} pages")
        interpreter.process_page(pdf_page)
        layout = device.get_result()
        pages.append(_page(layout))
    return pages


def _page(layout: LTPage) -> _Page:
    boxes = []
    for item in layout:
        if isinstance(item, LTTextBox):
            lines = [_line(line) for line in item if isinstance(line, LTTextLine)]
        elif isinstance(item, LTTextLine):
            lines = [_line(item)]
        else:
            continue
        lines = [line for line in lines if line.text]
        if lines:
            boxes.append(_Box(lines))
    page = _Page(height=layout.height or 1.0, boxes=boxes)
    _attach_list_markers(page)
    return page


def _line(line: LTTextLine) -> _Line:
    chars = [c for c in line if isinstance(c, LTChar)]
    text = " ".join(normalise_text(line.get_text()).split())
    if "(cid:" in text:
        text = _UNMAPPED.sub(
            "", _UNMAPPED.sub("•", text, count=1) if text.startswith("(cid:") else text
        )
        text = " ".join(text.split())
    sizes = Counter(round(c.size, 1) for c in chars if not c.get_text().isspace())
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    first_word_width = 0.0
    for char in chars:
        if char.get_text().isspace():
            if first_word_width:
                break
            continue
        first_word_width += char.width
    return _Line(
        text=text,
        x0=line.x0,
        x1=line.x1,
        y0=line.y0,
        y1=line.y1,
        size=size,
        first_word_width=first_word_width,
        space_width=max(size * 0.28, 1.0),
    )


def _attach_list_markers(page: _Page) -> None:
    """Put a list marker that stands apart ("1." left of its item) in front of its line."""
    all_lines = [line for box in page.boxes for line in box.lines]
    markers = [line for line in all_lines if _LIST_MARKER.match(line.text)]
    if not markers:
        return
    dropped: set[int] = set()
    for marker in markers:
        height = max(marker.y1 - marker.y0, 1.0)
        partners = [
            line
            for line in all_lines
            if line is not marker
            and id(line) not in dropped
            and not _LIST_MARKER.match(line.text)
            and 0 <= line.x0 - marker.x1 < 60
            and abs(line.y0 - marker.y0) < height * 0.5
        ]
        if partners:
            partner = min(partners, key=lambda line: line.x0)
            partner.text = f"{marker.text} {partner.text}"
            partner.x0 = marker.x0
            dropped.add(id(marker))
    for box in page.boxes:
        box.lines = [line for line in box.lines if id(line) not in dropped]
    page.boxes = [box for box in page.boxes if box.lines]


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for box in page.boxes:
            for line in box.lines:
                sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _edge_lines(page: _Page) -> tuple[list[_Line], list[_Line]]:
    lines = sorted((line for box in page.boxes for line in box.lines), key=lambda ln: -ln.y1)
    return lines[:EDGE_LINES], lines[-EDGE_LINES:]


def _edge_key(line: _Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.casefold().split()))


def _mark_furniture(pages: list[_Page], body_size: float) -> None:
    """Running headers and footers, page numbers, and odd print in the bottom band."""
    edges = [_edge_lines(page) for page in pages]
    seen_on: dict[str, set[int]] = {}
    for number, (top, bottom) in enumerate(edges):
        for line in (*top, *bottom):
            seen_on.setdefault(_edge_key(line), set()).add(number)
    repeated = {
        key
        for key, on in seen_on.items()
        if len(on) >= 2 and len(on) * 2 >= len(pages) and key.strip("# ")
    }
    for page, (top, bottom) in zip(pages, edges, strict=True):
        for line in (*top, *bottom):
            if _edge_key(line) in repeated or _PAGE_NUMBER.match(line.text):
                page.furniture.add(id(line))
        for box in page.boxes:
            for line in box.lines:
                in_band = line.y1 < page.height * BOTTOM_BAND
                if in_band and abs(line.size - body_size) > 0.5:
                    page.furniture.add(id(line))


def _right_edges(pages: list[_Page]) -> dict[int, float]:
    """For each left edge (rounded), the furthest right any line from there reaches."""
    edges: dict[int, float] = {}
    for page in pages:
        for box in page.boxes:
            left = round(min(line.x0 for line in box.lines) / 4)
            for line in box.lines:
                if id(line) not in page.furniture:
                    edges[left] = max(edges.get(left, 0.0), line.x1)
    return edges


def _blocks(pages: list[_Page], body_size: float) -> list[_Block]:
    right_edges = _right_edges(pages)
    blocks: list[_Block] = []
    for number, page in enumerate(pages):
        header: list[_Block] = []
        body: list[_Block] = []
        footer: list[_Block] = []
        for box in page.boxes:
            left = min(line.x0 for line in box.lines)
            right = max(right_edges.get(round(left / 4), 0.0), max(ln.x1 for ln in box.lines))
            paragraph: list[_Line] = []
            for line in box.lines:
                if id(line) in page.furniture:
                    top = line.y0 > page.height / 2
                    (header if top else footer).append(
                        _Block(FURNITURE, line.text, number, line.size, top=top)
                    )
                    continue
                if paragraph and _breaks(paragraph[-1], line, left, right):
                    body.append(_paragraph(paragraph, number))
                    paragraph = []
                paragraph.append(line)
            if paragraph:
                body.append(_paragraph(paragraph, number))
        blocks += header + _classify(body, body_size) + footer
    return blocks


def _breaks(line: _Line, following: _Line, left: float, right: float) -> bool:
    """Whether a paragraph ends between two lines of one text box."""
    if _LIST_START.match(following.text):
        return True
    if _DASH_START.match(following.text) and (
        _SENTENCE_END.search(line.text) or _DASH_START.match(line.text)
    ):
        return True
    if abs(line.size - following.size) > 1.0:
        return True
    room = right - line.x1
    fits = room > following.first_word_width + 2 * line.space_width
    if not fits:
        return False
    starts_anew = following.text[:1].isupper() or following.text[:1].isdigit()
    starts_anew = starts_anew or following.text[:1] in "\"'‘“«(["
    if _SENTENCE_END.search(line.text):
        return starts_anew
    short = line.x1 - left < 0.6 * (right - left)
    return short and starts_anew and not _HYPHENATED.search(line.text)


def _paragraph(lines: list[_Line], page: int) -> _Block:
    return _Block(PARAGRAPH, _join_lines([line.text for line in lines]), page, lines[0].size)


def _join_lines(lines: Iterable[str]) -> str:
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _HYPHENATED.search(text) and line[:1].islower():
            text = text[:-1] + line
        elif _HYPHENATED.search(text) and text[-1] == "-":
            text += line  # "Noord-" + "Holland", "K-" + "EET"
        else:
            text = f"{text} {line}"
    return text.replace("\u00ad", "")


def _classify(blocks: list[_Block], body_size: float) -> list[_Block]:
    for index, block in enumerate(blocks):
        followed = index + 1 < len(blocks)
        has_letters = any(c.isalpha() for c in block.text)
        if not (has_letters and followed) or block.size < body_size * 0.9:
            continue  # footnotes are never headings
        larger = block.size > body_size * 1.15 and len(block.text) <= 200
        if larger or (looks_like_heading(block.text) and not block.text.endswith(("?", "!"))):
            block.kind = HEADING
    return blocks


def _is_note(block: _Block, body_size: float) -> bool:
    """Small print: footnotes (and their wrapped lines), a colophon."""
    return block.size < body_size * 0.9


def _join_across_pages(blocks: list[_Block], pages: int) -> list[_Block]:
    """A paragraph that runs on over a page break becomes one: "... die zich" at the foot of
    page 3 and "specifiek bezig met ..." at the top of page 4 (so a phrase over the break is
    found). The page's footnotes and footer and the next page's header follow the whole
    paragraph; the paragraph records where the next page begins in it (`splits`)."""
    body_sizes = Counter(b.size for b in blocks if b.kind == PARAGRAPH).most_common(1)
    size = body_sizes[0][0] if body_sizes else 0.0
    out: list[_Block] = []
    carry: _Block | None = None  # the last paragraph of the page before, if it runs on
    for page in range(pages):
        group = [b for b in blocks if b.page == page]
        first = next((i for i, b in enumerate(group) if b.kind != FURNITURE), None)
        rest = group
        if carry is not None and first is not None and _continues(carry, group[first]):
            following = group[first]
            joined = _join_lines([carry.text, following.text])
            carry.splits.append((len(joined) - len(following.text), page))
            carry.text = joined
            out.extend(group[:first])  # the header, after the footer before it
            rest = group[first + 1 :]
        out.extend(rest)
        body = [b for b in rest if b.kind != FURNITURE and not _is_note(b, size)]
        if body:
            carry = body[-1]
        elif rest is group:
            carry = None
        if carry is not None and carry.kind != PARAGRAPH:
            carry = None
    return out


def _continues(paragraph: _Block, following: _Block) -> bool:
    if following.kind == FURNITURE or not following.text:
        return False
    if _SENTENCE_END.search(paragraph.text):
        return False
    if _LIST_START.match(following.text) or _DASH_START.match(following.text):
        return False
    return following.text[:1].islower() or bool(_HYPHENATED.search(paragraph.text))


def _page_starts(blocks: list[_Block], section_starts: list[int], pages: int) -> tuple[int, ...]:
    starts: list[int | None] = [None] * pages
    for block, start in zip(blocks, section_starts, strict=True):
        candidates = [(block.page, start), *((p, start + at) for at, p in block.splits)]
        for page, offset in candidates:
            current = starts[page]
            if current is None or offset < current:
                starts[page] = offset
    end = section_starts[-1] + len(blocks[-1].text) if blocks else 0
    result: list[int] = []
    following = end
    for value in reversed(starts):  # a page without text starts where the next one does
        following = value if value is not None else following
        result.append(following)
    result.reverse()
    return tuple(result)


def _front_text(blocks: list[_Block]) -> str:
    """The non-furniture text of the first page (or the first 3000 characters)."""
    front = [b.text for b in blocks if b.kind != FURNITURE and b.page == 0]
    text = SECTION_SEPARATOR.join(front)
    if len(text) < 200:
        text = SECTION_SEPARATOR.join(b.text for b in blocks if b.kind != FURNITURE)
    return text[:3000]


def _markdown(blocks: list[_Block]) -> str:
    rendered = []
    for block in blocks:
        line = escape_markdown_line(block.text)
        if block.kind == HEADING:
            rendered.append(f"## {line}")
        else:
            rendered.append(line)
    return "\n\n".join(rendered) + ("\n" if rendered else "")
