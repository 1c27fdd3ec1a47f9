"""One file in, one Document out, or a DocumentError with a one-line reason.

Every way a file can fail becomes a DocumentError, so an import can report the file
and carry on with the rest.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from briefing_app.documents.decoding import NotTextError, decode_bytes, normalise_text
from briefing_app.documents.errors import DocumentError
from briefing_app.documents.language import detect_language
from briefing_app.documents.md_format import parse_md
from briefing_app.documents.model import Document
from briefing_app.documents.parsing import ParsedText
from briefing_app.documents.txt_format import parse_txt

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ParsedText",
    "parse_text",
    "read_document",
]

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def parse_text(raw: str, *, suffix: str) -> ParsedText:
    """Parse already decoded text as the given file type (".txt", ".md", ".markdown")."""
    text = normalise_text(raw)
    suffix = suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return parse_md(text)
    if suffix == ".txt":
        return parse_txt(text)
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
    try:
        decoded = decode_bytes(raw)
    except NotTextError as error:
        raise DocumentError(resolved, error.reason) from error
    if not decoded.text.strip():
        raise DocumentError(resolved, "empty file")
    parsed = parse_text(decoded.text, suffix=suffix)
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
        warnings=decoded.warnings + parsed.warnings,
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
