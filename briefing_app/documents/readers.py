"""One file in, one Document out, or a DocumentError with a one-line reason.

Every way a file can fail becomes a DocumentError, so an import can report the file
and carry on with the rest.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path

from briefing_app.documents.dates import first_date, own_date
from briefing_app.documents.decoding import NotTextError, decode_bytes, normalise_text
from briefing_app.documents.errors import DocumentError, FormatError
from briefing_app.documents.language import detect_language
from briefing_app.documents.limits import DEFAULT_MAX_BYTES
from briefing_app.documents.md_format import parse_md
from briefing_app.documents.model import Document
from briefing_app.documents.parsing import ParsedText
from briefing_app.documents.txt_format import parse_txt

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ParsedText",
    "parse_bytes",
    "parse_text",
    "read_document",
]

SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".docx", ".odt", ".html", ".htm", ".eml"}
)
# Files that are not text: each has a reader of its own that takes the raw bytes.
_BINARY_SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".html", ".htm", ".eml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def parse_text(raw: str, *, suffix: str) -> ParsedText:
    """Parse already decoded text as the given file type (".txt", ".md", ".markdown")."""
    text = normalise_text(raw)
    suffix = suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        parsed = parse_md(text)
    elif suffix == ".txt":
        parsed = parse_txt(text)
    else:
        raise ValueError(f"unsupported file type {suffix}")
    return parsed if parsed.date else replace(parsed, date=written_date(parsed))


# How far into an undated note its own date is looked for: its heading lines and lead.
_DATE_LEAD_CHARS = 400
_OWN_DATE_CHARS = 1500


def written_date(parsed: ParsedText) -> str | None:
    """The date an undated note writes for itself: in its title ("Overleg dinsdag 15
    september 2020"), after a cue near the start ("Den Haag, 3 mei 2021", "Datum: ..."), or
    in its first lines; None when it writes none there (a date further on is about
    something else)."""
    return (
        first_date(parsed.title)
        or own_date(parsed.text[:_OWN_DATE_CHARS])
        or first_date(parsed.text[:_DATE_LEAD_CHARS])
    )


def parse_bytes(raw: bytes, *, suffix: str) -> ParsedText:
    """Parse a file that is not plain text (PDF, Word, HTML, e-mail) from its bytes.

    The readers are imported here, when a file of their kind comes: their libraries take
    time to import, and a library of .txt files never needs them.
    """
    suffix = suffix.lower()
    if suffix == ".pdf":
        from briefing_app.documents.pdf_format import parse_pdf

        return parse_pdf(raw)
    if suffix == ".docx":
        from briefing_app.documents.docx_format import parse_docx

        return parse_docx(raw)
    if suffix == ".odt":
        from briefing_app.documents.odt_format import parse_odt

        return parse_odt(raw)
    if suffix in (".html", ".htm"):
        from briefing_app.documents.html_format import parse_html

        return parse_html(raw)
    if suffix == ".eml":
        from briefing_app.documents.eml_format import parse_eml

        return parse_eml(raw)
    raise ValueError(f"unsupported file type {suffix}")


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, decode and parse one file; any failure is a DocumentError with a short reason."""
    path = Path(path)
    try:
        resolved = path.resolve()
        info = resolved.stat()
    except OSError as error:
        raise DocumentError(path, _os_reason(error)) from error
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(resolved, "not a regular file")
    suffix = resolved.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise DocumentError(resolved, f"unsupported file type {shown}")
    if info.st_size == 0:
        raise DocumentError(resolved, "empty file")
    if info.st_size > max_bytes:
        raise DocumentError(resolved, _too_large(info.st_size, max_bytes))
    try:
        with resolved.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may grow between stat and read
    except OSError as error:
        raise DocumentError(resolved, _os_reason(error)) from error
    if len(raw) > max_bytes:
        raise DocumentError(resolved, _too_large(len(raw), max_bytes))
    if suffix in _BINARY_SUFFIXES:
        try:
            parsed = parse_bytes(raw, suffix=suffix)
        except FormatError as error:
            raise DocumentError(resolved, error.reason) from error
        warnings: tuple[str, ...] = ()
        if not parsed.text.strip():
            raise DocumentError(resolved, "no text")
    else:
        try:
            decoded = decode_bytes(raw)
        except NotTextError as error:
            raise DocumentError(resolved, error.reason) from error
        if not decoded.text.strip():
            raise DocumentError(resolved, "empty file")
        parsed = parse_text(decoded.text, suffix=suffix)
        warnings = decoded.warnings
    return Document(
        path=resolved,
        title=parsed.title,
        date=parsed.date,
        language=detect_language(f"{parsed.title}\n{parsed.searchable_text}"),
        kind=parsed.kind,
        text=parsed.text,
        markdown=parsed.markdown,
        content_hash=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        mtime=info.st_mtime,
        source=parsed.source,
        tags=parsed.tags,
        sections=parsed.sections,
        furniture=parsed.furniture,
        warnings=warnings + parsed.warnings,
        page_starts=parsed.page_starts,
    )


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, IsADirectoryError):
        return "not a regular file"
    detail = error.strerror or os.strerror(error.errno or errno.EIO)
    return f"cannot be read: {detail.lower()}"


def _too_large(size: int, limit: int) -> str:
    return f"larger than {_human_size(limit)} ({_human_size(size, precise=True)})"


def _human_size(size: int, *, precise: bool = False) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = f"{size / factor:.1f}"
            if not precise:
                value = value.removesuffix(".0")
            return f"{value} {unit}"
    return f"{size} bytes"
