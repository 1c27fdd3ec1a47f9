"""Full-text search over the library. The only package that imports whoosh."""

from briefing_app.search.index import BUSY_TEXT, IndexWriteSession, PreparedRecord, SearchIndex
from briefing_app.search.types import (
    FacetCount,
    IndexBusyError,
    IndexCorruptError,
    IndexRecord,
    QuerySyntaxError,
    SearchError,
    SearchHit,
    SearchRequest,
    SearchResults,
    SortOrder,
)

__all__ = [
    "BUSY_TEXT",
    "FacetCount",
    "IndexBusyError",
    "IndexCorruptError",
    "IndexRecord",
    "IndexWriteSession",
    "PreparedRecord",
    "QuerySyntaxError",
    "SearchError",
    "SearchHit",
    "SearchIndex",
    "SearchRequest",
    "SearchResults",
    "SortOrder",
]
