"""The Library facade over documents, entities and search; what the CLI and the GUI use."""

from typing import TYPE_CHECKING

from briefing_app.lazy import lazy_attributes
from briefing_app.library.datadir import ENV_VAR, resolve_data_dir, user_data_dir

if TYPE_CHECKING:
    from briefing_app.library.background import Callbacks, Job, run_in_child, wants_child
    from briefing_app.library.catalog import CatalogEntry, EntityRow
    from briefing_app.library.importer import ImportProgress, ImportReport
    from briefing_app.library.library import (
        CorrectionChange,
        HiddenEntity,
        Library,
        LibraryBusyError,
        LibraryError,
        LibraryReadOnlyError,
        OpenedDocument,
    )
    from briefing_app.library.search_host import SearchHost

# The rest loads when first asked for: finding the data folder needs none of it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **dict.fromkeys(
            ("Callbacks", "Job", "run_in_child", "wants_child"), "briefing_app.library.background"
        ),
        **dict.fromkeys(("CatalogEntry", "EntityRow"), "briefing_app.library.catalog"),
        **dict.fromkeys(("ImportProgress", "ImportReport"), "briefing_app.library.importer"),
        **dict.fromkeys(
            (
                "CorrectionChange",
                "HiddenEntity",
                "Library",
                "LibraryBusyError",
                "LibraryError",
                "LibraryReadOnlyError",
                "OpenedDocument",
            ),
            "briefing_app.library.library",
        ),
        "SearchHost": "briefing_app.library.search_host",
    },
)

__all__ = [
    "ENV_VAR",
    "Callbacks",
    "CatalogEntry",
    "CorrectionChange",
    "EntityRow",
    "HiddenEntity",
    "ImportProgress",
    "ImportReport",
    "Job",
    "Library",
    "LibraryBusyError",
    "LibraryError",
    "LibraryReadOnlyError",
    "OpenedDocument",
    "SearchHost",
    "resolve_data_dir",
    "run_in_child",
    "user_data_dir",
    "wants_child",
]
