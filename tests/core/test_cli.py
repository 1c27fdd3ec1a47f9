"""The `briefing` command's contract: output shapes and exit codes other tools rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.launcher import main
from tests.core.test_library import NOTE, PRESS_RELEASE, write

HIT_KEYS = {"id", "path", "title", "date", "language", "score", "snippet"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def imported(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "docs"
    write(folder, "mali.txt", PRESS_RELEASE)
    write(folder, "cyber.md", NOTE)
    assert main(["--data-dir", str(data_dir), "import", str(folder)]) == 0
    capsys.readouterr()
    return folder


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code = main(list(argv))
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_import_summary_and_exit_codes(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    write(folder, "mali.txt", PRESS_RELEASE)
    assert main(["--data-dir", str(data_dir), "import", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "1 added, 0 updated, 0 unchanged, 0 removed, 0 failed" in err
    write(folder, "empty.txt", "")
    assert main(["import", str(folder), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "0 added, 0 updated, 1 unchanged, 0 removed, 1 failed" in err
    assert "empty.txt: " in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", "--limit", "0"])
    assert exit_info.value.code == 2


def test_search_json_shape(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "--data-dir", str(data_dir), "search", "militairen", "--json")
    assert isinstance(result, dict)
    assert {"query", "total", "took_ms", "suggestion", "hits"} <= set(result)
    assert result["query"] == "militairen" and result["total"] == 1
    hit = result["hits"][0]
    assert set(hit) >= HIT_KEYS
    assert hit["path"] == str((imported / "mali.txt").resolve())
    assert Path(hit["path"]).is_absolute()
    assert hit["date"] == "2019-03" and hit["language"] == "nl"
    assert "<mark>" in hit["snippet"]


def test_search_filters_and_empty_query(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = run_json(capsys, "search", "", "--json", "--data-dir", str(data_dir))
    assert everything["total"] == 2
    recent = run_json(capsys, "search", "--from", "2020-01", "--json", "--data-dir", str(data_dir))
    assert [h["title"] for h in recent["hits"]] == ["Cyber threat briefing"]
    by_date = run_json(
        capsys,
        "search",
        "",
        "--sort",
        "date",
        "--limit",
        "1",
        "--json",
        "--data-dir",
        str(data_dir),
    )
    assert by_date["total"] == 2 and len(by_date["hits"]) == 1


def test_malformed_query_is_a_message_not_a_traceback(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", '"unclosed']) == 2
    err = capsys.readouterr().err
    assert "Query error" in err and "Traceback" not in err


def test_human_search_output(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "ransomware"]) == 0
    out = capsys.readouterr().out
    assert "1 document" in out and "Cyber threat briefing" in out and "<mark>" not in out


def test_suggestion_in_json(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "--data-dir", str(data_dir), "search", "ransomwere", "--json")
    assert result["total"] == 0 and result["suggestion"] == "ransomware"


def test_batch_search_json_and_csv(
    imported: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = write(tmp_path, "queries.txt", "militairen\n# comment\n\nransomware\nniets\n")
    rows = run_json(capsys, "--data-dir", str(data_dir), "batch-search", str(queries), "--json")
    assert [(r["query"], r["total"]) for r in rows] == [
        ("militairen", 1),
        ("ransomware", 1),
        ("niets", 0),
    ]
    assert main(["--data-dir", str(data_dir), "batch-search", str(queries), "--csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("query,total,rank,id")
    assert len(lines) == 4


def test_list_and_show(imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = run_json(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert {d["title"] for d in docs} == {
        "Cyber threat briefing",
        "Nederland levert VN-militairen voor Mali",
    }
    mali = next(d for d in docs if d["language"] == "nl")
    shown = run_json(capsys, "--data-dir", str(data_dir), "show", mali["id"], "--json")
    assert shown["title"] == mali["title"] and "Bijleveld" in shown["text"]
    assert main(["--data-dir", str(data_dir), "show", str(imported / "cyber.md")]) == 0
    assert "ransomware" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "show", "nope"]) == 1


def test_data_dir_from_environment(
    imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data_dir))
    assert len(run_json(capsys, "list", "--json")) == 2


def test_reindex(imported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "reindex"]) == 0
    assert "2 documents" in capsys.readouterr().err
    assert run_json(capsys, "--data-dir", str(data_dir), "search", "mali", "--json")["total"] == 1


def test_module_entry_point_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--data-dir", str(tmp_path), "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
