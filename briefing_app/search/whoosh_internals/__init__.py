"""Everything in Briefing that relies on whoosh's private names, in one room.

Briefing's own posting codec, segment writer, array readers, memory-mapped term tables and
fuzzy terms subclass whoosh-reloaded 2.7.5's classes and read their private attributes; the
rest of the search package reaches whoosh's privates only through `access`. README.md here
lists every private name used, why, and what a whoosh upgrade must re-check;
tests/core/test_whoosh_internals.py fails, naming the difference, when the installed whoosh
is not the one this was written for.
"""

from __future__ import annotations

WHOOSH_DISTRIBUTION = "whoosh-reloaded"
WRITTEN_FOR_WHOOSH = "2.7.5"


def installed_whoosh() -> str:
    """The installed whoosh distribution and version, "name version"."""
    from importlib import metadata  # (not for every process that imports the search package)

    try:
        return f"{WHOOSH_DISTRIBUTION} {metadata.version(WHOOSH_DISTRIBUTION)}"
    except metadata.PackageNotFoundError:
        import whoosh

        return f"whoosh (another distribution) {whoosh.versionstring()}"


def whoosh_mismatch() -> str | None:
    """Why the installed whoosh is not the one this package was written for, or None."""
    found = installed_whoosh()
    if found == f"{WHOOSH_DISTRIBUTION} {WRITTEN_FOR_WHOOSH}":
        return None
    return (
        f"briefing_app/search/whoosh_internals was written for {WHOOSH_DISTRIBUTION} "
        f"{WRITTEN_FOR_WHOOSH}, but {found} is installed. Re-check every private name listed "
        "in briefing_app/search/whoosh_internals/README.md against the new version (and run "
        "tests/core/test_whoosh_internals.py, test_blocks.py, test_matches.py and "
        "test_segment_writer.py), then update WRITTEN_FOR_WHOOSH."
    )
