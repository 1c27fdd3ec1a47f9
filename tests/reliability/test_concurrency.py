"""Two processes (or two windows) on one data folder: reads keep working, a second writer waits
and then says the library is busy, and nothing is corrupted or duplicated."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from briefing_app.library import Library
from briefing_app.library.library import LOCK_TIMEOUT_ENV
from briefing_app.search import SearchRequest
from tests.reliability.conftest import (
    REPO,
    cli_command,
    integrity,
    json_out,
    run_cli,
    spawned,
)

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

SAMPLE = REPO / "resources" / "sample"
KAAG = SAMPLE / "2018-04-kaag-steunt-jordanie-bij-opvang-vluchtelingen.txt"

# Holds the index writer lock (as a long import batch does) until killed.
HOLD_WRITER = """
import sys, time
from pathlib import Path
from briefing_app.library import Library
from briefing_app.library.library import LOCK_TIMEOUT_ENV
library = Library(Path(sys.argv[1]))
with library.index.writing():
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def sample_library(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Library(data_dir) as library:
        assert library.import_paths([SAMPLE]).ok
    return data_dir


def test_reads_work_and_a_second_writer_is_told_the_library_is_busy(
    sample_library: Path, tmp_path: Path
) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text(" date 2020-01 Nieuw bericht\n\nEen nieuw bericht over waterschappen.\n")
    command = [sys.executable, "-c", HOLD_WRITER, str(sample_library)]
    with spawned(command) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"

        search = run_cli(sample_library, "search", "jordanie", "--json")
        assert search.returncode == 0, search.stderr
        assert json_out(search)["total"] >= 1

        started = time.monotonic()
        blocked = run_cli(sample_library, "import", str(extra), env={LOCK_TIMEOUT_ENV: "2"})
        waited = time.monotonic() - started
    assert blocked.returncode == 3, blocked.stderr
    assert "busy" in blocked.stderr.lower()
    assert "Traceback" not in blocked.stderr
    assert waited >= 2  # it waited for the other writer before giving up
    assert integrity(sample_library / "library.sqlite3") == "ok"
    # Once the other writer is gone, the same import just works.
    assert run_cli(sample_library, "import", str(extra)).returncode == 0


# Holds the catalog's write lock (a transaction in another process) until killed.
HOLD_CATALOG = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(120)
"""


def test_a_locked_catalog_is_reported_as_busy(sample_library: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text(" date 2020-01 Nieuw bericht\n\nOver dijken en waterschappen.\n")
    command = [sys.executable, "-c", HOLD_CATALOG, str(sample_library / "library.sqlite3")]
    with spawned(command) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        blocked = run_cli(sample_library, "import", str(extra), env={LOCK_TIMEOUT_ENV: "1"})
    assert blocked.returncode == 3, blocked.stderr
    assert "busy" in blocked.stderr.lower() and "Traceback" not in blocked.stderr
    assert integrity(sample_library / "library.sqlite3") == "ok"


def test_two_imports_at_once_leave_each_document_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 60, seed=11)
    data_dir = tmp_path / "data"
    with Library(data_dir):
        pass  # create the library first, as the app would have
    command = cli_command(data_dir, "import", str(corpus))
    with spawned(command) as first, spawned(command) as second:
        codes = [first.wait(timeout=300), second.wait(timeout=300)]
        errors = [
            first.stderr.read() if first.stderr else "",
            second.stderr.read() if second.stderr else "",
        ]
    assert all(code in (0, 3) for code in codes), errors
    assert 0 in codes
    assert not any("Traceback" in e for e in errors), errors
    assert integrity(data_dir / "library.sqlite3") == "ok"
    with Library(data_dir) as library:
        assert library.document_count() == 60
        assert library.index.doc_count() == 60
        ids = [fields["id"] for fields in library.index.all_stored()]
        assert len(ids) == len(set(ids)) == 60


def test_two_windows_on_one_library_share_it_safely(tmp_path: Path) -> None:
    # Two Library objects in one process: what two app windows on one data folder amount to.
    data_dir = tmp_path / "data"
    first_folder, second_folder = tmp_path / "one", tmp_path / "two"
    generate_corpus(first_folder, 20, seed=1)
    generate_corpus(second_folder, 20, seed=2)
    with Library(data_dir) as one, Library(data_dir) as two:
        assert one.import_paths([first_folder]).ok
        assert two.import_paths([second_folder]).ok
        assert one.import_paths([SAMPLE]).ok
        mark_one = one.add_bookmark(str(KAAG), quote="35 miljoen euro", note="venster 1")
        mark_two = two.add_bookmark(str(KAAG), quote="Nederland maakt", note="venster 2")
        # Each window sees the other's work without reopening.
        assert {mark_one.id, mark_two.id} <= {b.id for b in one.bookmarks.list()}
        assert two.document_count() == one.document_count() == 40 + len(list(SAMPLE.iterdir()))
        assert two.search(SearchRequest(query="jordanie")).total >= 1
    assert integrity(data_dir / "library.sqlite3") == "ok"
    assert integrity(data_dir / "bookmarks.sqlite3") == "ok"
