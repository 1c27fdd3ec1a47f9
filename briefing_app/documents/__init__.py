"""Reading source files into documents. No Qt, no index: plain data in, plain data out."""

from typing import TYPE_CHECKING

from briefing_app.documents.limits import DEFAULT_MAX_BYTES
from briefing_app.lazy import lazy_attributes

if TYPE_CHECKING:
    from briefing_app.documents.errors import DocumentError
    from briefing_app.documents.model import Document, DocumentKind
    from briefing_app.documents.readers import SUPPORTED_SUFFIXES, read_document

# The readers load when first asked for: the command line's --help needs only the size limit.
__getattr__ = lazy_attributes(
    __name__,
    {
        "DocumentError": "briefing_app.documents.errors",
        "Document": "briefing_app.documents.model",
        "DocumentKind": "briefing_app.documents.model",
        "SUPPORTED_SUFFIXES": "briefing_app.documents.readers",
        "read_document": "briefing_app.documents.readers",
    },
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "DocumentError",
    "DocumentKind",
    "read_document",
]
