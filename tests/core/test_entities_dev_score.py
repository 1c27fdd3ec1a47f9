"""Score the entity extractor on the development set (tests/data/entities-dev), by the rules in
its README.

Run with `-s` to see precision, recall and F1 per type and the misses per document. The
scoring itself lives in `benchmarks/entity_quality.py`, shared with the real-document gold set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.entity_quality import (
    document_text,
    extract_dev,
    load_gold,
    score,
    score_documents,
)
from tests.conftest import ENTITIES_DEV, SEED_DIR

MIN_MICRO_F1 = 0.95


def _dev_set() -> list[dict[str, Any]]:
    """The gold documents; the seed, named as in ../shared ("../../seeds/..."), from SEED_DIR."""
    return [
        {**doc, "file": str(SEED_DIR / Path(doc["file"]).name)}
        if doc["file"].startswith("../../seeds/")
        else doc
        for doc in load_gold(ENTITIES_DEV)
    ]


def test_text_extraction_keeps_titles_and_drops_front_matter(tmp_path: Path) -> None:
    release = tmp_path / "a.txt"
    release.write_text(" date 2019-03 Minister Blok in Mali\n\nBody text.\n", encoding="utf-8")
    note = tmp_path / "b.md"
    note.write_text('---\ntitle: "Briefing: NATO"\nsource: Ministry\n---\n# Head\n', "utf-8")
    assert document_text(release) == "Minister Blok in Mali\n\nBody text.\n"
    assert document_text(note) == "Briefing: NATO\n\n# Head\n"


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        (["Stef Blok"], (1, 0, 1)),  # canonical name matches; Rutte missed
        (["minister Blok", "Blok"], (1, 1, 1)),  # one entity listed twice
        (["Koning Blok", "kabinet"], (1, 0, 1)),  # title stripped; optional ignored
        (["Jansen"], (0, 1, 2)),
    ],
)
def test_scorer_follows_the_readme(predicted: list[str], expected: tuple[int, int, int]) -> None:
    gold = [["Stef Blok", "Blok"], ["Mark Rutte", "Rutte"]]
    tally, _, _ = score(predicted, gold, {"kabinet"})
    assert (tally.tp, tally.fp, tally.fn) == expected


def test_micro_f1_on_the_development_set() -> None:
    result = score_documents(_dev_set(), ENTITIES_DEV, extract_dev)
    print()
    for kind, tally in result.totals.items():
        print(f"{kind:14} {tally}")
    print(f"{'micro':14} {result.micro}")
    print("\n".join(result.misses))
    assert result.micro.f1 >= MIN_MICRO_F1, "\n".join(result.misses)
