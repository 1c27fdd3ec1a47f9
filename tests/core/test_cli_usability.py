"""Everyday use of the command line: counts read right, a pipe closed early is no error, an
empty library says how to fill it, and every --help names the data folder in use."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.cli import documents
from briefing_app.launcher import main
from briefing_app.library import datadir
from briefing_app.library.datadir import checkout_dir
from tests.conftest import REPO
from tests.core.test_library import NOTE, PRESS_RELEASE, write


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def one_document(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = write(tmp_path / "docs", "mali.txt", PRESS_RELEASE)
    assert main(["--data-dir", str(data_dir), "import", str(path.parent)]) == 0
    capsys.readouterr()
    return path


def test_counts_are_singular_for_one(
    one_document: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = ["--data-dir", str(data_dir)]
    assert main([*d, "list"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "1 document"
    assert main([*d, "reindex"]) == 0
    assert "Rebuilt the index: 1 document." in capsys.readouterr().err

    assert main([*d, "bookmarks", "add", str(one_document), "--quote", "VN-missie"]) == 0
    capsys.readouterr()
    assert main([*d, "bookmarks", "list"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "1 bookmark"
    assert main([*d, "bookmarks", "add", str(one_document), "--quote", "Minister Bijleveld"]) == 0
    capsys.readouterr()
    assert main([*d, "bookmarks", "list"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "2 bookmarks"


def test_an_empty_library_says_where_it_is_and_how_to_fill_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["list"], ["search", "mali"], ["search", "mali", "--json"]):
        assert main(["--data-dir", str(data_dir), *argv]) == 0
        captured = capsys.readouterr()
        assert f"The library at {data_dir.resolve()} is empty" in captured.err
        assert "briefing import FOLDER" in captured.err
    assert json.loads(captured.out)["total"] == 0  # --json output stays clean JSON


def test_a_library_with_documents_gives_no_hint(
    one_document: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "nothinglikethis"]) == 0
    assert "is empty" not in capsys.readouterr().err


def test_a_pipe_closed_early_ends_quietly(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "docs"
    for i in range(40):
        write(folder, f"note-{i}.md", NOTE.replace("Cyber threat", f"Cyber threat {i}"))
    assert main(["--data-dir", str(data_dir), "import", str(folder)]) == 0
    for command in (["list"], ["search", "ransomware", "--limit", "40"]):
        # Like `briefing list | head -0`: the reader is gone before the first line.
        reader, writer = os.pipe()
        os.close(reader)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "briefing_app", "--data-dir", str(data_dir), *command],
                stdout=writer,
                stderr=subprocess.PIPE,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            os.close(writer)
        assert done.returncode == 0, done.stderr
        assert "Error" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_full_disk_still_says_so(
    one_document: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(documents, "cmd_list", full)
    assert main(["--data-dir", str(data_dir), "list"]) == 1
    err = capsys.readouterr().err
    assert f"cannot write to the data folder {data_dir.resolve()}" in err
    assert "free some space" in err


@pytest.mark.parametrize(
    "command",
    [[], ["search"], ["import"], ["bookmarks", "add"], ["entity", "rename"], ["gui"]],
)
def test_every_help_names_the_data_folder(
    command: list[str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--data-dir", str(data_dir), "--help"])
    assert exit_info.value.code == 0
    assert f"Data folder: {data_dir.resolve()} (given with --data-dir)" in capsys.readouterr().out

    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data_dir / "env"))
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    assert f"Data folder: {data_dir / 'env'} (from $BRIEFING_DATA_DIR)" in capsys.readouterr().out


def test_a_checkout_keeps_its_library_in_its_index_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(datadir, "checkout_dir", checkout_dir)  # the real one, for this test
    assert checkout_dir() == REPO
    assert datadir.resolve_data_dir(None) == REPO / "index"
    monkeypatch.setattr(datadir, "checkout_dir", lambda: None)  # as in an installed wheel
    assert datadir.resolve_data_dir(None) == datadir.user_data_dir().resolve()


def test_the_checkout_briefing_uses_its_index_wherever_it_is_started(tmp_path: Path) -> None:
    # `.venv/bin/briefing` (an editable install) and `python main.py` share ./index/, so the
    # command line sees the library `make run` filled, from any working folder.
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_DATA_DIR"}
    env["PYTHONPATH"] = str(REPO)  # this checkout's code, whatever .venv has installed
    for argv in (
        [sys.executable, "-m", "briefing_app", "search", "--help"],
        [sys.executable, str(REPO / "main.py"), "--help"],
    ):
        done = subprocess.run(
            argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        expected = f"Data folder: {REPO / 'index'} (the index/ of the checkout Briefing runs from)"
        assert expected in " ".join(done.stdout.split()), done.stdout


def test_a_file_gone_at_reindex_is_counted_in_the_singular(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    write(folder, "mali.txt", PRESS_RELEASE)
    gone = write(folder, "cyber.md", NOTE)
    assert main(["--data-dir", str(data_dir), "import", str(folder)]) == 0
    gone.unlink()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "reindex"]) == 0
    err = capsys.readouterr().err
    assert "1 document could not be read any more and was dropped." in err
    assert "Rebuilt the index: 1 document." in err


def test_help_loads_no_library_index_or_window() -> None:
    """`briefing --help` answers at once: it loads none of the index, the analysis or Qt."""
    import subprocess
    import sys

    heavy = ["whoosh", "numpy", "PySide6", "simplemma", "briefing_app.library.library"]
    code = (
        "import sys\n"
        "from briefing_app.launcher import main\n"
        "try:\n    main(['search', '--help'])\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {heavy!r} if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "--literal" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"
