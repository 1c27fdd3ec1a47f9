"""People recogniser: names of persons in Dutch and English text, without their titles.

A capitalised word sequence is a person only with evidence:
- a title or role right before it ("minister Blok", "Secretary General Jens Stoltenberg"), unless
  the words name the unit the role heads ("directeur-generaal Management en Personeelsbeleid");
- a known first name or initials at its start ("Mark Rutte", "J.P. Balkenende"); one initial
  counts only in a signature or a list of names ("J. Thunnissen"), never as a list letter ("A.
  The economy", "B. Alleen in bijzondere gevallen"); a surname that is an everyday word only
  when the name stands on its own ("Sally West", not "Sheffield City Region");
- its role right after it ("Kinna Kintrea, the assurance director"), or its place in a list of
  names one a line;
- or it is the surname of a person already found in the same text ("Blok" after "Stef Blok"),
  also in another spelling ("Putin" after "Vladimir Poetin").
Spans claimed by organizations and countries (`blocked`), places, streets, months and weekdays
never become people; a name never runs on across a line break, into a role or into the next
name. Names are written with regular spacing, so "A. H. C.  Annink" is "A.H.C. Annink".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from briefing_app.entities.countries import place_names
from briefing_app.entities.model import EntityType, Mention
from briefing_app.entities.names import spelling_key, without_article
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
# ("J.P.", Dutch "A.Th.B." and "R.IJ.M.", or glued to the surname as in "C.M.Plug"), the Dutch
# "'t", or an abbreviated title with its dot ("dr.", "prof."). Initials never follow a letter or
# digit: "1482M. Deze" is a reference number ending a sentence.
_TOKEN = re.compile(
    r"(?P<initials>(?=[A-Z])(?<![^\W_])(?:(?:[A-Z]|IJ|Th|Chr|Ch|Ph|Tj|Sj)\.){1,5}"
    r"(?:(?![^\W\d_])|(?=[A-Z][a-z])))"
    r"|(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?)"
    r"|(?P<t>['’]t\b)"
)
# Spaces that may stand between the words of one name (not line breaks: a name never runs on
# to the next line, where a list's next item or a signature's role starts).
_NAME_SPACE = " \u00a0\u2009\u202f\u2007"
# Dotted abbreviations that look like initials but never stand for a person's names.
_NOT_INITIALS = frozenset({"N.B.", "P.S.", "B.V.", "N.V.", "C.V."})
_POSSESSIVE = re.compile(r"['’]s\Z")
_CREDIT_LINE = re.compile(
    r"(?im)(?:^[ \t]*|(?<=[.!?] ))(?:beeld|foto|photo|image|illustratie|credits?)[ \t]*:.*$|©.*$"
)
_PARENTHESISED_GIVEN_NAME = re.compile(r"^(?:[A-Z]\.)+\s*\(([^()]+)\)\s*")
# Words run together without a space: a lower-case run, then a capital ("instellingenVoor");
# names with an inner capital have a short prefix ("McCall", "MacKenzie", "DeVito").
_GLUED = re.compile(r"[a-z]{3,}[A-Z]")
# Dutch street names are one word ("Clauslaan", "Rijnstraat"): never a surname.
_STREET_SUFFIXES = ("laan", "straat", "plein", "gracht", "kade", "singel", "steeg")
# Lower-case words that, right before a name, make it the name of a thing: "the Clyde Valley",
# "the Bona Vacantia division" (a person is "Nick Keith", not "the Nick Keith").
_DETERMINER_BEFORE = re.compile(r"(?:^|[\s(])(?:the|a|an|een|this|that)\s+\Z", re.IGNORECASE)
# Roles that head a unit named right after them: "directeur-generaal Belastingdienst",
# "director general Trade Policy". After them an everyday word is the unit, not a surname.
_UNIT_HEADS = frozenset({"directeur-generaal", "director-general", "director general"})
# Particles that belong to a name only before another particle: "Sophie in 't Veld", but not
# "Vera Baird in Northumbria".
_LINKING_PARTICLES = frozenset({"in", "op"})
# Lines opening with a letter and a dot: a lettered list ("A. Inrichtingen", "B. Alleen ...").
_LIST_LETTER = re.compile(r"(?m)^[ \t]*([A-Z])\.[ \t\u00a0]")
# After a name: its role, as in "Kinna Kintrea, the assurance director at the NDA".
_APPOSITION = re.compile(r",[ \t]+((?:[^\W\d_]+[ \t]+){0,4}[^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n][\"'”’)\s]*\Z")
_ABBREVIATIONS = frozenset(
    {"dr.", "prof.", "mr.", "drs.", "ir.", "ing.", "ds.", "mevr.", "mw.", "dhr."}
)
# Members of parliament named by their seat: "het lid Van der Lee", "de leden Sneller, Chakor
# en Van Nispen", "lid Omtzigt (CDA)". Alone "lid" is an everyday word ("lid van de raad",
# "lid Raad van Bestuur"): it names a person after "het" or "de", or with the member's party
# in parentheses after the name.
_MEMBER_WORDS = frozenset({"lid", "leden"})
_MEMBER_ARTICLES = frozenset({"het", "de"})
# Roles whose holders are listed: "de leden Sneller, Chakor en Van Nispen", "ministers Blok en
# Grapperhaus", "Kamerleden Omtzigt (CDA) en Leijten (SP)".
_LISTING_ROLES = frozenset({("kamerlid",), ("kamerleden",)})
# After a name in such a list: an optional parenthesis (the party, "(GroenLinks-PvdA)"), then
# a comma or "en"/"and" before the next name.
_WRAP = r"[ \t\u00a0]*\n?[ \t\u00a0]*"  # a list may go on on the next line
_LIST_NEXT = re.compile(
    rf"{_WRAP}(?:\([^()\n]{{1,60}}\){_WRAP})?"
    rf"(?:,{_WRAP}(?:(?:en|and)(?=\s){_WRAP})?|(?:en|and)(?=\s){_WRAP})"
)
_NUMBER_AFTER = re.compile(r"[ \t\u00a0]*\d")
# After an everyday word, the rest of a body's name: "College van Bestuur", "Raad voor ...".
_BODY_AFTER = re.compile(
    r"[ \t\u00a0]+(?:van|voor)[ \t\u00a0]+(?:de[ \t\u00a0]+|het[ \t\u00a0]+)?[A-Z]"
)
# A parenthesis right after a name: "Omtzigt (CDA)".
_PARENTHESIS_AFTER = re.compile(r"[ \t\u00a0]*\(")


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
    role_words: frozenset[str]  # the head word of each role: "director", "minister"
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
        role_words=frozenset(
            words[-1] for words in titles if len(words[-1]) > 3 and words[-1][-1] != "."
        ),
        lower_words=frozenset(
            {w for words in titles for w in words}
            | _ALL_PARTICLES
            | _ABBREVIATIONS
            | _MEMBER_WORDS
            | {"en", "and"}
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
        initials = match.lastgroup == "initials" and word not in _NOT_INITIALS
        if gap:
            joined = bool(tokens) and not gap.strip(_NAME_SPACE)
        else:  # glued to the initials before it: "C.M.Plug", "J.Bouwsma"
            joined = bool(tokens) and tokens[-1].initials and word[:1].isupper()
        tokens.append(_Token(word, word.lower(), start, end, joined, gap, initials))
        prev_end = end
    return tokens


def _title_at(tokens: list[_Token], i: int, lex: _Lexicon) -> tuple[_Title, int] | None:
    """The longest title at token i and its length in tokens; compounds by their last part
    ("AIVD-directeur", "oud-minister"). Short titles in capitals are acronyms: "MS Excel"."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    for title in lex.titles_by_head.get(tok.lower, ()):
        n = len(title.words)
        if n == 1:
            if len(tok.text) <= 3 and tok.text.isupper():
                return None
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
    if len(letters) == 1 or _GLUED.search(text) or tok.lower.endswith(_STREET_SUFFIXES):
        # A list letter ("deel B"), two words run together ("instellingenVoor"), a street
        # ("Prins Clauslaan").
        return False
    return tok.lower not in lex.not_names and not _is_place(text)


def _is_place(name: str) -> bool:
    return name in place_names()


def _read_name(
    tokens: list[_Token],
    i: int,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    after_title: bool = False,
    running_text: bool = False,
) -> int:
    """Index after the longest plausible name starting at token i (i itself if none);
    `running_text`: after a role in lower case, as in a sentence, not a title-case heading."""
    j = i
    n = len(tokens)
    only_given_names = True  # Dutch particles follow given names only: "Hugo de Jonge"
    after_parenthesis = False
    while j < n and j - i < _MAX_NAME_TOKENS:
        tok = tokens[j]
        if j > i and not tok.joined and not after_parenthesis:
            break
        after_parenthesis = False
        is_particle = tok.lower in _PARTICLES and _is_particle(tokens, j)
        if is_particle and (
            (tok.capitalised and (j == i or only_given_names))
            or (not tok.capitalised and j > i and only_given_names)
        ):
            end = _particle_surname(tokens, j, lex, is_blocked)
            return end if end > j else j
        if (
            is_particle
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
        if j > i and only_given_names and _is_capitals_surname(tok, is_blocked):
            return j + 1  # "Moragodage Christopher Walter PINTO"
        if not _is_name_word(tok, lex, is_blocked) or _title_at(tokens, j, lex):
            break
        if _is_first_name(tok, lex):
            if not only_given_names and not tok.initials:
                break  # names run together in a flattened list: "Martha Romkes Daan Wijnhorst"
        else:
            if (
                not only_given_names
                and tok.lower in lex.common_words
                and not (running_text and j == i + 1 and _ends_run(tokens, j))
            ):
                # Title case runs on past the surname ("Minister Hoekstra Visits Kyiv"); in a
                # sentence a capitalised word is a double surname: "minister Bruins Slot".
                break
            if (
                not only_given_names
                and j + 1 < n
                and tokens[j + 1].joined
                and _title_at(tokens, j + 1, lex)
            ):
                break  # the first word of a role: "Norbert Wühler Adjunct Secretaris-Generaal"
            only_given_names = False
        j += 1
    return j


def _ends_run(tokens: list[_Token], j: int) -> bool:
    """Whether no capitalised word follows token j in the same run of words."""
    return j + 1 >= len(tokens) or not (tokens[j + 1].joined and tokens[j + 1].capitalised)


def _is_particle(tokens: list[_Token], j: int) -> bool:
    tok = tokens[j]
    if tok.lower not in _LINKING_PARTICLES:
        return True
    return j + 1 < len(tokens) and tokens[j + 1].joined and tokens[j + 1].lower in _PARTICLES


def _is_capitals_surname(tok: _Token, is_blocked: Callable[[_Token], bool]) -> bool:
    """A surname in capitals after given names, as some lists write it ("Walter PINTO"): long
    enough not to be an acronym (MP, MBE, NHS), not a roman numeral."""
    return (
        len(tok.text) >= 4
        and tok.text.isalpha()
        and tok.text.isupper()
        and not _ROMAN.match(tok.text)
        and not is_blocked(tok)
    )


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
    # Why the words are a person's name (the Evidence of the entity panels): "title:minister",
    # "given-name", "initials", "role-after", "list", "member", "party", "known-person".
    reason: str = ""


def find_people(
    text: str,
    language: str,
    blocked: Sequence[tuple[int, int]] = (),
    *,
    credits: Sequence[tuple[int, int]] | None = None,
    parties: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Person mentions in `text`; `blocked` spans (organizations, countries) are never names,
    nor are photo credits (`credits`: `credit_spans(text)`, found here when not given).
    `parties`: the spans of political parties (a subset of `blocked`): a name with its party
    in parentheses after it is a person's ("Omtzigt (CDA)")."""
    del language  # the cues are bilingual; kept for a uniform recogniser signature
    lex = _lexicon()
    tokens = _tokenize(text, lex)
    is_blocked = _blocker([*blocked, *(credit_spans(text) if credits is None else credits)])
    party_starts = frozenset(start for start, _ in parties)
    found: list[_Found] = []
    labels: list[frozenset[str]] = []  # the document's list letters, found when first needed

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.text[0].isupper() or tok.lower in lex.titles_by_head or "-" in tok.text):
            if tok.lower in _MEMBER_WORDS:
                i = _members(text, tokens, i, lex, is_blocked, party_starts, found)
            else:
                i += 1  # most words: lower case, no role
            continue
        if tok.lower in _MEMBER_WORDS:  # "Het lid Van der Lee" opening a sentence
            i = _members(text, tokens, i, lex, is_blocked, party_starts, found)
            continue
        title = _title_at(tokens, i, lex)
        if title is not None:
            i = _names_after_title(text, tokens, i + title[1], title[0], lex, is_blocked, found)
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
        if (
            given is not None
            and end - given >= 2
            and not _is_phrase(tokens, given, lex)
            and _untitled_name_holds(text, tokens, given, end, lex, labels)
        ):
            reason = "initials" if tokens[given].initials else "given-name"
            found.append(_Found(given, end, reason))
        elif given is None and _introduced_by_role(text, tokens, i, end, lex):
            found.append(_Found(i, end, "role-after"))
        elif (
            given is None
            and party_starts
            and _party_after(text, tokens[end - 1].end, party_starts)
            and _surname_like(tokens, i, end, lex)
        ):
            found.append(_Found(_party_name_start(tokens, i, end), end, "party"))
        i = max(end, i + 1)

    found += _listed_names(text, tokens, found, lex, is_blocked)
    found += _known_surnames(tokens, found, lex, is_blocked)
    found.sort(key=lambda f: f.start_tok)
    mentions = []
    for f in found:
        start, stop = tokens[f.start_tok].start, tokens[f.end_tok - 1].end
        surface = _surface(text, tokens[f.start_tok : f.end_tok])
        mentions.append(Mention(EntityType.PERSON, surface, surface, start, stop, reason=f.reason))
    return mentions


def _members(
    text: str,
    tokens: list[_Token],
    i: int,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    party_starts: frozenset[int],
    found: list[_Found],
) -> int:
    """The members of parliament "lid"/"leden" at token i introduces ("het lid Van der Lee",
    "de leden Sneller, Chakor en Van Nispen (SP)"); the index to continue scanning from."""
    k = i + 1
    if k >= len(tokens) or not tokens[k].capitalised or not _wrapped_or_joined(tokens[k]):
        return k
    by_article = i > 0 and tokens[i].joined and tokens[i - 1].lower in _MEMBER_ARTICLES
    if _title_at(tokens, k, lex) is not None:
        return k  # "het lid Minister ..." is no name
    end = _read_name(tokens, k, lex, is_blocked, after_title=True, running_text=True)
    if (
        end == k
        or _is_place(" ".join(t.text for t in tokens[k:end]))
        or _NUMBER_AFTER.match(text, tokens[end - 1].end)  # "het lid Kamerstuk 36 200"
        or all(_is_first_name(t, lex) for t in tokens[k:end])  # "het lid Inge vanDijk"
    ):
        return k
    with_party = _party_after(text, tokens[end - 1].end, party_starts)
    if not by_article and not with_party:
        return k  # "lid Raad van Bestuur"
    if (
        not with_party
        and end == k + 1
        and tokens[k].lower in lex.common_words
        and _BODY_AFTER.match(text, tokens[k].end)
    ):
        return k  # "het lid College van Bestuur": a body's seat
    found.append(_Found(k, end, "member"))
    return _more_listed(text, tokens, end, lex, is_blocked, found, "member")


def _wrapped_or_joined(tok: _Token) -> bool:
    """Separated from the token before by spaces, or by one line break ("het lid\nVan der
    Lee" in a wrapped paragraph)."""
    return tok.joined or (tok.gap.count("\n") == 1 and not tok.gap.strip())


def _more_listed(
    text: str,
    tokens: list[_Token],
    end: int,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    found: list[_Found],
    reason: str,
) -> int:
    """The further names of a list whose first name ends at token `end`: "Sneller, Chakor en
    Van Nispen", "Blok en Grapperhaus", "Van Nispen (SP) en Chakor (GroenLinks-PvdA)"."""
    while end < len(tokens):
        after = _LIST_NEXT.match(text, tokens[end - 1].end)
        if after is None:
            break
        nxt = _token_at(tokens, after.end(), end)
        if nxt is None or not tokens[nxt].capitalised or _title_at(tokens, nxt, lex):
            break
        more = _read_name(tokens, nxt, lex, is_blocked, after_title=True, running_text=True)
        if (
            more == nxt
            or not tokens[more - 1].capitalised
            or tokens[more - 1].text.isupper()
            or _NUMBER_AFTER.match(text, tokens[more - 1].end)
        ):
            break  # "..., Kamerstuk 36 200"
        found.append(_Found(nxt, more, reason))
        end = more
    return end


def _token_at(tokens: list[_Token], position: int, after: int) -> int | None:
    """The index of the token starting at `position`, looked for from token `after` on."""
    for k in range(after, min(after + 4, len(tokens))):
        if tokens[k].start == position:
            return k
        if tokens[k].start > position:
            break
    return None


def _party_after(text: str, position: int, party_starts: frozenset[int]) -> bool:
    """Whether a party's name in parentheses follows `position`: "Omtzigt (CDA)"."""
    if not party_starts:
        return False
    match = _PARENTHESIS_AFTER.match(text, position)
    return match is not None and match.end() in party_starts


def _surname_like(tokens: list[_Token], start: int, end: int, lex: _Lexicon) -> bool:
    """A name read from start to end whose last word is no everyday word ("Van der Lee",
    "Omtzigt"; not "Bestuur"), nor a one-letter or all-capitals word."""
    last = tokens[end - 1]
    if not last.capitalised or last.text.isupper() or last.lower in lex.not_names:
        return False
    # After a particle an everyday word is a surname: "De Jonge", "Van der Laan".
    return last.lower not in lex.common_words or (
        end - start >= 2 and tokens[end - 2].lower in _PARTICLES
    )


def _party_name_start(tokens: list[_Token], i: int, end: int) -> int:
    """Where the name before a party starts: after the everyday words that open the run
    ("Volgens Omtzigt (CDA)"), at its particles ("Van der Lee (GroenLinks-PvdA)")."""
    start = end - 1
    while start > i and tokens[start - 1].lower in _PARTICLES:
        start -= 1
    return start


def _surface(text: str, span: Sequence[_Token]) -> str:
    """The name as written, with its spacing made regular so that one name is one entry: one
    plain space between words (not two, not a non-breaking one), initials written together
    ("A. H. C.  Annink" is "A.H.C. Annink") and apart from the surname ("C.M.Plug")."""
    parts = [text[span[0].start : span[0].end]]
    for prev, tok in pairwise(span):
        gap = tok.gap
        if not gap.strip():
            parts.append("" if prev.initials and tok.initials else " ")
        else:  # "J.A. (André) Knottnerus"
            parts.append(re.sub(r"\s+", " ", gap))
        parts.append(text[tok.start : tok.end])
    return _PARENTHESISED_GIVEN_NAME.sub(r"\1 ", "".join(parts))


def _untitled_name_holds(
    text: str,
    tokens: list[_Token],
    start: int,
    end: int,
    lex: _Lexicon,
    labels: list[frozenset[str]],
) -> bool:
    """Whether a name found without a title (by its given name or initials) is a person's."""
    first, surname = tokens[start], tokens[end - 1]
    if _DETERMINER_BEFORE.search(first.gap) or (
        start > 0 and first.joined and tokens[start - 1].lower == "the"
    ):
        return False  # "the Clyde Valley", "the Bona Vacantia division"
    if first.initials:
        single = first.text.count(".") == 1 and not any(t.initials for t in tokens[start + 1 : end])
        return not single or _single_initial_holds(text, tokens, start, end, labels)
    if surname.lower in lex.common_words and surname.lower not in _ALL_PARTICLES:
        # An everyday word as the surname ("Sally West", "Andy Street") needs the name to
        # stand on its own, not inside a longer capitalised name: "Sheffield City Region",
        # "Devon County Council", "Clearances Team Alexander House", "Old Oak Common",
        # "Chester West & Chester".
        if end < len(tokens) and tokens[end].joined and tokens[end].capitalised:
            return False
        if text[surname.end : surname.end + 3].lstrip(" \u00a0")[:1] == "&":
            return False
        before = tokens[start - 1] if start > 0 else None
        if (
            before
            and first.joined
            and before.capitalised
            and not _starts_sentence(tokens, start - 1)
        ):
            return False
    return True


def _single_initial_holds(
    text: str, tokens: list[_Token], start: int, end: int, labels: list[frozenset[str]]
) -> bool:
    """One initial and a word is a person where names are listed or signed ("J. Thunnissen"
    under a role, "H. Stoop, J. Arts, M. van Dongen"), not where a list letter or a reference
    starts a sentence: "A. The economy", "B. Alleen in bijzondere gevallen", "tunnelcategorie
    C. Als", "Hinkley Point B. Bethany who", and not in a lettered list of headings ("A.
    Inrichtingen" ... "B. Luchtvaartactiviteiten")."""
    first = tokens[start]
    at_line_start = start == 0 or "\n" in first.gap
    listed = first.gap.rstrip(" \u00a0").endswith((",", ";", ":", "(")) or (
        first.joined and tokens[start - 1].lower in {"en", "and"}
    )
    if not (at_line_start or listed):
        return False
    follows = text[tokens[end - 1].end :].lstrip(" \u00a0")[:1]
    if follows not in {"", "\n", "\r", ",", ";", ":", ".", "(", ")", "*", "–", "—"} and not (
        listed and follows.isupper()  # "S. van Kruijsbergen, P. van der Laak Handreiking ..."
    ):
        return False
    if at_line_start:
        if not labels:
            labels.append(frozenset(_LIST_LETTER.findall(text)))
        letter = ord(first.text[0])
        return not {chr(letter - 1), chr(letter + 1)} & labels[0]
    return True


def _plain_name(
    tokens: list[_Token], start: int, end: int, lex: _Lexicon, listed: bool = False
) -> bool:
    """Two or three capitalised words that are no everyday words: a name whose given name we
    do not know ("Kinna Kintrea"). In a list of names the given name may be a word too ("Joy
    Flynn", "Will Hadwen"), but the surname may not ("Working Families")."""
    span = tokens[start:end]
    others = span[1:-1] if listed else span[:-1]
    return (
        2 <= len(span) <= 3
        and all(t.capitalised and not t.initials for t in span)
        and span[-1].lower not in lex.common_words
        and all(t.lower not in lex.common_words for t in others if not _is_first_name(t, lex))
    )


def _introduced_by_role(
    text: str, tokens: list[_Token], start: int, end: int, lex: _Lexicon
) -> bool:
    """A name followed by its role: "Kinna Kintrea, the assurance director at the NDA"."""
    if not _plain_name(tokens, start, end, lex):
        return False
    match = _APPOSITION.match(text, tokens[end - 1].end)
    return match is not None and any(
        w.lower() in lex.role_words for w in _WORD.findall(match.group(1))[:5]
    )


def _listed_names(
    text: str,
    tokens: list[_Token],
    found: list[_Found],
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
) -> list[_Found]:
    """In a list of people, one a line, a line like the others is a person too: "Ken Butler"
    and "Joy Flynn" among "Fran Bennett" and "Alaster Calder" (given names we do not know,
    or that are also words)."""

    def fills_line(start: int, end: int) -> bool:
        if not (start == 0 or "\n" in tokens[start].gap):
            return False
        tail_end = text.find("\n", tokens[end - 1].end)
        return not text[tokens[end - 1].end : tail_end if tail_end >= 0 else len(text)].strip()

    if sum(fills_line(f.start_tok, f.end_tok) for f in found) < 3:
        return []
    taken = {k for f in found for k in range(f.start_tok, f.end_tok)}
    extra: list[_Found] = []
    for k, tok in enumerate(tokens):
        if k in taken or not (k == 0 or "\n" in tok.gap):
            continue
        end = k + 1
        while end < len(tokens) and end - k < 3 and tokens[end].joined:
            end += 1
        span = tokens[k:end]
        if (
            fills_line(k, end)
            and _plain_name(tokens, k, end, lex, listed=True)
            and not any(is_blocked(t) or not _is_name_word(t, lex, is_blocked) for t in span[1:])
            and not is_blocked(span[0])
            and _title_at(tokens, k, lex) is None
        ):
            extra.append(_Found(k, end, "list"))
    return extra


def _starts_sentence(tokens: list[_Token], k: int) -> bool:
    return k == 0 or bool(_SENTENCE_BREAK.search(tokens[k].gap))


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
    text: str,
    tokens: list[_Token],
    i: int,
    title: _Title,
    lex: _Lexicon,
    is_blocked: Callable[[_Token], bool],
    found: list[_Found],
) -> int:
    """Read the name(s) a title introduces; returns the index to continue scanning from."""
    weak = title.weak
    first = i
    # Stacked roles: "Prime Minister", "Prof. dr.", "Koning" after "de Jordaanse".
    while i < len(tokens) and tokens[i].joined and (inner := _title_at(tokens, i, lex)):
        weak = weak and inner[0].weak
        title = inner[0]  # the role itself: "plaatsvervangend directeur-generaal"
        i += inner[1]
    if weak or i >= len(tokens) or not tokens[i].joined:
        # A weak role ("directeur Particulieren") proves nothing: only a given name will.
        return i
    lower_case_role = not tokens[first - 1].capitalised
    end = _read_name(tokens, i, lex, is_blocked, after_title=True, running_text=lower_case_role)
    if end == i or _is_place(" ".join(t.text for t in tokens[i:end])):
        return i  # "burgemeester Den Haag" is not a person
    if _names_a_unit(tokens, i, end, title, lex) or _inside_a_name(tokens, first, i, end, lex):
        return i
    reason = "title:" + " ".join(title.words)
    found.append(_Found(i, end, reason))
    # "ministers Blok en Grapperhaus", "Kamerleden Omtzigt (CDA) en Leijten (SP)"
    if title.plural or title.words in _LISTING_ROLES:
        return _more_listed(text, tokens, end, lex, is_blocked, found, reason)
    return end


def _names_a_unit(tokens: list[_Token], i: int, end: int, title: _Title, lex: _Lexicon) -> bool:
    """Whether the words after a role name the unit it heads rather than its holder:
    "directeur-generaal Management en Personeelsbeleid", "directeur-generaal Milieubeheer,"
    at the end of its line, or any role whose holder is signed on the next line ("de
    directeur-generaal Belastingdienst,\nJ. Thunnissen")."""
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and "\n" in nxt.gap and nxt.initials:
        return True
    if " ".join(title.words) not in _UNIT_HEADS or _is_first_name(tokens[i], lex):
        return False
    if tokens[i].lower in lex.common_words or nxt is None or "\n" in nxt.gap:
        return True
    return (
        nxt.joined
        and nxt.lower in {"en", "and"}
        and end + 1 < len(tokens)
        and tokens[end + 1].joined
        and tokens[end + 1].capitalised
    )


def _inside_a_name(tokens: list[_Token], role: int, i: int, end: int, lex: _Lexicon) -> bool:
    """ "the Financial Ombudsman Service": a role word inside the capitalised name of a body,
    followed by an everyday word, names no one."""
    before = tokens[role - 2] if role >= 2 else None  # the title's own token is role - 1
    return (
        end == i + 1
        and tokens[i].lower in lex.common_words
        and before is not None
        and tokens[role - 1].joined
        and before.capitalised
        and before.lower not in lex.lower_words
        and not _starts_sentence(tokens, role - 2)
    )


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
                # A married name is also used by its first part: "Bijleveld-Schouten",
                # "Bijleveld"; a name after the Arabic article without it: "al-Assad", "Assad"
                # (never "al", an everyday Dutch word).
                bare = without_article(surname[0])
                forms.add((bare,) if bare else (surname[0].split("-")[0],))
    taken = [False] * len(tokens)
    for person in people:
        for k in range(person.start_tok, person.end_tok):
            taken[k] = True
    # "May" alone stays a month even after "Theresa May".
    forms = {f for f in forms if len(f) > 1 or f[0].lower() not in lex.months}
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):  # longest form first
        by_first_word.setdefault(form[0], []).append(form)
    # A surname in another spelling: "Putin" after "Vladimir Poetin" (names.spelling_key).
    surnames = [f[0] for f in forms if len(f) == 1 and len(f[0]) > 2]
    if surnames:
        # Spellings differ by a few letters ("Poetin", "Putin"; "Zelenski", "Zelenskyy"):
        # only capitalised words of such lengths are spelled out, once each.
        by_spelling = {spelling_key(surname) for surname in surnames}
        lengths = {len(surname) + d for surname in surnames for d in range(-3, 4)}
        capitalised = {t.text for t in tokens if len(t.text) in lengths and t.text[0].isupper()}
        for word in capitalised - by_first_word.keys():
            if spelling_key(word) in by_spelling and word.lower() not in lex.months:
                by_first_word[word] = [(word,)]
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
                and not _ends_name(tokens, i, lex)
            ):
                matched = n
                break
        if matched:
            extra.append(_Found(i, i + matched, "known-person"))
            i += matched
        else:
            i += 1
    return extra


def _ends_name(tokens: list[_Token], k: int, lex: _Lexicon) -> bool:
    """ "West" in "the North West" is not the person Sally West: a capitalised word stands right
    before it that neither starts the sentence nor is a title ("Minister Blok", "Volgens Blok")."""
    if k == 0 or not tokens[k].joined:
        return False
    before = tokens[k - 1]
    return (
        before.capitalised
        and not before.initials
        and before.lower not in lex.lower_words
        and not _starts_sentence(tokens, k - 1)
    )


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
        # A double surname whose last part is a word is used whole: "Bruins Slot", not "Slot".
        rest = rest[-2:] if span[-1].lower in lex.common_words else rest[-1:]
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
