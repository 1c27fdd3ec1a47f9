"""Document language from function words: deterministic, dependency-free and fast.

Every language writes its most frequent words all the time, so counting ~100 of them per
language is reliable from one paragraph on. Words that several languages share ("in",
"de", "die") count for each of them in proportion, so they cannot decide alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

UNDETERMINED = "und"
# Only the start is read: a language does not change halfway a press release.
MAX_CHARS = 3000
# Below this many words there is no honest guess.
MIN_WORDS = 3
# The winner needs this much evidence and this lead over the runner-up.
MIN_SCORE = 1.5
MIN_LEAD = 1.3

_FUNCTION_WORDS: dict[str, str] = {
    "nl": """
        de het een en van in is dat op te voor met zijn niet aan er die om ook als bij of
        door naar uit maar worden wordt nog over dan tot werd kan moet wel hij zij ze we wij
        ik je jullie hun haar hem mijn onze ons deze dit dus geen meer veel zo al na nu hebben
        heeft had hadden waren was zal zullen kunnen moeten wil willen omdat want waar wat
        wie hoe welke wanneer tussen onder tegen zonder tijdens sinds vanaf binnen buiten
        daarom echter alle andere jaar nieuwe eerste volgens zoals bovendien zich mee toe daar
        hier heel weer gaan gaat komt komen laten staat blijft vandaag zegt aldus ongeveer
        twee drie verder werden wordt elkaar iets niets iedereen mensen goed extra
    """,
    "en": """
        the of and to a in is that for it as was with be by on not he i this are or his from
        at which but have an had they you were their one all we can her has there been if
        more when will would who so no she other its may these about than them what some
        could our into only do also any after should most over such must between those under
        while where how through during against without because both each very being did does
        said new first today up out then just well us two three since my your him me
        however around
    """,
    "de": """
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch
        es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über
        einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei kann
        gegen vom können schon wenn habe seine ihre dann unter wir soll ich eines jahr zwei
        diese dieser wieder keine seiner worden uns ob sehr ihr was sowie hatte damit alle
        bereits dies heute zwischen seit ohne jetzt weil muss müssen immer doch neue neuen
        beim wurden ersten gibt denn etwa sollen
    """,
    "fr": """
        de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se
        ce il sont avec ou son aux d l qu n elle nous vous ils leur leurs mais été cette ces
        être fait sa ses comme même tout tous aussi bien sans entre depuis avait ont était
        sous lors après avant contre dont très peut doit deux nos notre votre y où si encore
        ainsi selon alors car donc cela ceci aujourd hui premier nouvelle nouveau autres
        autre chaque déjà non faire avoir trois
    """,
}

LANGUAGES: tuple[str, ...] = tuple(_FUNCTION_WORDS)

# Spelling that gives a language away, for short texts with few function words
# (titles): Dutch "ij", German "ß" and "-ung", French accents. Weak on purpose.
CUE_WEIGHT = 0.25
_SPELLING_CUES: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"ij|uu|lijk"),
    "en": re.compile(r"th|wh|ght"),
    "de": re.compile(r"ß|ä|ü|tz|ung$|lich|keit"),
    "fr": re.compile(r"é|è|ê|ç|à|eau|aux$"),
}


def _build_weights() -> dict[str, tuple[tuple[str, float], ...]]:
    owners: dict[str, list[str]] = defaultdict(list)
    for language, words in _FUNCTION_WORDS.items():
        for word in dict.fromkeys(words.split()):
            owners[word].append(language)
    return {
        word: tuple((language, 1.0 / len(langs)) for language in langs)
        for word, langs in owners.items()
    }


_WEIGHTS = _build_weights()
_WORD = re.compile(r"[^\W\d_]+")


def _new_word_scores(word: str) -> tuple[tuple[str, float], ...]:
    """What one occurrence of `word` adds to each language, kept in _SCORES: its
    function-word weights, then its spelling cues (in this order, so sums come out the same
    to the last bit as adding them separately did)."""
    cues = tuple(
        (language, CUE_WEIGHT) for language, cue in _SPELLING_CUES.items() if cue.search(word)
    )
    scores = _WEIGHTS.get(word, ()) + cues
    if len(_SCORES) >= _SCORES_LIMIT:
        _SCORES.clear()
    _SCORES[word] = scores
    return scores


# A plain dict rather than lru_cache: one lookup per distinct word is most of the work.
_SCORES: dict[str, tuple[tuple[str, float], ...]] = {}
_SCORES_LIMIT = 65536


def detect_language(text: str) -> str:
    """ISO 639-1 code ("nl", "en", "de", "fr") of the text, or "und" when unsure."""
    words = _WORD.findall(text[:MAX_CHARS].lower())
    if len(words) < MIN_WORDS:
        return UNDETERMINED
    scores: dict[str, float] = dict.fromkeys(LANGUAGES, 0.0)
    known = _SCORES
    for word, count in Counter(words).items():
        adds = known.get(word)
        if adds is None:
            adds = _new_word_scores(word)
        for language, weight in adds:
            scores[language] += weight * count
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score < MIN_SCORE or best_score < second_score * MIN_LEAD:
        return UNDETERMINED
    return best
