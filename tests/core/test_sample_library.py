"""The bundled sample library a new user sees on first run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_app.resources import resource_path

SAMPLE_DIR = resource_path("sample")
PLAIN_FILES = {
    "2020-09-aantekeningen-werkbezoek-zeeland.txt",
    "2021-02-meeting-notes-cyber-exercise-debrief.md",
}
HEADER = re.compile(r"^ date (\d{4}-\d{2}) \S.*$")
FILE_NAME = re.compile(r"^(\d{4}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.(txt|md)$")
DUTCH_CUES = re.compile(r"\b(?:de|het|en)\b", re.IGNORECASE)
ENGLISH_CUES = re.compile(r"\b(?:the|and|of)\b", re.IGNORECASE)

DOCUMENTS = sorted(path for path in SAMPLE_DIR.glob("*") if path.suffix in {".txt", ".md"})


def _front_matter(text: str) -> dict[str, str]:
    lines = text.split("\n")
    assert lines[0] == "---", "front matter must open on the first line"
    end = lines.index("---", 1)
    pairs = (line.split(":", 1) for line in lines[1:end] if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def _language(text: str) -> str:
    return "nl" if len(DUTCH_CUES.findall(text)) > len(ENGLISH_CUES.findall(text)) else "en"


def test_library_is_big_enough_and_mixes_kinds_and_languages() -> None:
    assert len(DOCUMENTS) >= 30
    texts = {path: path.read_text(encoding="utf-8") for path in DOCUMENTS}
    languages = {_language(text) for text in texts.values()}
    assert languages == {"nl", "en"}
    for suffix in (".txt", ".md"):
        by_language = {_language(t) for p, t in texts.items() if p.suffix == suffix}
        assert by_language == {"nl", "en"}, f"{suffix} files should come in both languages"


def test_plain_files_exist() -> None:
    assert {path.name for path in DOCUMENTS} >= PLAIN_FILES


def test_readme_says_the_content_is_fictional() -> None:
    readme = (SAMPLE_DIR.parent / "SAMPLE-LIBRARY.md").read_text(encoding="utf-8")
    assert "fictional" in readme


def test_the_sample_folder_holds_only_documents() -> None:
    assert sorted(SAMPLE_DIR.iterdir()) == DOCUMENTS


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_document_is_well_formed(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert b"\r" not in raw, "LF line endings only"
    assert not text.startswith("\ufeff")
    assert 200 <= len(text.split()) <= 700

    name = FILE_NAME.match(path.name)
    assert name, "file names are YYYY-MM-slug.txt or .md"
    if path.name in PLAIN_FILES:
        assert not HEADER.match(text.split("\n", 1)[0])
        assert not text.startswith(("---", "#"))
        return
    if path.suffix == ".txt":
        header, blank, body = text.split("\n", 2)
        match = HEADER.match(header)
        assert match, "press releases open with ' date YYYY-MM Title'"
        assert blank == "" and body.strip()
        assert match.group(1) == name.group(1), "file name and header agree on the date"
    else:
        meta = _front_matter(text)
        assert meta.get("title")
        assert re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", meta.get("date", ""))
        assert meta["date"].startswith(name.group(1)), "file name and front matter agree"
        assert meta.get("source")
        assert re.fullmatch(r"\[[^\]]+\]", meta.get("tags", ""))
