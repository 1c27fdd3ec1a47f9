"""Reading source files into documents. No Qt, no index: plain data in, plain data out."""

from briefing_app.documents.errors import DocumentError
from briefing_app.documents.model import Document, DocumentKind
from briefing_app.documents.readers import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    read_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "DocumentError",
    "DocumentKind",
    "read_document",
]
