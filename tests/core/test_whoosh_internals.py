"""The whoosh Briefing's search internals were written for, and the private names they use.

When these fail after a whoosh upgrade, read briefing_app/search/whoosh_internals/README.md:
every name below is used there, and the message says which is gone."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from briefing_app.library import Library
from briefing_app.search import SearchRequest, whoosh_internals

# (module, object, private name): a class's attribute or method, or what its code sets on
# `self` (instance attributes exist only once an object is made).
PRIVATE_NAMES = [
    ("whoosh.system", None, "_INT_SIZE"),
    ("whoosh.query.qcore", None, "_NullQuery"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_write_block"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_new_block"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_blockcount"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_terminfo"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_byteids"),
    ("whoosh.codec.whoosh3", "W3PostingsWriter", "_postfile"),
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_read_header"),
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_read_data"),
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_startoffset"),
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_postfile"),
    ("whoosh.codec.whoosh3", "W3LeafMatcher", "_fixedsize"),
    ("whoosh.codec.whoosh3", "W3Codec", "_blocklimit"),
    ("whoosh.codec.whoosh3", "W3Codec", "_inlinelimit"),
    ("whoosh.codec.whoosh3", "W3FieldWriter", "_codec"),
    ("whoosh.codec.whoosh3", "W3FieldWriter", "_fieldid"),
    ("whoosh.codec.whoosh3", "W3FieldWriter", "_postfile"),
    ("whoosh.codec.whoosh3", "W3FieldWriter", "_tindex"),
    ("whoosh.codec.whoosh3", "W3TermInfo", "_struct"),
    ("whoosh.codec.whoosh3", "W3TermsReader", "_postfile"),
    ("whoosh.codec.whoosh3", "W3TermsReader", "_tindex"),
    ("whoosh.codec.whoosh3", "W3PerDocReader", "_cached_reader"),
    ("whoosh.filedb.filetables", "OrderedHashReader", "closest_key_pos"),
    ("whoosh.filedb.filetables", "OrderedHashReader", "_get_pos"),
    ("whoosh.filedb.filestore", "FileStorage", "_fpath"),
    ("whoosh.writing", "SegmentWriter", "_flush_segment"),
    ("whoosh.writing", "SegmentWriter", "_check_state"),
    ("whoosh.writing", "SegmentWriter", "_check_fields"),
    ("whoosh.writing", "SegmentWriter", "_added"),
    ("whoosh.query", "FuzzyTerm", "_btexts"),
    ("whoosh.query", "NumericRange", "_compile_query"),
    ("whoosh.reading", "SegmentReader", "_terms"),
    ("whoosh.reading", "SegmentReader", "_text_to_bytes"),
    ("whoosh.scoring", "BM25F", "_field_B"),
]


def test_the_installed_whoosh_is_the_one_the_internals_were_written_for() -> None:
    problem = whoosh_internals.whoosh_mismatch()
    assert problem is None, problem


def _has(module_name: str, object_name: str | None, name: str) -> bool:
    module = importlib.import_module(module_name)
    if object_name is None:
        return hasattr(module, name)
    owner = getattr(module, object_name)
    if hasattr(owner, name):
        return True
    sources = []
    for cls in inspect.getmro(owner):
        try:
            sources.append(inspect.getsource(cls))
        except (OSError, TypeError):
            continue
    return any(f"self.{name}" in source for source in sources)


@pytest.mark.parametrize(("module", "owner", "name"), PRIVATE_NAMES)
def test_every_private_name_the_internals_use_is_there(module, owner, name) -> None:
    where = f"{module}.{owner}" if owner else module
    assert _has(module, owner, name), (
        f"{where} has no {name} in the installed {whoosh_internals.installed_whoosh()}: "
        "see briefing_app/search/whoosh_internals/README.md"
    )


def test_every_private_name_listed_is_in_the_readme() -> None:
    readme = Path(whoosh_internals.__file__).with_name("README.md").read_text("utf-8")
    missing = [name for _module, _owner, name in PRIVATE_NAMES if name not in readme]
    assert not missing, f"README.md does not mention {missing}"


def test_an_index_naming_a_module_that_is_gone_is_rebuilt(tmp_path: Path) -> None:
    """The codec's module path is pickled into the index; an index written where the codec
    lived elsewhere (another version) rebuilds from the sources on open."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2024-01 Kinderen\n\nDe kinderen spelen.\n", "utf-8")
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
    [toc] = (tmp_path / "data" / "search-index").glob("*.toc")
    raw = toc.read_bytes()
    assert b"whoosh_internals.blocks" in raw
    toc.write_bytes(raw.replace(b"whoosh_internals.blocks", b"whoosh_internals.blockz"))
    with Library(tmp_path / "data") as library:
        assert library.rebuilt_on_open
        assert library.search(SearchRequest(query="kinderen")).total == 1
