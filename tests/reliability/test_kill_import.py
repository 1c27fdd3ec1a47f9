"""SIGKILL a real `briefing import` (and a process adding bookmarks beside it) at random,
seeded moments, again and again. After every kill the library must open, search, pass
`PRAGMA integrity_check`, and still hold every document and bookmark it held before."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from briefing_app.library import Library
from briefing_app.search import SearchRequest
from tests.reliability.conftest import (
    CORPUS_DOCS,
    KILLS,
    REPO,
    SEED,
    catalog_ids,
    cli_command,
    integrity,
    run_cli,
    spawn,
    wait_group_gone,
)

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

SAMPLE = REPO / "resources" / "sample" / "2018-04-kaag-steunt-jordanie-bij-opvang-vluchtelingen.txt"
QUOTES = ("Nederland maakt dit jaar", "35 miljoen euro", "extra vrij")

# Adds bookmarks for ever, printing each id once it is committed.
BOOKMARK_CHILD = """
import sys
from pathlib import Path
from briefing_app.library import Library
library = Library(Path(sys.argv[1]))
quotes = sys.argv[3:]
i = 0
while True:
    saved = library.add_bookmark(sys.argv[2], quote=quotes[i % len(quotes)],
                                 note=f"notitie {i}", tags=[f"t{i % 5}"])
    print(saved.id, flush=True)
    i += 1
"""


@dataclass
class KillLog:
    kills: int = 0
    finished_before_kill: int = 0
    rebuild_messages: list[str] = field(default_factory=list)
    bookmarks_reported: set[str] = field(default_factory=set)
    orphaned_workers: int = 0


def _reap(child: subprocess.Popen[str], log: KillLog) -> str:
    """After the SIGKILL of the main process: note workers left behind, then kill them."""
    child.wait(timeout=30)  # reap it first: a zombie still counts as a group member
    if not wait_group_gone(child.pid, timeout=1.0):
        log.orphaned_workers += 1
    with suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return out


def _check_library(data_dir: Path, before: set[str], log: KillLog) -> set[str]:
    """Everything a user relies on after a crash; returns the documents now in the catalog."""
    assert integrity(data_dir / "library.sqlite3") == "ok"
    assert integrity(data_dir / "bookmarks.sqlite3") == "ok"
    with Library(data_dir, notify=log.rebuild_messages.append) as library:
        now = {entry.id for entry in library.documents()}
        assert before <= now, f"{len(before - now)} imported documents were lost"
        indexed = {fields["id"] for fields in library.index.all_stored()}
        missing = now - indexed
        assert not missing, f"{len(missing)} catalogued documents cannot be found"
        results = library.search(SearchRequest(query="kabinet OR minister", limit=1))
        assert results.total >= 1  # the bookmarked sample document at least
        kept = {b.id for b in library.bookmarks.list()}
        lost = log.bookmarks_reported - kept
        assert not lost, f"{len(lost)} saved bookmarks were lost"
    return now


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    generate_corpus(folder, CORPUS_DOCS, seed=SEED % 1000)
    return folder


def test_sigkill_during_import_and_bookmarking_loses_nothing(corpus: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    own = tmp_path / "own"
    own.mkdir()
    target = own / SAMPLE.name
    shutil.copy(SAMPLE, target)
    with Library(data_dir) as library:
        assert library.import_paths([own]).ok

    rng = random.Random(SEED)
    log = KillLog()
    held: set[str] = catalog_ids(data_dir)
    attempts = 0
    while log.kills < KILLS:
        attempts += 1
        assert attempts <= KILLS * 3, "the import kept finishing before it could be killed"
        importer = spawn(cli_command(data_dir, "import", str(corpus)))
        marker = spawn([sys.executable, "-c", BOOKMARK_CHILD, str(data_dir), str(target), *QUOTES])
        try:
            time.sleep(rng.uniform(0.4, 2.5))
            finished = importer.poll() is not None
            for child in (importer, marker):
                if child.poll() is None:
                    child.send_signal(signal.SIGKILL)  # only the main process: a real crash
            _reap(importer, log)
            log.bookmarks_reported.update(_reap(marker, log).split())
        finally:
            for child in (importer, marker):
                if child.poll() is None:
                    os.killpg(child.pid, signal.SIGKILL)
                    child.wait(timeout=30)
        if finished:
            log.finished_before_kill += 1
        else:
            log.kills += 1
        held = _check_library(data_dir, held, log)

    # After the last kill a plain re-run finishes the job, with nothing failed or duplicated.
    result = run_cli(data_dir, "import", str(corpus), timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    final = _check_library(data_dir, held, log)
    assert len(final) == CORPUS_DOCS + 1
    with Library(data_dir) as library:
        assert library.index.doc_count() == CORPUS_DOCS + 1
    assert not list(data_dir.glob("search-index.*")), "a staging or retired index was left"

    print(
        f"\nkill-import: {log.kills} kills, {log.finished_before_kill} finished first, "
        f"{len(log.bookmarks_reported)} bookmarks reported and kept, "
        f"{len(log.rebuild_messages)} rebuild notices, {log.orphaned_workers} orphaned groups"
    )


def test_a_killed_import_leaves_no_worker_processes(corpus: Path, tmp_path: Path):
    importer = spawn(cli_command(tmp_path / "data", "import", str(corpus)))
    try:
        time.sleep(2.5)  # the workers start at once for a corpus this size
        assert importer.poll() is None, "the import finished before it could be killed"
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=30)
        assert wait_group_gone(importer.pid, timeout=5.0), "workers still running 5 s later"
    finally:
        with suppress(ProcessLookupError):
            os.killpg(importer.pid, signal.SIGKILL)
        importer.communicate(timeout=30)
