"""A folder of bad files generated here, imported with the real command line: every bad file
gets one clear line, the good ones are imported and searchable, nothing hangs or crashes."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from briefing_app.library import Library
from briefing_app.search import SearchRequest
from tests.reliability.conftest import run_cli

pytestmark = pytest.mark.reliability

GOOD = " date 2018-05 Kabinet investeert in dijkversterking\n\nHet kabinet trekt geld uit voor dijken.\n"
IS_ROOT = os.geteuid() == 0

# name -> expected outcome: "added" (imported, maybe with a warning) or a reason fragment.
EXPECTED = {
    "good.txt": "added",
    "binary.txt": "binary file",
    "invalid-utf8.txt": "added",
    "utf16-bom.txt": "added",
    "utf16-no-bom.txt": "added",  # detected by its NUL pattern, with a warning
    "cp1252.txt": "added",
    "empty.txt": "empty file",
    "twenty-mb.txt": "larger than 10 MB",
    "one-line-5mb.md": "added",
    "nul-bytes.txt": "binary file",
    "impossible-date.txt": "added",
    "bad-yaml.md": "added",
    "fifo.txt": "not a regular file",
}


def build_corpus(folder: Path) -> None:
    rng = random.Random(7)
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(rng.randbytes(8192))
    (folder / "invalid-utf8.txt").write_bytes(
        b"Ongeldig \xff\xfe UTF-8 \xc3 hier\n\nNog een zin.\n"
    )
    (folder / "utf16-bom.txt").write_text("Brief in UTF-16\n\nMet een BOM ervoor.\n", "utf-16")
    (folder / "utf16-no-bom.txt").write_bytes("Brief zonder BOM\n\nTekst.\n".encode("utf-16-le"))
    (folder / "cp1252.txt").write_bytes(
        " date 2018-05 Café in Curaçao\n\nEen “tekst”.\n".encode("cp1252")
    )
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "twenty-mb.txt").open("wb") as handle:
        handle.write(b"woord " * (20 * 1024 * 1024 // 6 + 1))
    (folder / "one-line-5mb.md").write_text("lange regel " * (5 * 1024 * 1024 // 12), "utf-8")
    (folder / "nul-bytes.txt").write_bytes(b"Tekst met\x00nullen\x00erin\n" * 50)
    (folder / "impossible-date.txt").write_text(
        " date 2018-13 Onmogelijke maand\n\nDe datum bestaat niet.\n", "utf-8"
    )
    (folder / "bad-yaml.md").write_text(
        "---\ntitle: [niet gesloten\ndate: : :\n---\n# Kop\n\nInhoud van de notitie.\n", "utf-8"
    )
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    os.mkfifo(folder / "fifo.txt")  # opening it for reading would block for ever
    loop = folder / "sub"
    loop.mkdir()
    (loop / "again").symlink_to(folder, target_is_directory=True)  # a symlink loop
    (loop / "deeper.txt").write_text(GOOD.replace("dijken", "sluizen"), "utf-8")
    if not IS_ROOT:
        secret = folder / "unreadable.txt"
        secret.write_text("geheim\n", "utf-8")
        secret.chmod(0)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "corpus"
    build_corpus(folder)
    result = run_cli(root / "data", "import", str(folder), "--json", timeout=300)
    yield root, folder, result
    unreadable = folder / "unreadable.txt"
    if unreadable.exists():
        unreadable.chmod(0o600)


def _report(result) -> dict:
    return json.loads(result.stdout)


def test_the_import_completes_without_a_traceback(imported) -> None:
    _, _, result = imported
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1  # some files failed: exit 1, each listed
    assert "failed" in result.stderr


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_each_bad_file_has_a_one_line_outcome(imported, name: str, expected: str) -> None:
    _, _, result = imported
    report = _report(result)
    added = {Path(p).name for p in report["added"]}
    reasons = {Path(f["path"]).name: f["reason"] for f in report["failed"]}
    if expected == "added":
        assert name in added, reasons.get(name)
    else:
        assert name in reasons, f"{name} neither failed nor reported"
        assert expected in reasons[name]
        assert "\n" not in reasons[name]
        assert f"failed {Path(result.args[-2]) / name}" in result.stderr or name in result.stderr


def test_symlink_loop_is_walked_once(imported) -> None:
    _, _, result = imported
    added = [Path(p).name for p in _report(result)["added"]]
    assert added.count("deeper.txt") == 1


def test_non_utf8_file_name_is_imported_or_reported(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    latin1 = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9-latin1-naam.txt"))
    latin1.write_text("Bestandsnaam in Latin-1\n\nInhoud.\n", "utf-8")
    result = run_cli(tmp_path / "data", "import", str(folder), "--json")
    assert "Traceback" not in result.stderr, result.stderr[-1500:]
    report = _report(result)
    assert "good.txt" in {Path(p).name for p in report["added"]}
    names = [Path(p).name for p in report["added"]] + [
        Path(f["path"]).name for f in report["failed"]
    ]
    assert any("latin1" in name for name in names)


def test_unreadable_file_is_reported(tmp_path: Path, unprivileged: list[str]) -> None:
    # Its own small import: as root, it runs without root's read override (see conftest).
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(" date 2024-01 Goed\n\nDijken en sluizen.\n", "utf-8")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(" date 2024-01 Geheim\n\nNiet te lezen.\n", "utf-8")
    unreadable.chmod(0o000)
    result = run_cli(tmp_path / "data", "import", str(folder), "--json", wrapper=unprivileged)
    assert "Traceback" not in result.stderr, result.stderr[-1500:]
    report = _report(result)
    reasons = {Path(f["path"]).name: f["reason"] for f in report["failed"]}
    assert "permission denied" in reasons["unreadable.txt"]
    assert [Path(p).name for p in report["added"]] == ["good.txt"]


@pytest.mark.parametrize(
    ("query", "file_name"),
    [
        ("dijken", "good.txt"),
        ("sluizen", "deeper.txt"),
        ("curacao", "cp1252.txt"),
        ("onmogelijke", "impossible-date.txt"),
        ("notitie", "bad-yaml.md"),
        ("zonder", "utf16-no-bom.txt"),
        ("ongeldig", "invalid-utf8.txt"),
    ],
)
def test_good_and_damaged_but_readable_files_are_searchable(imported, query, file_name) -> None:
    root, _, _ = imported
    with Library(root / "data") as library:
        hits = library.search(SearchRequest(query=query)).hits
    assert any(Path(hit.path).name == file_name for hit in hits), [h.path for h in hits]


def test_dangling_symlink_is_reported_under_its_own_name(imported) -> None:
    _, _, result = imported
    reasons = {Path(f["path"]).name: f["reason"] for f in _report(result)["failed"]}
    assert "dangling.txt" in reasons


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("invalid-utf8.txt", "cp1252"),
        ("utf16-no-bom.txt", "utf-16"),
        ("impossible-date.txt", "date"),
        ("bad-yaml.md", "front matter"),
    ],
)
def test_damaged_files_carry_a_warning(imported, name: str, warning: str) -> None:
    root, folder, _ = imported
    with Library(root / "data") as library:
        entry = library.find(str(folder / name))
    assert any(warning in w.lower() for w in entry.warnings), entry.warnings
