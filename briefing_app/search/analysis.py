"""Whoosh analyzers: tokenising, folding, Dutch compound splitting and stemming per language.

Chains (index side and query side use the same analyzer; only the compound filter looks at the
mode):

- "nl": words (hyphens split) | lowercase | accent folding | compound parts | Dutch Snowball stem
- "en": words | lowercase | accent folding | English stem
- anything else, and `folding_analyzer()`: words | lowercase | accent folding

Stop words are kept on purpose: users search for "niet" and "geen", and phrase queries must match
the text word for word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)
from whoosh.support.charset import accent_map

from briefing_app.resources import resource_path

# Runs of word characters; a dot between word characters stays inside ("2.000"), everything else
# separates, hyphens included: "VN-militairen" gives "vn" and "militairen".
TOKEN_PATTERN = r"\w+(?:\.\w+)*"

# Snowball is pure Python, so a stem cache pays off; an unbounded dict cache was fastest in our
# measurements and a corpus vocabulary stays far below a memory concern (~30 MB per 300k words).
STEM_CACHE_SIZE = -1

_WORDLIST = ("wordlists", "dutch_words.txt")


def fold(text: str) -> str:
    """Lower-case and strip accents the way the analyzers do: "Jordanië" -> "jordanie"."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # accent_map maps lower-case ASCII to itself (tested)
    # str.translate looks every character up in the map (0.35 ms for a press release); only
    # the runs of other characters need it.
    return _NOT_ASCII.sub(_fold_run, lowered)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(accent_map)


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

    def __init__(self, zipf: Mapping[str, float], never_split: Iterable[str] = ()) -> None:
        self._zipf = dict(zipf)
        self._never_split = frozenset(never_split)
        self._memo: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_file(cls, path: Path) -> DutchCompoundSplitter:
        """Load a word list written by scripts/make_dutch_wordlist.py."""
        zipf: dict[str, float] = {}
        never_split: list[str] = []
        # Read at once: a loop that reads as it goes lets go of the GIL at every buffer and
        # takes it straight back, which kept a waiting GUI thread out for the whole load.
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            word, _, value = line.partition("\t")
            if value == "-":
                never_split.append(word)
            else:
                zipf[word] = int(value) / 10
        return cls(zipf, never_split)

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
            head = self._head_leaves(word[:cut])
            if head is None:
                continue
            for linker in _LINKERS:
                if not word.startswith(linker, cut):
                    continue
                tail = word[cut + len(linker) :]
                tail_zipf = self._tail_zipf(tail)
                if tail_zipf is None:
                    continue
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


def split_compound(word: str) -> tuple[str, ...]:
    """Parts of a Dutch compound with the bundled word list: "sanctiepakket" -> sanctie, pakket."""
    return default_splitter().split(fold(word))


class DutchCompoundFilter(Filter):
    """Adds the parts of Dutch compounds at the compound's own position (index mode only).

    Parts share the compound's position and character span, like synonyms, so "pakket" finds
    "sanctiepakket" and phrase positions stay intact. Query tokens pass through unchanged: a
    query for a compound stays exact.
    """

    def __init__(self, splitter: DutchCompoundSplitter | None = None) -> None:
        self._splitter = splitter  # None: the bundled word list, loaded lazily

    # Whoosh pickles analyzers into the index's schema: keep the word list out of it.
    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._splitter = None

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        split = (self._splitter or default_splitter()).split
        for token in tokens:
            if token.mode == "query":  # the mode is the same for the whole stream
                yield token
                yield from tokens
                return
            text = token.text
            parts = split(text) if len(text) >= _MIN_WORD else ()
            yield token
            for part in parts:  # the token object is reused downstream: reset text each time
                token.text = part
                yield token


# --- Analyzers ----------------------------------------------------------------------------------

_ANALYZERS: dict[str, Analyzer] = {}


def _folding_chain() -> Analyzer:
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


def _build(language: str) -> Analyzer:
    if language == "nl":
        return (
            _folding_chain()
            | DutchCompoundFilter()
            | StemFilter(lang="nl", cachesize=STEM_CACHE_SIZE)
        )
    if language == "en":
        return _folding_chain() | StemFilter(lang="en", cachesize=STEM_CACHE_SIZE)
    return _folding_chain()


def analyzer_for(language: str) -> Analyzer:
    """The analyzer for an ISO 639-1 code ("nl", "en", "nl-NL"); unknown codes get no stemming."""
    code = language.replace("_", "-").split("-")[0].strip().lower()
    if code not in ("nl", "en"):
        code = ""
    analyzer = _ANALYZERS.get(code)
    if analyzer is None:
        analyzer = _ANALYZERS[code] = _build(code)
    return analyzer


def folding_analyzer() -> Analyzer:
    """Tokenise, lower-case and fold accents, no stemming: for titles and spelling suggestions."""
    return analyzer_for("")


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

# A word the tokenizer gives as one token: the chain's tokens are then the word's own
# folded form, its compound parts and their stems, all spanning the whole word. Running
# whoosh's generator chain for it cost ~2.8x as much (26 vs 9 us a Dutch word, stems and
# compound parts cached): most of a new word's cost in the workers and in snippets.
_WHOLE_TOKEN = re.compile(TOKEN_PATTERN)
_Direct = Callable[[str], tuple[tuple[str, int, int], ...]]
_directs: dict[int, tuple[Analyzer, _Direct | None]] = {}


def _direct_analysis(analyzer: Analyzer) -> _Direct | None:
    """The analyzer as a function of one whole token, when it is a chain this module builds
    (tokenize | lowercase | charset | [compound parts] | [stem]); None for any other."""
    return per_object(_directs, analyzer, _plan)


def _plan(analyzer: Analyzer) -> _Direct | None:
    items = list(getattr(analyzer, "items", [analyzer]))
    if len(items) < 3 or len(items) > 5:
        return None
    tokenizer, lower, charset, *rest = items
    if not (
        type(tokenizer) is RegexTokenizer
        and not tokenizer.gaps
        and tokenizer.expression.pattern == TOKEN_PATTERN
        and not tokenizer.expression.flags & ~re.UNICODE
        and type(lower) is LowercaseFilter
        and type(charset) is CharsetFilter
    ):
        return None
    compound = rest.pop(0) if rest and type(rest[0]) is DutchCompoundFilter else None
    stemmer = rest.pop(0) if rest and type(rest[0]) is StemFilter else None
    if rest:
        return None
    charmap = charset.charmap
    splitter = (compound._splitter or default_splitter()) if compound is not None else None
    stem = stemmer._stem if stemmer is not None else None
    ignore = stemmer.ignore if stemmer is not None else frozenset()

    def direct(word: str) -> tuple[tuple[str, int, int], ...]:
        text = fold(word) if charmap is accent_map else word.lower().translate(charmap)
        texts = [text]
        if splitter is not None and len(text) >= _MIN_WORD:
            texts.extend(splitter.split(text))
        if stem is not None:
            texts = [t if t in ignore else stem(t) for t in texts]
        end = len(word)
        return tuple((t, 0, end) for t in texts)

    return direct
