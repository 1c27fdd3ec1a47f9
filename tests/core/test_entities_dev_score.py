"""Score the entity extractor on the shared development set, by the rules in its README.

Run with `-s` to see precision, recall and F1 per type and the misses per document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_app.entities import DocumentEntities, extract_entities

DEV_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "entities-dev"
MIN_MICRO_F1 = 0.95

# Titles that may lead a name in either the gold list or a prediction ("Koning Abdullah II").
_LEADING_TITLE = re.compile(
    r"^(?:(?:minister|premier|minister-president|staatssecretaris|koning|koningin|prins|prinses"
    r"|president|secretaris-generaal|directeur-generaal|burgemeester|prime minister"
    r"|secretary[- ]general|secretary of state|chancellor|bondskanselier|king|queen|prince"
    r"|princess|dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?)\s+)+",
    re.IGNORECASE,
)


def document_text(path: Path) -> str:
    """The text the gold answers cover: the title plus the body, without format furniture."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        match = re.match(r"---\n(.*?)\n---\n", raw, re.DOTALL)
        if not match:
            return raw
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', match.group(1), re.MULTILINE)
        heading = title.group(1) + "\n\n" if title else ""
        return heading + raw[match.end() :]
    first, _, body = raw.partition("\n")
    return re.sub(r"^\s*date \d{4}-\d{2}\s*", "", first) + "\n" + body


def language_of(text: str) -> str:
    dutch = len(re.findall(r"\b(?:de|het|een|van|en|is|dat)\b", text))
    english = len(re.findall(r"\b(?:the|a|of|and|is|that|to)\b", text))
    return "nl" if dutch > english else "en"


def _norm(name: str) -> str:
    return _LEADING_TITLE.sub("", name.strip()).casefold()


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    predicted: list[str], gold: list[list[str]], optional: set[str]
) -> tuple[Tally, list[str], list[str]]:
    """README rules: a prediction matches a gold entity if it equals one of its names; each
    gold entity matches once (a second hit is a false positive); optional names are ignored."""
    tally = Tally()
    matched: set[int] = set()
    wrong: list[str] = []
    for name in predicted:
        hit = next((k for k, names in enumerate(gold) if _norm(name) in map(_norm, names)), None)
        if hit is None:
            if _norm(name) not in optional:
                tally.fp += 1
                wrong.append(name)
        elif hit in matched:
            tally.fp += 1
            wrong.append(name + " (twice)")
        else:
            matched.add(hit)
            tally.tp += 1
    missed = [names[0] for k, names in enumerate(gold) if k not in matched]
    tally.fn = len(missed)
    return tally, wrong, missed


def _predictions(entities: DocumentEntities) -> dict[str, list[str]]:
    return {
        "people": [e.name for e in entities.people],
        "countries": [e.key for e in entities.countries],
        "organizations": [e.name for e in entities.organizations],
    }


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
    gold_path = DEV_DIR / "gold.json"
    if not gold_path.is_file():
        pytest.skip("../shared/data/entities-dev is not available")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    totals = {kind: Tally() for kind in ("people", "countries", "organizations")}
    report: list[str] = []
    for doc in gold["documents"]:
        text = document_text((DEV_DIR / doc["file"]).resolve())
        predicted = _predictions(extract_entities(text, language_of(text)))
        optional = {_norm(name) for name in doc.get("optional", [])}
        for kind, tally in totals.items():
            expected = doc[kind]
            if kind == "countries":
                expected = [[code] for code in expected]
            doc_tally, wrong, missed = score(predicted[kind], expected, optional)
            tally.add(doc_tally)
            if wrong or missed:
                report.append(f"  {doc['file']} {kind}: wrong={wrong} missed={missed}")

    micro = Tally()
    print()
    for kind, tally in totals.items():
        micro.add(tally)
        print(f"{kind:14} P={tally.precision:.3f} R={tally.recall:.3f} F1={tally.f1:.3f}")
    print(f"{'micro':14} P={micro.precision:.3f} R={micro.recall:.3f} F1={micro.f1:.3f}")
    print("\n".join(report))
    assert micro.f1 >= MIN_MICRO_F1, "\n".join(report)
