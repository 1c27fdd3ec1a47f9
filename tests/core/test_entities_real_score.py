"""Entity panels on 63 real documents nobody wrote for Briefing (tests/data/entities-real/):
precision, recall and F1 per type on the half that may be tuned on (`dev`), on the half that
may not (`held_out`) and on two held-out sets annotated later (`fresh`, `unseen`). Run with
`-s` to see the table.

The floors are what the extractor reaches today, so a change that makes the panels worse on
real text fails here; raise them when the extractor gets better. The development set
(../shared/data/entities-dev) must stay perfect.
"""

from __future__ import annotations

from functools import cache

import pytest

from benchmarks.entity_quality import (
    REAL_DIR,
    SPLITS,
    GoldScore,
    load_gold,
    score_real,
    table,
)

# (split, type) -> the F1 reached, as a floor: a change may trade precision for recall but
# must not make a panel worse on the whole. People must stay free of non-persons.
F1_FLOORS = {
    ("dev", "people"): 0.97,
    ("dev", "countries"): 1.0,
    ("dev", "organizations"): 0.93,
    ("held_out", "people"): 0.96,
    ("held_out", "countries"): 1.0,
    ("held_out", "organizations"): 0.89,
    ("fresh", "people"): 1.0,
    ("fresh", "countries"): 1.0,
    ("fresh", "organizations"): 0.96,
    ("unseen", "people"): 1.0,
    ("unseen", "countries"): 1.0,
    ("unseen", "organizations"): 0.85,
}
PEOPLE_MIN_PRECISION = 1.0


@cache
def _scores(split: str) -> GoldScore:
    return score_real(split)


def test_the_gold_set_is_two_languages_in_two_halves() -> None:
    documents = load_gold(REAL_DIR)
    for split in ("dev", "held_out", "fresh"):  # "unseen" is 7 small documents
        half = [d for d in documents if d["split"] == split]
        assert sum(d["file"].startswith("nl-") for d in half) >= 9
        assert sum(d["file"].startswith("en-") for d in half) >= 9
    assert all((REAL_DIR / d["file"]).is_file() for d in documents)


def test_prints_the_table() -> None:
    print()
    print(table({f"real {split}": _scores(split) for split in SPLITS}))


@pytest.mark.parametrize(("split", "kind"), sorted(F1_FLOORS))
def test_no_worse_than_before(split: str, kind: str) -> None:
    tally = _scores(split).totals[kind]
    misses = "\n".join(m for m in _scores(split).misses if f" {kind}:" in m)
    assert tally.f1 >= F1_FLOORS[split, kind], misses
    if kind == "people":
        assert tally.precision >= PEOPLE_MIN_PRECISION, misses
