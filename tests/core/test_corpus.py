"""The synthetic benchmark corpus: reproducible, in the seed format, sized like real releases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import corpus as corpus_module
from benchmarks.corpus import generate_corpus, main

HEADER = re.compile(r"^ ?date \d{4}-\d{2} .+")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.txt")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_corpus(tmp_path_factory.mktemp("corpus"), 20)


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 20, seed=7)
    generate_corpus(tmp_path / "b", 20, seed=7)
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert len(first) == 20
    assert first == second


def test_other_seed_gives_other_documents(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", 5, seed=1)
    generate_corpus(tmp_path / "b", 5, seed=2)
    assert set(_snapshot(tmp_path / "a").values()).isdisjoint(_snapshot(tmp_path / "b").values())


def test_every_file_is_a_press_release_of_realistic_length(corpus: list[Path]) -> None:
    for path in corpus:
        text = path.read_text(encoding="utf-8")
        header, blank, *_ = text.split("\n", 2)
        assert HEADER.match(header), path.name
        assert blank == ""
        assert 300 <= len(text.split()) <= 1000, path.name
        assert "\r" not in text


def test_both_languages_and_typical_entities_appear(corpus: list[Path]) -> None:
    texts = [path.read_text(encoding="utf-8") for path in corpus]
    dutch = [t for t in texts if t.count(" de ") > t.count(" the ")]
    assert 0 < len(dutch) < len(texts)
    everything = "\n".join(texts)
    for marker in ("minister ", "NAVO", "EU", "premier "):
        assert marker in everything


def test_files_are_spread_over_numbered_subdirectories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus_module, "FILES_PER_DIR", 4)  # 1000 in real runs; small is faster
    count = 4 + 3
    paths = generate_corpus(tmp_path, count, seed=3)
    assert len(paths) == len(set(paths)) == count
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert folders == ["000", "001"]
    assert len(list((tmp_path / "001").iterdir())) == 3


def test_cli_writes_the_requested_number_of_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "--count", "4", "--seed", "9"]) == 0
    assert len(list(tmp_path.rglob("*.txt"))) == 4
    assert "4 documents" in capsys.readouterr().out
