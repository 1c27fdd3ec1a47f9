"""Entity panels on 36 real documents nobody wrote for Briefing (tests/data/entities-real/):
precision, recall and F1 per type on the half that may be tuned on (`dev`) and on the half
that may not (`held_out`). Run with `-s` to see the table.

The floors are what the extractor reaches today, so a change that makes the panels worse on
real text fails here; raise them when the extractor gets better. The development set
(../shared/data/entities-dev) must stay perfect.
"""

from __future__ import annotations

from functools import cache

import pytest

from benchmarks.entity_quality import (
    REAL_DIR,
    GoldScore,
    load_gold,
    score_dev_set,
    score_real,
    table,
)

# (split, type) -> (precision, recall) floors, as reached.
FLOORS = {
    ("dev", "people"): (0.78, 0.81),
    ("dev", "countries"): (0.88, 1.0),
    ("dev", "organizations"): (0.76, 0.12),
    ("held_out", "people"): (0.52, 0.75),
    ("held_out", "countries"): (1.0, 1.0),
    ("held_out", "organizations"): (0.93, 0.48),
}


@cache
def _scores(split: str) -> GoldScore:
    return score_real(split)


def test_the_gold_set_is_two_languages_in_two_halves() -> None:
    documents = load_gold(REAL_DIR)
    for split in ("dev", "held_out"):
        half = [d for d in documents if d["split"] == split]
        assert sum(d["file"].startswith("nl-") for d in half) >= 9
        assert sum(d["file"].startswith("en-") for d in half) >= 9
    assert all((REAL_DIR / d["file"]).is_file() for d in documents)


def test_prints_the_table() -> None:
    print()
    print(table({"real dev": _scores("dev"), "real held": _scores("held_out")}))


@pytest.mark.parametrize(("split", "kind"), sorted(FLOORS))
def test_no_worse_than_before(split: str, kind: str) -> None:
    tally = _scores(split).totals[kind]
    min_precision, min_recall = FLOORS[split, kind]
    misses = "\n".join(m for m in _scores(split).misses if f" {kind}:" in m)
    assert tally.precision >= min_precision, misses
    assert tally.recall >= min_recall, misses


def test_the_development_set_stays_perfect() -> None:
    result = score_dev_set()
    if result is None:
        pytest.skip("../shared/data/entities-dev is not available")
    assert result.micro.f1 == 1.0, "\n".join(result.misses)
