"""Finding the files of a folder to import: the same files, order and problems as a plain
os.walk (the importer walks directory entries instead, for speed)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from briefing_app.documents.readers import SUPPORTED_SUFFIXES
from briefing_app.library.importer import FailedFile, discover


def _reference_walk(folder: Path, failed: list[FailedFile]) -> Iterator[Path]:
    """The importer's walk as it was: os.walk and a Path per file."""
    visited: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        failed.append(FailedFile(str(error.filename), f"cannot read folder ({error.strerror})"))

    for root, dirs, names in os.walk(folder, onerror=on_error, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        real_root = Path(os.path.realpath(root))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root, name)
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                failed.append(FailedFile("?", "file name is not valid UTF-8"))
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                if not path.is_symlink():
                    yield real_root / name
                elif not path.exists():
                    failed.append(FailedFile(str(path), "broken link: its target is missing"))
                else:
                    yield path.resolve()
            else:
                failed.append(FailedFile(str(path), f"unsupported {path.suffix}"))


def _tree(root: Path) -> Path:
    top = root / "library"
    for folder in ("b/deeper", "a", "c", ".hidden", "a/z", "a/y"):
        (top / folder).mkdir(parents=True, exist_ok=True)
    for name in (
        "b/deeper/one.txt",
        "b/two.md",
        "a/three.TXT",
        "a/z/four.markdown",
        "a/y/five.txt",
        "c/notes.xlsx",
        "c/Makefile",
        ".hidden/secret.txt",
        "a/.dotfile.txt",
        "zz.txt",
        "aa.txt",
    ):
        (top / name).write_text("x", "utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "linked.txt").write_text("x", "utf-8")
    (top / "c" / "link.txt").symlink_to(outside / "linked.txt")
    (top / "c" / "broken.txt").symlink_to(outside / "gone.txt")
    (top / "c" / "outside").symlink_to(outside, target_is_directory=True)
    (top / "b" / "loop").symlink_to(top / "b", target_is_directory=True)
    return top


def test_files_order_and_problems_are_os_walks(tmp_path: Path) -> None:
    top = _tree(tmp_path)
    expected_failed: list[FailedFile] = []
    # discover() lists a file once however many ways lead to it (here a link and a folder link)
    expected = list(dict.fromkeys(_reference_walk(top.resolve(), expected_failed)))
    files, folders, failed = discover([top])
    assert files == expected
    assert folders == [top.resolve()]
    assert [f.path for f in failed] == [f.path for f in expected_failed]
    assert "a/three.TXT" in {str(f.relative_to(top.resolve())) for f in files if top in f.parents}
    assert not any(".hidden" in str(f) or ".dotfile" in str(f) for f in files)
    assert any("broken link" in f.reason for f in failed)
    assert any("notes.xlsx" in f.path for f in failed)


def test_the_first_files_are_committed_first_and_reported_in_file_order(tmp_path: Path) -> None:
    from briefing_app.library import ImportProgress, Library

    folder = tmp_path / "docs"
    folder.mkdir()
    names = [f"r{n:02d}.txt" for n in range(30)]
    for name in names:
        (folder / name).write_text(f" date 2020-01 Titel {name}\n\nTekst over {name}.\n", "utf-8")
    (folder / "r03.txt").write_bytes(b"\x00\x01\x02" * 400)  # not text: fails, among the first
    (folder / "zz.xlsx").write_bytes(b"PK")  # found by the walk: unsupported
    events: list[ImportProgress] = []
    commits: list[int] = []
    with Library(tmp_path / "data") as library:
        report = library.import_paths([folder], progress=events.append, committed=commits.append)
        assert library.document_count() == 29
    assert [e.done for e in events] == list(range(1, 31))
    assert {e.total for e in events} == {30}
    assert [Path(e.path).name for e in events] == names
    assert commits[0] == 7  # the first eight files, one of them unreadable, before the rest
    assert [Path(f.path).name for f in report.failed] == ["zz.xlsx", "r03.txt"]
    assert [Path(p).name for p in report.added] == [n for n in names if n != "r03.txt"]
