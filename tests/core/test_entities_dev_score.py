"""Score the entity extractor on the shared development set, by the rules in its README.

Run with `-s` to see precision, recall and F1 per type and the misses per document. The
scoring itself lives in `benchmarks/entity_quality.py`, shared with the real-document gold set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.entity_quality import document_text, score, score_dev_set

MIN_MICRO_F1 = 0.95


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
    result = score_dev_set()
    if result is None:
        pytest.skip("../shared/data/entities-dev is not available")
    print()
    for kind, tally in result.totals.items():
        print(f"{kind:14} {tally}")
    print(f"{'micro':14} {result.micro}")
    print("\n".join(result.misses))
    assert result.micro.f1 >= MIN_MICRO_F1, "\n".join(result.misses)
