"""Jobs in a child process (what the window does with big imports): results, progress, commits,
cancelling and errors come back to the caller as if the job ran in place."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from briefing_app.library import (
    Callbacks,
    ImportProgress,
    Job,
    Library,
    LibraryBusyError,
    LibraryError,
    run_in_child,
    wants_child,
)
from briefing_app.search import IndexBusyError, SearchRequest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, 70, seed=5)
    return folder


def test_an_import_in_a_child_reports_and_is_searchable_here(corpus: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    progress: list[ImportProgress] = []
    commits: list[int] = []
    with Library(data_dir) as library:  # the window's own library, open meanwhile
        report = run_in_child(
            data_dir,
            Job("import", (str(corpus),)),
            Callbacks(progress=progress.append, committed=commits.append),
        )
        assert len(report.added) == 70 and report.ok
        assert progress and progress[-1].done == progress[-1].total == 70
        assert commits and commits[-1] == 70
        assert library.search(SearchRequest(query="", limit=1)).total == 70
        rescanned = run_in_child(data_dir, Job("rescan"))
        assert len(rescanned.unchanged) == 70
        assert run_in_child(data_dir, Job("reindex")) == 70
        assert library.search(SearchRequest(query="", limit=1)).total == 70
    assert not multiprocessing.active_children()


def test_cancelling_stops_the_child_with_what_it_committed(corpus: Path, tmp_path: Path) -> None:
    seen: list[ImportProgress] = []
    report = run_in_child(
        tmp_path / "data",
        Job("import", (str(corpus),)),
        Callbacks(progress=seen.append, cancelled=lambda: bool(seen)),
    )
    assert report.cancelled
    assert len(report.added) < 70
    with Library(tmp_path / "data") as library:
        assert library.search(SearchRequest(query="", limit=1)).total == len(report.added)


def test_the_childs_errors_are_raised_here(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("BRIEFING_LOCK_TIMEOUT", "0.5")
    with (
        Library(data_dir) as library,
        library.index.writing(),  # another writer holds the index
        pytest.raises((LibraryBusyError, IndexBusyError), match="busy"),
    ):
        run_in_child(data_dir, Job("import", (str(corpus),)))


def test_a_child_that_dies_is_a_clear_error(tmp_path: Path) -> None:
    def kill_child(_event: ImportProgress) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid, 9)

    folder = tmp_path / "docs"
    generate_corpus(folder, 60, seed=2)
    with pytest.raises(LibraryError, match="stopped unexpectedly"):
        run_in_child(tmp_path / "data", Job("import", (str(folder),)), Callbacks(kill_child))


def test_only_folders_and_many_files_go_to_a_child(tmp_path: Path) -> None:
    assert wants_child([tmp_path], 48)
    assert wants_child([str(tmp_path / f"{i}.txt") for i in range(48)], 48)
    assert not wants_child([tmp_path / "a.txt", tmp_path / "b.md"], 48)
