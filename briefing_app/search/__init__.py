"""Full-text search over the library. The only package that imports whoosh."""

from typing import TYPE_CHECKING

from briefing_app.lazy import lazy_attributes
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

if TYPE_CHECKING:
    from briefing_app.search.index import (
        BUSY_TEXT,
        IndexWriteSession,
        PreparedRecord,
        SearchIndex,
    )

# The index (whoosh, numpy, the analysis) loads when first asked for.
__getattr__ = lazy_attributes(
    __name__,
    dict.fromkeys(
        ("BUSY_TEXT", "IndexWriteSession", "PreparedRecord", "SearchIndex"),
        "briefing_app.search.index",
    ),
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
