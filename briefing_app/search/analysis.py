"""Whoosh analyzers: tokenising, folding, word forms (lemmas) and Dutch compound parts.

Chains (index side and query side use the same analyzer; only the word-forms filter looks at
the mode):

- "nl": words (hyphens split) | word forms: folded surface, lemma, compound part lemmas
- "en": words | word forms: folded surface, lemma in American spelling
- anything else, and `folding_analyzer()`: words | folding (briefing_app.folding)

Lemmas come from a dictionary (simplemma: irregular plurals, participles, strong verbs), with
rules for regular forms of words it lacks; unlike a stemmer they never join words that only
share letters ("handel" and "handelingen", "steden" and "besteden").

Stop words are kept on purpose: users search for "niet" and "geen", and phrase queries must match
the text word for word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from whoosh.analysis import Analyzer, Filter, RegexTokenizer, Token

from briefing_app.folding import fold
from briefing_app.resources import resource_path
from briefing_app.search.word_cache import (
    WordTable,
    file_key,
    forms_table,
    lemmas_table,
    load_forms,
    load_lemmas,
)

# Runs of word characters; a dot between word characters stays inside ("2.000"), everything else
# separates, hyphens included: "VN-militairen" gives "vn" and "militairen".
TOKEN_PATTERN = r"\w+(?:\.\w+)*"

_WORDLIST = ("wordlists", "dutch_words.txt")


# --- Dutch compound splitting -------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are never a part: function words and prefixes ("samen|werking", "voor|zitter",
# "ver|klaring", "stem|men") and suffix-like words ("partner|schap", "mini|ster", "mogelijk|heden").
_NEVER_PARTS = _wordset(
    """
    aan achter af al als bij binnen boven buiten daar dat de der des die dit door een en er erin
    ge her hier hij het hun in je jij men met mee mis na naar neer niet nog om on ont onder op
    over samen te tegen ten ter toe tot tussen uit van ver voor vol waar wat we weer wel wij zich
    zij zo zonder
    schap schappen heid heden dom dommen baar bare lijk lijke lijken loos loze zaam zame achtig
    achtige ing ingen nis nissen ster sters tje tjes ling lingen isch ische ist isten erij erijen
    ier iers eur eurs ant anten ent enten rijk rijke rijken matig matige waardig waardige wijs
    wijze halve tal tallen
    """
)
# Heads that mostly start separable verbs or lexicalised words ("terug|dringen", "net|werken",
# "goed|koper", "oor|zaken", "vers|trekt").
_NEVER_HEADS = _wordset(
    """
    terug vast voort vooruit overeen weg goed best beste net oor vers tegemoet teweeg mini rond
    """
)
# Tails that are mostly inflection or verb endings in disguise ("aanpak|ken", "beste|den",
# "houd|ende", "waard|eert", "bestrij|ding", "wetenschap|pers").
_NEVER_TAILS = _wordset(
    """
    den ken ren res air ere eren eert ende ding dingen ring ringen ting king keren pers oren
    """
)
_LINKERS = ("", "s")  # "veiligheid-s-raad"; "-en-" heads ("mensen") are words in their own right
_MIN_WORD = 7  # shorter words are never split (cheap early exit, and few real compounds)
_MIN_PART = 3
_MIN_PART_ZIPF = 2.5  # a part must be a reasonably frequent word...
_MIN_SHORT_PART_ZIPF = {3: 4.0, 4: 3.0}  # ...and a short one a frequent word ("gas", "wet")
_MAX_WHOLE_ZIPF = 4.5  # a word this frequent on its own is lexicalised ("ziekenhuis")
_SPLIT_MARGIN = 0.4  # parts must be clearly more frequent than the whole word (Koehn & Knight)
_LINKER_PENALTY = 0.2
# Frequent short words make random segmentations look good ("best|rij|ding"): each part beyond
# two costs this much of the mean ("kennis|netwerk", not "kennis|net|werk"), and a short part is
# more often a chance match than a long one ("mini|steriele", "maat|regel").
_EXTRA_PART_PENALTY = 0.8
_SHORT_PART_PENALTY = {3: 0.5, 4: 0.3}
_MEMO_LIMIT = 400_000


def base_forms(word: str) -> Iterator[str]:
    """Singular/uninflected candidates of a Dutch noun or adjective: "opslagen" -> "opslag"."""
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        yield stem
        if stem[-1] == stem[-2]:
            yield stem[:-1]  # pakketten -> pakket
        if stem[-1] in "zv":
            yield stem[:-1] + {"z": "s", "v": "f"}[stem[-1]]  # huizen -> huis
        if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
            yield stem[:-1] + stem[-2] + stem[-1]  # raden -> raad
    elif word.endswith(("s", "e")) and not word.endswith("ss"):
        yield word[:-1]  # partners -> partner, kleine -> klein


class _Split(NamedTuple):
    score: float  # mean Zipf value of the words, minus penalties
    head: str
    tail: str
    total: float  # sum of the Zipf values of all words (a nested head counts with its parts)
    words: int


class DutchCompoundSplitter:
    """Splits Dutch compounds into frequent dictionary words, memoised per word.

    A split must be made of dictionary words that are frequent enough, may put a linking "s"
    between them, and wins only when its parts are (in geometric mean) clearly more frequent than
    the whole word: "veiligheidsraad" -> "veiligheid", "raad"; "minister" stays whole.
    """

    def __init__(
        self,
        zipf: Mapping[str, float] | WordTable[str, float],
        never_split: Iterable[str] | WordTable[str, None] = (),
    ) -> None:
        self._zipf = zipf if isinstance(zipf, WordTable) else dict(zipf)
        self._never_split = (
            never_split if isinstance(never_split, WordTable) else frozenset(never_split)
        )
        self._memo: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_file(cls, path: Path) -> DutchCompoundSplitter:
        """A splitter over a word list written by scripts/make_dutch_wordlist.py, read a word
        at a time through the user's cache folder (search/word_cache.py)."""
        key = file_key(path)
        zipf: WordTable[str, float] = WordTable(
            f"splitter-zipf-{key}", dict, lambda: cls.read_word_list(path)[0]
        )
        never_split: WordTable[str, None] = WordTable(
            f"splitter-never-{key}", frozenset, lambda: frozenset(cls.read_word_list(path)[1])
        )
        return cls(zipf, never_split)

    def load(self) -> None:
        """Holds the whole word list from now on (see `load_word_tables`)."""
        if isinstance(self._zipf, WordTable):
            self._zipf = self._zipf.whole()  # type: ignore[assignment]
        if isinstance(self._never_split, WordTable):
            self._never_split = self._never_split.whole()  # type: ignore[assignment]

    def prepare(self) -> None:
        """Writes the lookup files of the word list now if there are none."""
        for table in (self._zipf, self._never_split):
            if isinstance(table, WordTable):
                table.prepare()

    @staticmethod
    def read_word_list(path: Path) -> tuple[dict[str, float], list[str]]:
        """(word -> Zipf value, words never split) of a word list file."""
        zipf: dict[str, float] = {}
        never_split: list[str] = []
        # Read at once: a loop that reads as it goes lets go of the GIL at every buffer and
        # takes it straight back, which keeps a waiting GUI thread out for the whole load.
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            word, _, value = line.partition("\t")
            if value == "-":
                never_split.append(word)
            else:
                zipf[word] = int(value) / 10
        return zipf, never_split

    def split(self, word: str) -> tuple[str, ...]:
        """Parts of `word` (folded), nested compounds and their own parts included; () if none."""
        parts = self._memo.get(word)
        if parts is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            parts = self._memo[word] = self._split(word)
        return parts

    def _split(self, word: str) -> tuple[str, ...]:
        if len(word) < _MIN_WORD or not word.isalpha() or word in self._never_split:
            return ()
        whole = self._zipf.get(word, 0.0)
        if whole >= _MAX_WHOLE_ZIPF:
            return ()
        best = self._best_split(word)
        if best is None or best.score < whole + _SPLIT_MARGIN:
            return ()
        head, tail = best.head, best.tail
        parts = dict.fromkeys((head, *self.split(head), tail, *self.split(tail)))
        return tuple(parts)

    @lru_cache(maxsize=200_000)  # noqa: B019 -- one long-lived splitter per process
    def _best_split(self, word: str) -> _Split | None:
        best: _Split | None = None
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            # The tails first: a cut no word can end is dropped before its head, which may
            # be a compound itself, is looked at (most words, and made-up ones, have none).
            tails = [
                (linker, tail, tail_zipf)
                for linker in _LINKERS
                if word.startswith(linker, cut)
                and (tail_zipf := self._tail_zipf(tail := word[cut + len(linker) :])) is not None
            ]
            if not tails:
                continue
            head = self._head_leaves(word[:cut])
            if head is None:
                continue
            for linker, tail, tail_zipf in tails:
                total, count = head[0] + tail_zipf, head[1] + 1
                score = total / count - _EXTRA_PART_PENALTY * (count - 2)
                score -= _LINKER_PENALTY if linker else 0.0
                if best is None or score > best.score:
                    best = _Split(score, word[:cut], tail, total, count)
        return best

    def _word_zipf(self, part: str) -> float | None:
        if part in _NEVER_PARTS or part in _NEVER_HEADS or part in self._never_split:
            return None
        zipf = self._zipf.get(part)
        if zipf is None or zipf < _MIN_SHORT_PART_ZIPF.get(len(part), _MIN_PART_ZIPF):
            return None
        return zipf - _SHORT_PART_PENALTY.get(len(part), 0.0)

    def _head_leaves(self, head: str) -> tuple[float, int] | None:
        """(sum of Zipf values, number of words) of a head: one word or a compound itself."""
        zipf = self._word_zipf(head)
        if zipf is not None:
            return zipf, 1
        # Dutch compounds nest on the left ("[gemeente|raad]s|verkiezingen"); nesting on the right
        # mostly finds nonsense ("best|[rij|ding]"), so only a head may be a compound itself.
        if len(head) >= _MIN_WORD:
            nested = self._best_split(head)
            if nested is not None:
                return nested.total, nested.words
        return None

    def _tail_zipf(self, tail: str) -> float | None:
        """Zipf value of the last part, which carries the inflection: "opslagen" as "opslag"."""
        if len(tail) < _MIN_PART or tail in _NEVER_PARTS or tail in _NEVER_TAILS:
            return None
        if tail in self._never_split or tail.endswith(("end", "ende")):
            return None  # names; present participles ("raad|gevend") make separable verbs
        zipf = self._zipf.get(tail)
        if zipf is None:
            return None
        bases = list(base_forms(tail))
        if any(b in _NEVER_PARTS for b in bases):
            return None  # "mini|sters", "eigen|schappen"
        zipf = max([zipf, *(self._zipf.get(b, 0.0) for b in bases)])
        if zipf < _MIN_SHORT_PART_ZIPF.get(len(tail), _MIN_PART_ZIPF):
            return None
        return zipf - _SHORT_PART_PENALTY.get(len(tail), 0.0)


@lru_cache(maxsize=1)
def default_splitter() -> DutchCompoundSplitter:
    """The splitter over the bundled word list, loaded once per process on first use."""
    return DutchCompoundSplitter.from_file(resource_path(*_WORDLIST))


def prepare_word_tables() -> None:
    """Writes the lookup files of every word table now if there are none (a few seconds, once
    per machine and version): for a first run or a test session, so that the processes that
    need them do not each build them while a user waits."""
    for language in WORD_FORM_LANGUAGES:
        forms_table(language).prepare()
        lemmas_table(language).prepare()
        word_forms(language).irregular_forms().prepare()
    default_splitter().prepare()


def load_word_tables() -> None:
    """Loads every word table whole now: for a process about to analyse many documents (an
    import worker), which would soon load them anyway after looking words up one by one."""
    for language in WORD_FORM_LANGUAGES:
        lemma_dictionary(language).load()
    default_splitter().load()


def split_compound(word: str) -> tuple[str, ...]:
    """Parts of a Dutch compound with the bundled word list: "sanctiepakket" -> sanctie, pakket."""
    return default_splitter().split(fold(word))


# --- Lemmas ------------------------------------------------------------------------------------

# Where the lemma dictionary is wrong for our texts: "leden" is the plural of "lid" (member)
# far more often than a form of "lijden" (to suffer).
_LEMMA_FIXES = {"nl": {"leden": "lid"}, "en": {"people": "person"}}

# British spellings written the American way in lemma terms, so "organisation" and
# "organization" meet; the surface terms keep each spelling, so the exact one ranks first.
_US_SPELLING = (
    (re.compile(r"(?<=\w{3})is(ation|ations|e|es|ed|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralyse
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|er|ers)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})(c|g)e?ment$"), r"\1ment"),  # judgement
    (re.compile(r"(?<=\w{2}[^aeiou])re(s|d)?$"), r"er\1"),  # centre, metre, fibre
    (re.compile(r"(?<=\w{2})ence(s)?$"), r"ense\1"),  # defence, licence, offence
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),  # catalogue, dialogue
    (re.compile(r"(?<=\w{3})amme(s)?$"), r"am\1"),  # programme
    (re.compile(r"(?<=\w)(l)l(ed|ing|er|ers)$"), r"\1\2"),  # travelled, labelled
    (re.compile(r"(?<=\w{3})ll$"), "l"),  # fulfil and fulfill, enrol and enroll
    (re.compile(r"(?<=\w)ae(?=\w)"), "e"),  # paediatric, anaemia, haemorrhage
    (re.compile(r"^scept"), "skept"),  # sceptical
    (re.compile(r"^(s?m)ould"), r"\1old"),  # mould, smoulder
    (re.compile(r"(?<=[^e]g)eing$"), "ing"),  # ageing
    (re.compile(r"(?<=\w{3})ellery$"), "elry"),  # jewellery
    (re.compile(r"(?<=\w{3})inium$"), "inum"),  # aluminium
    (re.compile(r"^plough"), "plow"),
    (re.compile(r"^grey"), "gray"),
    (re.compile(r"(?<=\w{3})oeuver(s|ed|ing)?$"), r"euver\1"),  # manoeuvre (after "re")
)


# What every word a rule above changes holds: most words hold none and skip the rules.
_US_SPELLING_CUE = re.compile(
    r"is|ys|our|ment|re|ence|ogue|amme|ll|ae|scept|ould|geing|inium|ough|grey"
)


@lru_cache(maxsize=100_000)
def us_spelling(word: str) -> str:
    """A (folded) English lemma in American spelling: "organisation" -> "organization"."""
    if not _US_SPELLING_CUE.search(word):
        return word
    for pattern, replacement in _US_SPELLING:
        word = pattern.sub(replacement, word)
    return word


class _Dictionary:
    """simplemma's dictionary of a language: form -> lemma, and the set of lemmas.

    Only the dictionary: simplemma's guesses for words it lacks take compounds apart at any
    letter ("schaakbond" -> "schaakbinden", "kuststreek" -> "kuststrijken") and so join words
    that only share letters; compounds and regular forms are left to our own rules."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._forms: WordTable[bytes, bytes] | dict[bytes, bytes] = forms_table(language)
        self.lemmas: WordTable[str, None] | frozenset[str] = lemmas_table(language)

    def load(self) -> None:
        """Holds the whole tables from now on, and looks words up in them directly."""
        self._forms = load_forms(self.language)
        self.lemmas = load_lemmas(self.language)

    def __contains__(self, form: str) -> bool:
        return form.encode() in self._forms

    def get(self, form: str) -> str | None:
        found = self._forms.get(form.encode())
        return None if found is None else found.decode()

    def items(self) -> Iterator[tuple[str, str]]:
        for form, lemma in load_forms(self.language).items():
            yield form.decode(), lemma.decode()

    def lemmatize(self, word: str) -> str:
        """The dictionary's lemma of a lower-cased word; the word itself if it lacks it.
        Separable verbs come as "uit_breiden": the underscore goes."""
        found = self.get(word)
        if found is None:  # names and their adjectives are listed capitalised: "Europese"
            found = self.get(word.capitalize())
        return word if found is None else found.replace("_", "").lower()

    def knows(self, word: str) -> bool:
        if word in self.lemmas or word.encode() in self._forms:
            return True
        capitalised = word.capitalize()
        return capitalised in self.lemmas or capitalised.encode() in self._forms


# Particles of Dutch separable verbs: their participles put "ge" after the particle
# ("opgericht" from "oprichten", "aangeboden" from "aanbieden").
SEPARABLE_PARTICLES = tuple(
    _wordset("aan af bij binnen door in los mee na neer om onder op over samen tegen terug toe")
    | _wordset("uit vast voor voort weg")
)


_PARTICIPLE_AFTER_PARTICLE = re.compile(
    "({})ge".format("|".join(sorted(SEPARABLE_PARTICLES, key=len, reverse=True)))
)


def _separable_particle(word: str) -> str:
    """The particle of a separable verb's participle ("op" of "opgericht"), or ""."""
    found = _PARTICIPLE_AFTER_PARTICLE.match(word)
    return found.group(1) if found else ""


def _english_bases(word: str) -> list[str]:
    """Candidate bases of a regular English form: "lives" -> "life", "canceled" -> "cancel"."""
    out: list[str] = []
    if word.endswith("ves") and len(word) > 4:
        out += [word[:-3] + "fe", word[:-3] + "f"]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("ed") and len(word) > 4:
        out += [word[:-2], word[:-1]]
        if word[-3] == word[-4]:
            out.append(word[:-3])
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            out.append(word[:-4])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out += [word[:-1], word[:-2]]
    return out


@cache
def lemma_dictionary(language: str) -> _Dictionary:
    return _Dictionary(language)


# Term kinds in a body field. A word is indexed as its folded self (the surface term: phrases,
# prefixes and fuzzy words match these), plus its lemma when that differs ("kinderen" ->
# "=kind"), plus, for a Dutch compound, the lemmas of its parts ("energieprijzen" ->
# "+energie", "+prijs"). A query word asks for all three (`query_terms`), with weights that put
# the exact word first, another form of it next, a compound that contains it last. The marks
# are no word characters, so no word written in a text is ever taken for a lemma or a part.
LEMMA_MARK = "="
PART_MARK = "+"
EXACT_BOOST = 1.5
FORM_BOOST = 1.0
PART_BOOST = 0.5


# Letters at the end of a surface term that a word giving it may write otherwise (the folded
# ending of an inflected word in a folding-only field).
SIEVE_SLACK = 3


def surface_head(term: str) -> str:
    """What every word that gives the surface `term` holds (search/snippets.py's sieve)."""
    return term[: max(2, len(term) - SIEVE_SLACK)]


class WordForms:
    """The terms of one word in a language: its surface, its lemmas, its compound parts.

    A word may have more than one lemma: the dictionary's, itself when it is a lemma too
    ("werknemer", which the dictionary takes for a form of "werkneemster"; "wetten", plural
    of "wet" and a verb), and the base of a regular form ("katten" -> "kat", "lives" ->
    "life" beside "live"). Two words are forms of each other when their lemmas meet."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._splitter = default_splitter() if language == "nl" else None
        self._memo: dict[str, tuple[str, ...]] = {}
        self._irregular: WordTable[str, str] | None = None

    @property
    def _dictionary(self) -> _Dictionary:
        return lemma_dictionary(self.language)

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The folded lemmas of a word (any case, accents kept or not), the likeliest first."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[word] = self._lemmas(word)
        return found

    def _lemmas(self, word: str) -> tuple[str, ...]:
        lowered = word.lower()
        if not lowered.isalpha():
            return (fold(lowered),)
        if not lowered.isascii():
            lowered = unicodedata.normalize("NFC", lowered)
        fixed = _LEMMA_FIXES.get(self.language, {}).get(lowered)
        dictionary = self._dictionary
        found = [fixed] if fixed else [dictionary.lemmatize(lowered)]
        if lowered in dictionary.lemmas:
            found.append(lowered)
        found.extend(self._regular_bases(lowered, known=found[0] != lowered))
        american = us_spelling(lowered) if self.language == "en" else lowered
        if american != lowered and dictionary.knows(american):
            found.append(dictionary.lemmatize(american))  # "ageing": "age", and "aging"
        folded = [fold(lemma) for lemma in found]
        if self.language == "en":
            folded = [us_spelling(lemma) for lemma in folded]
        elif self._splitter is not None and folded[0] == fold(lowered):
            folded.extend(self._compound_lemmas(folded[0]))
        return tuple(dict.fromkeys(folded))

    def _regular_bases(self, word: str, *, known: bool) -> list[str]:
        """The base of a regular plural or inflection, where the dictionary has the base:
        "katten" -> "kat" (a doubled consonant, so a plural), "lives" -> "life". For a word
        the dictionary lemmatises (`known`) only the unambiguous patterns."""
        in_dictionary = known or word in self._dictionary
        if self.language == "nl":
            if word.endswith("en") and len(word) > 5 and word[-3] == word[-4]:
                candidates = [word[:-3]]  # a doubled consonant: "katten", "vissen"
            elif in_dictionary or len(word) <= 4:
                return []  # a known word that does not double: "regelen" is no plural
            else:
                candidates = list(base_forms(word))
                if word.startswith("ge") and word.endswith("eerd"):
                    # "geïnvesteerd", "gecontroleerd": participles of -eren verbs
                    candidates.append(fold(word[2:-4]) + "eren")
                particle = _separable_particle(word)
                if particle:
                    verb = self._dictionary.lemmatize(word[len(particle) :])
                    if verb != word[len(particle) :]:
                        return [particle + verb]  # "opgericht": "op" + "richten"
        elif in_dictionary:
            candidates = _english_bases(word) if word.endswith("ves") else []
        else:
            candidates = _english_bases(word)
        knows = self._dictionary.knows
        return [base for base in candidates if knows(base)][:1]

    def _compound_lemmas(self, word: str) -> list[str]:
        """An inflected compound the dictionary lacks: with its last part's lemmas
        ("sanctiepakketten" -> "sanctiepakket")."""
        if len(word) < _MIN_WORD or self._splitter is None:
            return []
        parts = self._splitter.split(word)
        tail = parts[-1] if parts and word.endswith(parts[-1]) else ""
        if not tail:
            return []
        head = word[: len(word) - len(tail)]
        return [head + lemma for lemma in self.lemmas(tail) if lemma != tail]

    def index_terms(self, word: str) -> tuple[str, ...]:
        """Surface, lemma (marked) and compound part lemmas (marked) of one token."""
        surface = fold(word)
        if not surface:
            return ()
        terms = [surface]
        terms.extend(LEMMA_MARK + lemma for lemma in self.lemmas(word) if lemma != surface)
        if self._splitter is not None and len(surface) >= _MIN_WORD:
            for part in self._splitter.split(surface):
                terms.extend(PART_MARK + lemma for lemma in self.lemmas(part))
        return tuple(dict.fromkeys(terms))

    def warm(self) -> None:
        """Load what the first search would: the dictionary, the irregular forms."""
        self.lemmas("warm")
        self._irregular_heads("warm")

    def _foreign(self, word: str) -> bool:
        """A word of the other language only ("economies", "fraud" in a Dutch field): it
        finds itself there, not the forms this language's rules would make of it."""
        lowered = word.lower()
        if self._dictionary.knows(lowered):
            return False
        others = [code for code in WORD_FORM_LANGUAGES if code != self.language]
        return any(lemma_dictionary(code).knows(lowered) for code in others)

    def sieve_heads(self, term: str) -> frozenset[str]:
        """Beginnings of words, one of which every word holds that gives `term`, lower-cased
        and folded; a word with letters outside ASCII may give it without. For snippets,
        which look only at the words that can match (search/snippets.py)."""
        if not term.startswith((LEMMA_MARK, PART_MARK)):
            return frozenset([surface_head(term)])
        lemma = term[1:]
        heads = {self._head(lemma), *self._irregular_heads(lemma)}
        if self.language == "nl":
            # "opgericht" gives "oprichten": the verb after the particle, and its forms
            for particle in SEPARABLE_PARTICLES:
                if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
                    verb = lemma[len(particle) :]
                    heads |= {self._head(verb), *self._irregular_heads(verb)}
        elif lemma.endswith(("f", "fe")):
            heads.add(lemma[: lemma.rindex("f") - 1])  # "lives" gives "life"
        return frozenset(heads)

    def _head(self, word: str) -> str:
        """What a regular form of `word` keeps of it: all but the last letters (which
        inflection changes), and in English the first four (spelling changes the rest:
        "organisation", "organization")."""
        return word[:4] if self.language == "en" else word[: max(3, len(word) - 3)]

    def _irregular_heads(self, lemma: str) -> frozenset[str]:
        """The forms of `lemma` that do not hold its own head ("genomen" for "nemen", "was"
        for "zijn", "steden" for "stad"); each form is listed, so the whole form is its head.
        Read from the table scripts/make_irregular_forms.py wrote from the dictionary."""
        forms = self.irregular_forms().get(lemma)
        return frozenset(forms.split()) if forms else frozenset()

    def irregular_forms(self) -> WordTable[str, str]:
        """The language's table of irregular forms: lemma -> its forms, space-separated."""
        if self._irregular is None:
            path = resource_path(*irregular_forms_file(self.language))

            def read() -> dict[str, str]:
                lines = path.read_text(encoding="utf-8").splitlines()
                return dict(line.partition("\t")[::2] for line in lines)

            self._irregular = WordTable(f"irregular-forms-{file_key(path)}", dict, read)
        return self._irregular

    def compute_irregular_heads(self) -> dict[str, frozenset[str]]:
        """`_irregular_heads` from the lemma dictionary itself (seconds; for the script)."""
        heads: dict[str, set[str]] = {}
        pairs = [*self._dictionary.items(), *_LEMMA_FIXES.get(self.language, {}).items()]
        for form, lemma in pairs:
            folded = fold(lemma.replace("_", ""))
            head = self._head(folded)
            if head not in form:
                heads.setdefault(folded, set()).add(fold(form))
        return {lemma: frozenset(found) for lemma, found in heads.items()}

    def query_terms(self, word: str) -> list[tuple[str, float]]:
        """(term, weight) pairs a query word matches in this language's body field."""
        surface = fold(word)
        terms = {surface: EXACT_BOOST}
        if self._foreign(word):
            return list(terms.items())
        for lemma in self.lemmas(word):
            terms.setdefault(LEMMA_MARK + lemma, FORM_BOOST)
            terms.setdefault(lemma, FORM_BOOST)  # a lemma's own surface: "kind" for "kinderen"
            if self._splitter is not None:
                terms.setdefault(PART_MARK + lemma, PART_BOOST)
        return list(terms.items())


def irregular_forms_file(language: str) -> tuple[str, str]:
    """The table of a language's irregular forms, as parts of a path under resources/."""
    return ("wordlists", f"irregular_forms_{language}.tsv")


@cache
def word_forms(language: str) -> WordForms:
    """The word forms of "nl" or "en", one per process."""
    return WordForms(language)


# --- Analyzers ----------------------------------------------------------------------------------


class FoldFilter(Filter):
    """Folds each token (briefing_app.folding), dropping one that folds to nothing."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            if token.text:
                yield token


class WordFormsFilter(Filter):
    """Index mode: each token's surface, lemma and compound part terms at the token's own
    position and span, like synonyms (`WordForms.index_terms`). Query mode: the surface only
    (phrases match words as written; a single query word is widened by the query parser,
    which knows the weights)."""

    def __init__(self, language: str) -> None:
        self.language = language

    # Whoosh pickles analyzers into the index's schema: keep the dictionaries out of it.
    def __getstate__(self) -> dict[str, object]:
        return {"language": self.language}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.language = str(state["language"])

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.language == self.language

    def __hash__(self) -> int:
        return hash((type(self), self.language))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        forms = word_forms(self.language)
        for token in tokens:
            if token.mode == "query":
                token.text = fold(token.text)
                if token.text:
                    yield token
                continue
            for term in forms.index_terms(token.text):
                token.text = term  # the token object is reused downstream: set each time
                yield token


_ANALYZERS: dict[str, Analyzer] = {}
WORD_FORM_LANGUAGES = ("nl", "en")


def _build(language: str) -> Analyzer:
    if language in WORD_FORM_LANGUAGES:
        return RegexTokenizer(TOKEN_PATTERN) | WordFormsFilter(language)
    return RegexTokenizer(TOKEN_PATTERN) | FoldFilter()


def analyzer_for(language: str) -> Analyzer:
    """The analyzer for an ISO 639-1 code ("nl", "en", "nl-NL"); unknown codes only fold."""
    code = language.replace("_", "-").split("-")[0].strip().lower()
    if code not in WORD_FORM_LANGUAGES:
        code = ""
    analyzer = _ANALYZERS.get(code)
    if analyzer is None:
        analyzer = _ANALYZERS[code] = _build(code)
    return analyzer


def folding_analyzer() -> Analyzer:
    """Tokenise and fold, no word forms: for titles and spelling suggestions."""
    return analyzer_for("")


def analyzer_language(analyzer: Analyzer) -> str | None:
    """The word-forms language of an analyzer this module built ("nl", "en"), else None."""
    items = list(getattr(analyzer, "items", [analyzer]))
    last = items[-1] if items else None
    return last.language if isinstance(last, WordFormsFilter) else None


# --- Word by word -------------------------------------------------------------------------------

# Every chain above is a function of each word alone (tokenise, fold, split, stem), so a text can
# be scanned with the tokenizer's regex and each distinct word analysed once per process. Snippets
# and the postings the analysis workers prepare both rely on it.
_MEMO_WORDS = 300_000  # per analyzer; cleared when full (a vocabulary fits many times over)
_T = TypeVar("_T")
_memos: dict[int, tuple[Analyzer, dict[str, tuple[tuple[str, int, int], ...]]]] = {}


def word_pattern(analyzer: Analyzer) -> re.Pattern[str] | None:
    """The regex of the analyzer's RegexTokenizer, when the chain starts with one."""
    first = getattr(analyzer, "items", [analyzer])[0]
    if isinstance(first, RegexTokenizer) and not first.gaps:
        return first.expression
    return None


def per_object(cache: dict[int, tuple[Any, _T]], owner: Any, make: Callable[[Any], _T]) -> _T:
    """What `cache` holds for `owner` (an analyzer, a field), made by `make(owner)` the first
    time. Keyed by id, with the owner kept: analyzers and fields are not all hashable."""
    entry = cache.get(id(owner))
    if entry is None or entry[0] is not owner:
        entry = cache[id(owner)] = (owner, make(owner))
    return entry[1]


def word_memo(
    memos: dict[int, tuple[Analyzer, dict[str, _T]]], analyzer: Analyzer
) -> dict[str, _T]:
    """The analyzer's memo of words in `memos` (a cache per analyzer, cleared when full)."""
    memo: dict[str, _T] = per_object(memos, analyzer, lambda _analyzer: {})
    if len(memo) > _MEMO_WORDS:
        memo.clear()
    return memo


def word_positions(pattern: re.Pattern[str], text: str) -> dict[str, list[int]]:
    """Each word (token of `pattern`) of `text` with its positions, in order of first use.
    The last answer is kept: a document's body is tokenised for its postings and again for
    the vocabulary (one tokenizing regex over a press release costs ~0.25 ms). The lists are
    shared: read-only."""
    last = _last_positions[0]
    if last is not None and last[1] is text and last[0] == pattern:
        return last[2]
    words = (
        pattern.findall(text)
        if pattern.groups == 0
        else [match.group() for match in pattern.finditer(text)]
    )
    at: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        found = at.get(word)
        if found is None:
            at[word] = [position]
        else:
            found.append(position)
    _last_positions[0] = (pattern, text, at)
    return at


_last_positions: list[tuple[re.Pattern[str], str, dict[str, list[int]]] | None] = [None]


def analyse_word(analyzer: Analyzer, word: str) -> tuple[tuple[str, int, int], ...]:
    """The index-mode tokens of one word: (text, start, end) within the word, memoised."""
    memo = word_memo(_memos, analyzer)
    tokens = memo.get(word)
    if tokens is None:
        direct = _direct_analysis(analyzer)
        if direct is not None and _WHOLE_TOKEN.fullmatch(word):
            tokens = direct(word)
        else:
            tokens = tuple(
                (token.text, token.startchar, token.endchar)
                for token in analyzer(word, chars=True, mode="index")
            )
        memo[word] = tokens
    return tokens


# --- One word without whoosh's token stream ----------------------------------------------------

# A word the tokenizer gives as one token: the chain's tokens are then the word's own terms,
# all spanning the whole word. Running whoosh's generator chain for it cost several times as
# much: most of a new word's cost in the workers and in snippets.
_WHOLE_TOKEN = re.compile(TOKEN_PATTERN)
_Direct = Callable[[str], tuple[tuple[str, int, int], ...]]
_directs: dict[int, tuple[Analyzer, _Direct | None]] = {}


def _direct_analysis(analyzer: Analyzer) -> _Direct | None:
    """The analyzer as a function of one whole token, when it is a chain this module builds
    (tokenize | fold, or tokenize | word forms); None for any other."""
    return per_object(_directs, analyzer, _plan)


def _plan(analyzer: Analyzer) -> _Direct | None:
    items = list(getattr(analyzer, "items", [analyzer]))
    if len(items) != 2:
        return None
    tokenizer, last = items
    if not (
        type(tokenizer) is RegexTokenizer
        and not tokenizer.gaps
        and tokenizer.expression.pattern == TOKEN_PATTERN
        and not tokenizer.expression.flags & ~re.UNICODE
    ):
        return None
    if type(last) is FoldFilter:

        def folded(word: str) -> tuple[tuple[str, int, int], ...]:
            text = fold(word)
            return ((text, 0, len(word)),) if text else ()

        return folded
    if type(last) is WordFormsFilter:
        terms = word_forms(last.language).index_terms

        def forms(word: str) -> tuple[tuple[str, int, int], ...]:
            end = len(word)
            return tuple((term, 0, end) for term in terms(word))

        return forms
    return None
