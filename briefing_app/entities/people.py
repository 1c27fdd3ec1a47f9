"""People recogniser: names of persons in Dutch and English text, without their titles.

A capitalised word sequence is a person only with evidence:
- a title or role right before it ("minister Blok", "Secretary General Jens Stoltenberg");
- a known first name or initials at its start ("Mark Rutte", "J.P. Balkenende");
- or it is the surname of a person already found in the same text ("Blok" after "Stef Blok").
Spans claimed by organizations and countries (`blocked`), places, months and weekdays never
become people.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from briefing_app.entities.countries import place_names
from briefing_app.entities.model import EntityType, Mention
from briefing_app.resources import resource_path

# Dutch and other name particles: they sit between first name and surname ("Hugo de Jonge"),
# or open a surname written alone with a capital ("De Jonge", "Van der Laan").
NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op"}
    | {"von", "zu", "da", "das", "dos", "du", "la", "le", "del", "della", "di"}
)
_PARTICLES = NAME_PARTICLES
# Arabic name connectors may stand between any two parts of a name.
_ARABIC_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint"})
_ALL_PARTICLES = _PARTICLES | _ARABIC_PARTICLES
_ROMAN = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})\Z")
_MAX_NAME_TOKENS = 5

# A word: letters with inner hyphens/apostrophes ("Bijleveld-Schouten", "O'Brien"), initials
# ("J.P."), the Dutch "'t", or an abbreviated title with its dot ("dr.", "prof.").
_TOKEN = re.compile(
    r"(?P<initials>(?:[A-Z]\.){1,4}(?![^\W\d_]))"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?)"
    r"|(?P<t>['’]t\b)"
)
_POSSESSIVE = re.compile(r"['’]s\Z")
_CREDIT_LINE = re.compile(
    r"(?im)(?:^[ \t]*|(?<=[.!?] ))(?:beeld|foto|photo|image|illustratie|credits?)[ \t]*:.*$|©.*$"
)
_PARENTHESISED_GIVEN_NAME = re.compile(r"^(?:[A-Z]\.)+\s*\(([^()]+)\)\s*")
_ABBREVIATIONS = frozenset(
    {"dr.", "prof.", "mr.", "drs.", "ir.", "ing.", "ds.", "mevr.", "mw.", "dhr."}
)


class _Token(NamedTuple):  # a tuple: tokens are made for every word, so cheap to build
    text: str
    lower: str
    start: int
    end: int
    joined: bool  # separated from the previous token by spaces only
    gap: str = ""  # the text between the previous token and this one
    initials: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class _Title:
    words: tuple[str, ...]
    weak: bool
    plural: bool


@dataclass
class _Lexicon:
    first_names: frozenset[str]
    common_words: frozenset[str]
    titles: dict[tuple[str, ...], _Title]
    titles_by_head: dict[str, list[_Title]]  # longest first
    lower_words: frozenset[str]  # lower-case words a name or role may contain
    not_names: frozenset[str]
    months: frozenset[str]


def _read_lines(name: str) -> list[str]:
    path = resource_path("gazetteers", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _calendar_words(months_only: bool = False) -> set[str]:
    """Month and weekday names in Dutch and English, from CLDR rather than typed by hand."""
    from babel import Locale

    words: set[str] = set()
    for lang in ("nl", "en"):
        locale = Locale.parse(lang)
        for context in ("format", "stand-alone"):
            for width in ("wide",):  # not "jan", which is also the first name Jan
                words.update(
                    str(v).lower().rstrip(".") for v in locale.months[context][width].values()
                )
                if not months_only:
                    words.update(
                        str(v).lower().rstrip(".") for v in locale.days[context][width].values()
                    )
    return {w for w in words if len(w) > 2}


@cache
def _lexicon() -> _Lexicon:
    titles: dict[tuple[str, ...], _Title] = {}
    for line in _read_lines("person_titles.txt"):
        weak = line.endswith(" ?")
        words = tuple(line.removesuffix(" ?").split())
        plural = words[-1] in {"ministers", "staatssecretarissen", "kamerleden"}
        titles[words] = _Title(words, weak, plural)
    not_names = _calendar_words() | {"i"} | {w for words in titles for w in words}
    return _Lexicon(
        first_names=frozenset(_read_lines("first_names.txt")),
        common_words=frozenset(_read_lines("person_common_words.txt")),
        titles=titles,
        titles_by_head={
            head: sorted(
                (t for w, t in titles.items() if w[0] == head), key=lambda t: -len(t.words)
            )
            for head in {words[0] for words in titles}
        },
        not_names=frozenset(not_names),
        months=frozenset(_calendar_words(months_only=True)),
        lower_words=frozenset(
            {w for words in titles for w in words} | _ALL_PARTICLES | _ABBREVIATIONS | {"en", "and"}
        ),
    )


def _tokenize(text: str, lex: _Lexicon) -> list[_Token]:
    """The words that can matter to a name; other lower-case words are left out (for speed),
    and since the gap before the next token then holds them, that token is not `joined`."""
    tokens: list[_Token] = []
    prev_end = 0
    keep_lower = lex.lower_words
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word[0].islower() and word not in keep_lower and "-" not in word:
            continue
        start, end = match.span()
        if word[-1] == "." and match.lastgroup == "word" and word.lower() not in _ABBREVIATIONS:
            word, end = word[:-1], end - 1
        if "'" in word or "’" in word:
            # "Rutte's plan": the name ends before the possessive, and the gap "'s " that
            # follows keeps the next word out of the name.
            possessive = _POSSESSIVE.search(word)
            if possessive and len(word) > 2:
                word, end = word[: possessive.start()], start + possessive.start()
        gap = text[prev_end:start]
        joined = bool(gap) and not gap.strip(" \u00a0") and bool(tokens)
        tokens.append(
            _Token(word, word.lower(), start, end, joined, gap, match.lastgroup == "initials")
        )
        prev_end = end
    return tokens


def _title_at(tokens: list[_Token], i: int, lex: _Lexicon) -> tuple[_Title, int] | None:
    """The longest title at token i and its length in tokens; compounds by their last part
    ("AIVD-directeur", "oud-minister")."""
    tok = tokens[i]
    for title in lex.titles_by_head.get(tok.lower, ()):
        n = len(title.words)
        if n == 1:
            return title, 1
        span = tokens[i : i + n]
        if len(span) == n and all(
            t.joined and t.lower == w for t, w in zip(span[1:], title.words[1:], strict=True)
        ):
            return title, n
    if "-" in tok.text:
        compound = lex.titles.get((tok.lower.rsplit("-", 1)[1],))
        if compound:
            return compound, 1
    return None


def is_given_name(word: str) -> bool:
    """Whether `word` is a known first name ("Stef", "Pieter-Jaap"), from the bundled list.
    A compound counts only if every part does: "Frans-Duitse" is no name."""
    first_names = _lexicon().first_names
    return word in first_names or (
        "-" in word and all(part in first_names for part in word.split("-"))
    )


def _is_first_name(tok: _Token, lex: _Lexicon) -> bool:
    return tok.initials or is_given_name(tok.text)


def _is_name_word(tok: _Token, lex: _Lexicon, is_blocked: Callable[[_Token], bool]) -> bool:
    """A capitalised word that may be part of a name (not an acronym, title, month, place...)."""
    if tok.initials:
        return not is_blocked(tok)
    text = tok.text
    if is_blocked(tok) or text.endswith("."):
        return False
    if not text[:1].isupper():
        head, _, rest = text.partition("-")
        return head in _ARABIC_PARTICLES and rest[:1].isupper()  # "al-Assad"
    letters = text.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 1 and letters.isupper() and not _ROMAN.match(text):
        return False  # acronyms: NAVO, WHO
    return tok.lower not in lex.not_names and not _is_place(text)


def _is_place(name: str) -> bool:
    return name in place_names()


def _read_name(
    tokens: list[_Token],
    i: int,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    after_title: bool = False,
) -> int:
    """Index after the longest plausible name starting at token i (i itself if none)."""
    j = i
    n = len(tokens)
    only_given_names = True  # Dutch particles follow given names only: "Hugo de Jonge"
    after_parenthesis = False
    while j < n and j - i < _MAX_NAME_TOKENS:
        tok = tokens[j]
        if j > i and not tok.joined and not after_parenthesis:
            break
        after_parenthesis = False
        if tok.lower in _PARTICLES and (
            (tok.capitalised and (j == i or only_given_names))
            or (not tok.capitalised and j > i and only_given_names)
        ):
            end = _particle_surname(tokens, j, lex, is_blocked)
            return end if end > j else j
        if (
            tok.lower in _PARTICLES
            and not tok.capitalised
            and after_title
            and j == i + 1
            and _lone_particle_surname(tokens, j, lex, is_blocked)
        ):
            # "staatssecretaris Stientje van Veldhoven" (a given name we do not know), but
            # not "minister Schouten van Landbouw" (an everyday word: the portfolio).
            return _particle_surname(tokens, j, lex, is_blocked)
        if (
            tok.lower in _ARABIC_PARTICLES
            and j > i
            and _particle_surname(tokens, j, lex, is_blocked) > j
        ):
            j += 2  # "Zeid Ra'ad al Hussein", "Mahmoud bin Ali"
            continue
        if j > i and _ROMAN.match(tok.text):
            return j + 1
        if tok.initials and _parenthesised_given_name(tokens, j):
            j += 2  # "J.A. (André) Knottnerus": skip to the surname
            after_parenthesis = True
            continue
        if j > i and only_given_names and tok.lower in lex.months and not is_blocked(tok):
            return j + 1  # a month after a given name is a surname: "Theresa May"
        if not _is_name_word(tok, lex, is_blocked) or _title_at(tokens, j, lex):
            break
        if not _is_first_name(tok, lex):
            if not only_given_names and tok.lower in lex.common_words:
                break  # title case runs on past the surname: "Minister Hoekstra Visits Kyiv"
            only_given_names = False
        j += 1
    return j


def _parenthesised_given_name(tokens: list[_Token], j: int) -> bool:
    return (
        j + 2 < len(tokens)
        and tokens[j + 1].gap.strip() == "("
        and tokens[j + 1].capitalised
        and tokens[j + 2].gap.strip() == ")"
        and tokens[j + 2].capitalised
    )


def _particle_surname(
    tokens: list[_Token], j: int, lex: _Lexicon, is_blocked: Callable[[_Token], bool]
) -> int:
    """After a particle chain starting at j, one surname word ends the name."""
    k = j
    while k < len(tokens) and tokens[k].lower in _ALL_PARTICLES and (k == j or tokens[k].joined):
        k += 1
    if (
        j < k < len(tokens)
        and tokens[k].joined
        and tokens[k].lower not in _ALL_PARTICLES
        and _is_name_word(tokens[k], lex, is_blocked)
    ):
        return k + 1
    return j


def _lone_particle_surname(
    tokens: list[_Token], j: int, lex: _Lexicon, is_blocked: Callable[[_Token], bool]
) -> bool:
    """A particle chain at j ends in one uncommon capitalised word, and the name ends there."""
    end = _particle_surname(tokens, j, lex, is_blocked)
    if end == j or tokens[end - 1].lower in lex.common_words:
        return False
    return not (end < len(tokens) and tokens[end].joined and tokens[end].capitalised)


@dataclass
class _Found:
    start_tok: int
    end_tok: int


def find_people(
    text: str,
    language: str,
    blocked: Sequence[tuple[int, int]] = (),
    *,
    credits: Sequence[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Person mentions in `text`; `blocked` spans (organizations, countries) are never names,
    nor are photo credits (`credits`: `credit_spans(text)`, found here when not given)."""
    del language  # the cues are bilingual; kept for a uniform recogniser signature
    lex = _lexicon()
    tokens = _tokenize(text, lex)
    is_blocked = _blocker([*blocked, *(credit_spans(text) if credits is None else credits)])
    found: list[_Found] = []

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.text[0].isupper() or tok.lower in lex.titles_by_head or "-" in tok.text):
            i += 1  # most words: lower case, no role
            continue
        title = _title_at(tokens, i, lex)
        if title is not None:
            i = _names_after_title(tokens, i + title[1], title[0], lex, is_blocked, found)
            continue
        end = _read_name(tokens, i, lex, is_blocked)
        if end == i:
            i += 1
            continue
        given = next((k for k in range(i, end) if _is_first_name(tokens[k], lex)), None)
        if given is not None and given > i:
            # "Volgens Mark Rutte", "Veiligheid Pieter-Jaap Aalbersberg": the name starts at
            # the given name; re-read from there so particles attach ("Zei Hugo de Jonge").
            end = _read_name(tokens, given, lex, is_blocked)
        if given is not None and end - given >= 2 and not _is_phrase(tokens, given, lex):
            found.append(_Found(given, end))
        i = max(end, i + 1)

    found += _known_surnames(tokens, found, lex, is_blocked)
    found.sort(key=lambda f: f.start_tok)
    mentions = []
    for f in found:
        start, stop = tokens[f.start_tok].start, tokens[f.end_tok - 1].end
        surface = _PARENTHESISED_GIVEN_NAME.sub(r"\1 ", text[start:stop])
        mentions.append(Mention(EntityType.PERSON, surface, surface, start, stop))
    return mentions


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits ("Beeld: ©Bart van Overbeeke fotografie"): page furniture, not text."""
    if "©" not in text and not _may_name_a_credit(text):
        return []  # most texts: the regex tries every position (0.2-0.3 ms a document)
    return [m.span() for m in _CREDIT_LINE.finditer(text)]


_CREDIT_WORDS = ("beeld", "foto", "photo", "image", "illustratie", "credit")


def _may_name_a_credit(text: str) -> bool:
    """False only when none of the words a credit line starts with occurs in `text`, in any
    case the regex's IGNORECASE accepts (it also reads "İ" and "ı" as "i"; casefold makes "İ"
    "i" plus a combining dot, dropped here: a false "maybe" only lets the regex look)."""
    folded = text.casefold().replace("\u0131", "i").replace("\u0307", "")
    return any(word in folded for word in _CREDIT_WORDS)


def _is_phrase(tokens: list[_Token], i: int, lex: _Lexicon) -> bool:
    """Title-case everyday words that start with a given name: "Elke Stem Telt" (a campaign).
    Two words are not enough to tell ("Mark Blok"), nor are names with particles."""
    j = i + 1
    while j < len(tokens) and tokens[j].joined and tokens[j].capitalised:
        j += 1
    run = tokens[i:j]
    return len(run) >= 3 and all(
        t.lower in lex.common_words and t.lower not in _ALL_PARTICLES for t in run
    )


def _names_after_title(
    tokens: list[_Token],
    i: int,
    title: _Title,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    found: list[_Found],
) -> int:
    """Read the name(s) a title introduces; returns the index to continue scanning from."""
    weak = title.weak
    # Stacked roles: "Prime Minister", "Prof. dr.", "Koning" after "de Jordaanse".
    while i < len(tokens) and tokens[i].joined and (inner := _title_at(tokens, i, lex)):
        weak = weak and inner[0].weak
        i += inner[1]
    if weak or i >= len(tokens) or not tokens[i].joined:
        # A weak role ("directeur Particulieren") proves nothing: only a given name will.
        return i
    end = _read_name(tokens, i, lex, is_blocked, after_title=True)
    if end == i or _is_place(" ".join(t.text for t in tokens[i:end])):
        return i  # "burgemeester Den Haag" is not a person
    found.append(_Found(i, end))
    # "ministers Blok en Grapperhaus", "premier Rutte and President Macron"
    if title.plural and end + 1 < len(tokens) and tokens[end].lower in {"en", "and"}:
        nxt = end + 1
        more = _read_name(tokens, nxt, lex, is_blocked, after_title=True)
        if more > nxt:
            found.append(_Found(nxt, more))
            return more
    return end


def _known_surnames(
    tokens: list[_Token],
    people: list[_Found],
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
) -> list[_Found]:
    """Bare mentions of people already found: "Blok" after "minister Blok" or "Stef Blok"."""
    forms: set[tuple[str, ...]] = set()
    for person in people:
        words = [t.text for t in tokens[person.start_tok : person.end_tok]]
        forms.add(tuple(words))
        surname = _surname(tokens[person.start_tok : person.end_tok], lex)
        if surname:
            forms.add(tuple(surname))
            forms.add(tuple([surname[0][:1].upper() + surname[0][1:], *surname[1:]]))
            if len(surname) == 1 and "-" in surname[0]:
                # A married name is also used by its first part: "Bijleveld-Schouten", "Bijleveld".
                forms.add((surname[0].split("-")[0],))
    taken = [False] * len(tokens)
    for person in people:
        for k in range(person.start_tok, person.end_tok):
            taken[k] = True
    # "May" alone stays a month even after "Theresa May".
    forms = {f for f in forms if len(f) > 1 or f[0].lower() not in lex.months}
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):  # longest form first
        by_first_word.setdefault(form[0], []).append(form)
    extra: list[_Found] = []
    i = 0
    while i < len(tokens):
        matched = 0
        for form in by_first_word.get(tokens[i].text, ()):
            n = len(form)
            span = tokens[i : i + n]
            if (
                len(span) == n
                and all(t.text == w and t.joined for t, w in zip(span[1:], form[1:], strict=True))
                and not any(taken[i : i + n])
                and not any(is_blocked(t) for t in span)
                and not _continues_name(tokens, i + n, lex)
            ):
                matched = n
                break
        if matched:
            extra.append(_Found(i, i + matched))
            i += matched
        else:
            i += 1
    return extra


def _continues_name(tokens: list[_Token], k: int, lex: _Lexicon) -> bool:
    """ "Blok" inside "Blok Holding" is not the person Blok."""
    return (
        k < len(tokens)
        and tokens[k].joined
        and tokens[k].capitalised
        and not _ROMAN.match(tokens[k].text)
        and tokens[k].lower not in lex.not_names
    )


def _surname(span: Sequence[_Token], lex: _Lexicon) -> list[str]:
    """The part of a full name used alone: "Hugo de Jonge" -> "de Jonge"; "Abdullah II" ->
    "Abdullah"; a one-word name is its own surname."""
    words = [t.text for t in span]
    if len(words) >= 2 and _ROMAN.match(words[-1]):
        return words[:-1]
    k = 0
    while k < len(span) - 1 and _is_first_name(span[k], lex):
        k += 1
    rest = words[k:]
    if len(rest) >= 2 and rest[0].lower() not in _PARTICLES:
        rest = rest[-1:]
    return rest


def _blocker(blocked: Sequence[tuple[int, int]]) -> Callable[[_Token], bool]:
    merged: list[list[int]] = []
    for start, end in sorted(blocked):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [s for s, _ in merged]

    def is_blocked(tok: _Token) -> bool:
        k = bisect_right(starts, tok.end - 1) - 1
        return k >= 0 and merged[k][1] > tok.start

    return is_blocked
