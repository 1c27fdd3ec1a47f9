"""Which entity the Merge dialog offers first: the one most likely meant, or none (no Qt).

Enter in the dialog merges into what is selected, so a guess must be a good one: a name or
alias the two share, the same surname (people), one name a run of the other's words, or an
acronym of the other. When two candidates are as likely, none is chosen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.folding import fold


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str
    aliases: tuple[str, ...] = ()


def _names(candidate: Candidate) -> set[str]:
    return {fold(n) for n in (candidate.key, candidate.name, *candidate.aliases) if n.strip()}


def _is_run(words: list[str], longer: list[str]) -> bool:
    size = len(words)
    return 0 < size < len(longer) and any(
        longer[i : i + size] == words for i in range(len(longer) - size + 1)
    )


def _acronym(short: str, name: str) -> bool:
    words = [w for w in name.split() if w[:1].isupper()]
    return short.isupper() and len(short) >= 2 and "".join(w[0] for w in words) == short


def _likelihood(kind: str, entity: Candidate, other: Candidate) -> int:
    mine, theirs = _names(entity), _names(other)
    if mine & theirs:
        return 4  # an alias of one is a name of the other
    best = 0
    for a in mine:
        for b in theirs:
            a_words, b_words = a.split(), b.split()
            if kind == "person" and a_words[-1:] == b_words[-1:] and a_words:
                best = max(best, 3)  # the same surname
            if _is_run(a_words, b_words) or _is_run(b_words, a_words):
                best = max(best, 2)
    for short in (entity.name, entity.key):
        for long in (other.name, other.key, *other.aliases):
            if _acronym(short, long):
                best = max(best, 2)
    for short in (other.name, other.key):
        for long in (entity.name, entity.key, *entity.aliases):
            if _acronym(short, long):
                best = max(best, 2)
    return best


def likeliest_target(kind: str, entity: Candidate, candidates: Sequence[Candidate]) -> str | None:
    """The key of the candidate `entity` most likely is another name of, or None when no
    candidate is likely, or two are as likely."""
    scored = [(_likelihood(kind, entity, c), c.key) for c in candidates if c.key != entity.key]
    scored = [(score, key) for score, key in scored if score > 0]
    if not scored:
        return None
    best = max(score for score, _key in scored)
    keys = {key for score, key in scored if score == best}
    return keys.pop() if len(keys) == 1 else None
