"""Word forms and false friends (issue #17), measured against the search core.

The tables live in tests/data/word_forms/ (see its README). `WordFormIndex.build` writes one tiny
document per distinct form into a throwaway SearchIndex; `measure` then searches each form and
checks which documents it finds:

- a pair (form_a, form_b): each form finds the other's document (a `compound-head` row one way
  only: the part finds the compound);
- a false friend (query, must_not_find): the query does not find the trap's document.

Shared by tests/core/test_word_forms.py (one assertion per row) and benchmarks/search_quality.py
(recall and precision per class).
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.search import IndexRecord, QuerySyntaxError, SearchIndex, SearchRequest

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "word_forms"
# The part finds the compound ("prijs" -> "energieprijzen"); a compound query need not find the
# bare part.
ONE_WAY_CLASSES = frozenset({"compound-head"})
# Function words only, so that no form of the tables matches the filler (checked in build()).
FILLER = {
    "nl": "Hier en daar: {form}, maar niet zo.",
    "en": "Here and there: {form}, but not so.",
}


@dataclass(frozen=True)
class Pair:
    language: str
    cls: str
    form_a: str
    form_b: str
    comment: str = ""

    @property
    def both_ways(self) -> bool:
        return self.cls not in ONE_WAY_CLASSES

    def __str__(self) -> str:
        return f"{self.language}-{self.cls}-{self.form_a}-{self.form_b}"


@dataclass(frozen=True)
class Trap:
    language: str
    query: str
    must_not_find: str
    note: str = ""

    def __str__(self) -> str:
        return f"{self.language}-{self.query}-not-{self.must_not_find}"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_pairs(language: str, folder: Path = DATA) -> list[Pair]:
    return [
        Pair(language, row["class"], row["form_a"], row["form_b"], row.get("comment") or "")
        for row in _rows(folder / f"{language}_pairs.tsv")
    ]


def load_traps(folder: Path = DATA) -> list[Trap]:
    return [
        Trap(row["language"], row["query"], row["must_not_find"], row.get("note") or "")
        for row in _rows(folder / "false_friends.tsv")
    ]


def fold(word: str) -> str:
    """Lower case without accents, for telling forms apart (not the index's own folding)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class WordFormIndex:
    """A SearchIndex holding one document per (language, form); searches are cached."""

    def __init__(self, index: SearchIndex, forms: dict[tuple[str, str], str]) -> None:
        self.index = index
        self._doc_ids = forms  # (language, form) -> document id
        self._forms = {doc_id: key for key, doc_id in forms.items()}
        self._found: dict[str, frozenset[str]] = {}
        self.syntax_errors: dict[str, str] = {}

    @classmethod
    def build(cls, folder: Path, pairs: Iterable[Pair], traps: Iterable[Trap]) -> WordFormIndex:
        keys: dict[tuple[str, str], None] = {}
        for pair in pairs:
            keys[(pair.language, pair.form_a)] = None
            keys[(pair.language, pair.form_b)] = None
        for trap in traps:
            keys[(trap.language, trap.query)] = None
            keys[(trap.language, trap.must_not_find)] = None
        filler_words = {fold(w) for text in FILLER.values() for w in text.split()}
        clashes = sorted(form for _, form in keys if fold(form) in filler_words)
        if clashes:
            raise ValueError(f"forms that are also filler words: {clashes}")
        forms = {key: f"{key[0]}-{n:04d}" for n, key in enumerate(keys)}
        records = [
            IndexRecord(
                id=doc_id,
                path=f"/word-forms/{doc_id}.txt",
                title="",  # the body alone holds the form
                body=FILLER[language].format(form=form),
                language=language,
            )
            for (language, form), doc_id in forms.items()
        ]
        index = SearchIndex(folder)
        index.rebuild(records)
        return cls(index, forms)

    def close(self) -> None:
        self.index.close()

    def doc_id(self, language: str, form: str) -> str:
        return self._doc_ids[(language, form)]

    def form_of(self, doc_id: str) -> tuple[str, str]:
        return self._forms[doc_id]

    def found(self, query: str) -> frozenset[str]:
        """Ids of every document the query finds (a query the parser refuses finds nothing)."""
        if query not in self._found:
            request = SearchRequest(
                query=query,
                limit=len(self._doc_ids),
                snippets=False,
                suggest=False,
                facets=False,
            )
            try:
                hits = self.index.search(request).hits
            except QuerySyntaxError as error:
                self.syntax_errors[query] = str(error)
                hits = []
            self._found[query] = frozenset(hit.id for hit in hits)
        return self._found[query]

    def finds(self, language: str, query: str, form: str) -> bool:
        return self.doc_id(language, form) in self.found(query)

    def pair_failures(self, pair: Pair) -> list[str]:
        """What a user would miss: "a ↛ b" for each direction that fails, and a form that does
        not even find its own document."""
        directions = [(pair.form_a, pair.form_b)]
        if pair.both_ways:
            directions.append((pair.form_b, pair.form_a))
        missing = [f"{q} ↛ {t}" for q, t in directions if not self.finds(pair.language, q, t)]
        for form in (pair.form_a, pair.form_b):
            if not self.finds(pair.language, form, form):
                missing.append(f"{form} ↛ itself")
        return missing


@dataclass
class ClassScore:
    language: str
    cls: str
    pairs: int = 0
    checks: int = 0  # directions searched
    found: int = 0  # directions that found the other form
    hits: int = 0  # documents found, other than the query's own
    related: int = 0  # ...of which a form of the same word or a compound of one

    @property
    def recall(self) -> float:
        return self.found / self.checks if self.checks else 1.0

    @property
    def precision(self) -> float:
        return self.related / self.hits if self.hits else 1.0


@dataclass
class Report:
    classes: list[ClassScore]
    traps: int
    traps_avoided: int
    failures: list[str] = field(default_factory=list)

    @property
    def trap_precision(self) -> float:
        """Share of the false friends the search keeps out."""
        return self.traps_avoided / self.traps if self.traps else 1.0

    def total(self, language: str | None = None) -> ClassScore:
        total = ClassScore(language or "all", "all")
        for score in self.classes:
            if language is None or score.language == language:
                total.pairs += score.pairs
                total.checks += score.checks
                total.found += score.found
                total.hits += score.hits
                total.related += score.related
        return total


# A compound's other part is a word of its own; these are derivations and prefixes instead
# ("regel|ingen", "over|heid", "ver|hoging", "mini|ster").
_NOT_A_PART = frozenset(
    str.split(
        """
        heid heden lijk lijke lijkheid schap schappen ingen isch ische loos loze baar bare tjes
        ster sters ling lingen atie aties ness ment ments ation ations ally ings ver ont her mis
        """
    )
)


class Kinship:
    """Which forms belong to one word: those linked by some pair of the tables, in any language
    ("crisis" is one word in Dutch and English), and the compounds made of one."""

    def __init__(self, pairs: Iterable[Pair], traps: Iterable[Trap] = ()) -> None:
        parent: dict[str, str] = {}

        def root(word: str) -> str:
            parent.setdefault(word, word)
            while parent[word] != word:
                parent[word] = parent[parent[word]]
                word = parent[word]
            return word

        for pair in pairs:
            a, b = root(fold(pair.form_a)), root(fold(pair.form_b))
            if a != b:
                parent[b] = a
        self._members: dict[str, set[str]] = defaultdict(set)
        for word in list(parent):
            self._members[root(word)].add(word)
        self._family = {word: root(word) for word in parent}
        self._traps = {(fold(t.query), fold(t.must_not_find)) for t in traps}

    def related(self, query: str, hit_form: str) -> bool:
        """A form of the same word, or a compound with one as a part ("energieprijzen",
        "wetsvoorstel"); never a false friend of the tables."""
        query, hit = fold(query), fold(hit_form)
        kin = self._members.get(self._family.get(query, ""), {query})
        if hit in kin:
            return True
        if (query, hit) in self._traps:
            return False
        for word in kin:
            if hit.endswith(word) and _is_part(hit[: -len(word)]):
                return True
            if hit.startswith(word) and _is_part(hit[len(word) :].removeprefix("s")):
                return True
        return False


def _is_part(rest: str) -> bool:
    return len(rest) >= 3 and rest not in _NOT_A_PART


def measure(words: WordFormIndex, pairs: list[Pair], traps: list[Trap]) -> Report:
    kinship = Kinship(pairs, traps)
    scores: dict[tuple[str, str], ClassScore] = {}
    failures: list[str] = []
    for pair in pairs:
        score = scores.setdefault((pair.language, pair.cls), ClassScore(pair.language, pair.cls))
        score.pairs += 1
        directions = [(pair.form_a, pair.form_b)]
        if pair.both_ways:
            directions.append((pair.form_b, pair.form_a))
        for query, target in directions:
            score.checks += 1
            score.found += words.finds(pair.language, query, target)
            own = words.doc_id(pair.language, query)
            for doc_id in words.found(query) - {own}:
                score.hits += 1
                score.related += kinship.related(query, words.form_of(doc_id)[1])
        failures += [f"{pair.language} {pair.cls}: {m}" for m in words.pair_failures(pair)]
    avoided = 0
    for trap in traps:
        if words.finds(trap.language, trap.query, trap.must_not_find):
            failures.append(f"{trap.language} false friend: {trap.query} → {trap.must_not_find}")
        else:
            avoided += 1
    failures += [f"query refused: {q!r}: {e}" for q, e in words.syntax_errors.items()]
    return Report(list(scores.values()), len(traps), avoided, failures)


def stray_hits(
    words: WordFormIndex, pairs: list[Pair], traps: list[Trap], limit: int = 3
) -> dict[str, list[str]]:
    """Per query form, up to `limit` unrelated forms it finds (the precision misses, by example)."""
    kinship = Kinship(pairs, traps)
    strays: dict[str, list[str]] = {}
    for pair in pairs:
        for query in (pair.form_a, pair.form_b):
            own = words.doc_id(pair.language, query)
            found = sorted(
                {
                    form
                    for doc_id in words.found(query) - {own}
                    for _, form in [words.form_of(doc_id)]
                    if not kinship.related(query, form)
                }
            )
            if found and query not in strays:
                strays[query] = found[:limit]
    return strays


def load_known_misses() -> dict[str, str]:
    """Row id -> why search does not get it right yet (tests/data/word_forms/known_misses.tsv)."""
    path = DATA / "known_misses.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = [line.split("\t", 1) for line in lines if not line.startswith("#")][1:]
    return {row_id: reason for row_id, reason in rows}
