"""Data folders that cannot be used as they are: a clear message, no traceback, nothing
half-written, and the library (with its bookmarks) intact afterwards."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from briefing_app.library import Library
from tests.reliability.conftest import REPO, child_env, cli_command, integrity, json_out, run_cli

pytestmark = pytest.mark.reliability

SAMPLE = REPO / "resources" / "sample" / "2018-04-kaag-steunt-jordanie-bij-opvang-vluchtelingen.txt"


def _library_with_a_bookmark(data_dir: Path) -> str:
    with Library(data_dir) as library:
        assert library.import_paths([SAMPLE]).ok
        return library.add_bookmark(str(SAMPLE), quote="35 miljoen euro", note="bewaren").id


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_data_dir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", "utf-8")
    result = run_cli(blocker, "search", "kabinet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Cannot use the data folder" in result.stderr
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_missing_data_dir_is_created(tmp_path: Path) -> None:
    data_dir = tmp_path / "a" / "b" / "data"
    result = run_cli(data_dir, "import", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert (data_dir / "library.sqlite3").exists()


def test_a_read_only_data_dir_reads_or_says_why(tmp_path: Path, unprivileged: list[str]) -> None:
    data_dir = tmp_path / "data"
    bookmark_id = _library_with_a_bookmark(data_dir)
    before = _digest(data_dir)
    data_dir.chmod(0o555)
    try:
        imported = run_cli(data_dir, "import", str(SAMPLE), wrapper=unprivileged)
        found = run_cli(data_dir, "search", "jordanie", "--json", wrapper=unprivileged)
        listed = run_cli(data_dir, "bookmarks", "list", "--json", wrapper=unprivileged)
        bookmarked = run_cli(
            data_dir, "bookmarks", "add", str(SAMPLE), "--quote", "Jordanië", wrapper=unprivileged
        )
    finally:
        data_dir.chmod(0o755)
    # The import says, in one line, why it cannot run, and what still works.
    assert imported.returncode == 1, imported.stderr
    assert imported.stderr.count("\n") == 1, imported.stderr
    assert "Traceback" not in imported.stderr
    assert "read-only" in imported.stderr and str(data_dir) in imported.stderr
    assert "you can search and read" in imported.stderr
    assert bookmarked.returncode == 1 and "read-only" in bookmarked.stderr, bookmarked.stderr
    # Reading needs no writing: search and the bookmark list work as before.
    assert found.returncode == 0, found.stderr
    assert [hit["path"] for hit in json_out(found)["hits"]] == [str(SAMPLE)]
    assert listed.returncode == 0, listed.stderr
    assert [b["id"] for b in json.loads(listed.stdout)] == [bookmark_id]
    # Not one byte changed, and no -wal, -shm or lock file was left behind.
    assert _digest(data_dir) == before


def test_a_full_disk_gives_a_message_and_keeps_the_library(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    bookmark_id = _library_with_a_bookmark(data_dir)
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 60, seed=3)
    # ulimit -f: every write past 256 KB fails with EFBIG, like a disk that fills up.
    command = ["bash", "-c", 'ulimit -f 256; exec "$@"', "_", *cli_command(data_dir, "import")]
    result = subprocess.run(
        [*command, str(corpus)],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        timeout=300,
        check=False,
    )
    try:
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr[-1500:]
    finally:
        # Whatever the message, nothing may be damaged or lost.
        assert integrity(data_dir / "library.sqlite3") == "ok"
        assert integrity(data_dir / "bookmarks.sqlite3") == "ok"
        with Library(data_dir) as library:
            assert library.bookmarks.get(bookmark_id) is not None
            assert library.find(str(SAMPLE))
