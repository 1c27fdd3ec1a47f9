"""Organizations mentioned in a text.

Known organizations come from the curated gazetteer `resources/gazetteers/organizations.tsv`
(Dutch and English names and acronyms; NAVO = NATO). On top of that:
- a minister's portfolio names the ministry ("minister Blok van Buitenlandse Zaken");
- patterns find organizations the gazetteer lacks ("Ministerie van ...", "... Bank",
  "Nationaal Cyber Security Centrum (NCSC)" defines NCSC for the rest of the document).
Acronyms match only in their exact case, so "Is" and "Who" are no organizations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefing_app.entities._gazetteer import (
    Gazetteer,
    at_word_boundaries,
    in_shouted_line,
    leftmost_longest,
    same_length_lower,
)
from briefing_app.entities.countries import find_countries
from briefing_app.entities.model import EntityType, Mention
from briefing_app.resources import resource_path

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class OrganizationRecord:
    canonical: str
    type: str
    dutch: tuple[str, ...]
    english: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys((self.canonical, *self.dutch, *self.english)))


@dataclass(frozen=True)
class _Alias:
    key: str | None  # None: a blocker ("Amazon rainforest")
    name: str
    language: str


def is_acronym(name: str) -> bool:
    """NAVO, KMar, JenV, DT&V: one token with at least two capitals, matched in exact case."""
    return " " not in name and sum(1 for c in name if c.isupper()) >= 2


def _split(field: str) -> tuple[str, ...]:
    return () if field.strip() == "-" else tuple(n.strip() for n in field.split("|") if n.strip())


def _variants(name: str) -> list[str]:
    # "Volksgezondheid, Welzijn en Sport" is also written without its comma.
    return [name, name.replace(", ", " ")] if ", " in name else [name]


@cache
def _records() -> tuple[tuple[OrganizationRecord, ...], tuple[tuple[str, ...], ...]]:
    """The gazetteer's organizations, and its blockers (phrases that are no organization)."""
    records, blockers = [], []
    path = resource_path("gazetteers", "organizations.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        canonical, org_type, dutch, english = line.split("\t")
        if canonical == "-":
            blockers.append(_split(dutch) + _split(english))
        else:
            records.append(OrganizationRecord(canonical, org_type, _split(dutch), _split(english)))
    return tuple(records), tuple(blockers)


@cache
def _by_key() -> dict[str, OrganizationRecord]:
    return {record.canonical: record for record in _records()[0]}


def _aliases() -> list[tuple[str, _Alias]]:
    records, blockers = _records()
    result: list[tuple[str, _Alias]] = []
    for record in records:
        for language, names in (("nl", (record.canonical, *record.dutch)), ("en", record.english)):
            for name in names:
                result.extend((v, _Alias(record.canonical, v, language)) for v in _variants(name))
    for names in blockers:
        result.extend((name, _Alias(None, name, "")) for name in names)
    return result


@cache
def _gazetteers() -> tuple[Gazetteer[_Alias], Gazetteer[_Alias]]:
    """(acronyms in exact case, other names case-insensitively)."""
    aliases = _aliases()
    acronyms = Gazetteer([(n, a) for n, a in aliases if is_acronym(n)])
    names = Gazetteer([(n, a) for n, a in aliases if not is_acronym(n)], lowercase=True)
    return acronyms, names


@cache
def _portfolios() -> Gazetteer[str]:
    """Ministerial portfolios ("Buitenlandse Zaken", "Foreign Affairs") -> canonical ministry."""
    entries: list[tuple[str, str]] = []
    for record in _records()[0]:
        if record.type != "ministry":
            continue
        for name in record.names:
            for prefix in ("Ministerie van ", "Ministry of the ", "Ministry of "):
                if name.startswith(prefix):
                    entries.extend((v, record.canonical) for v in _variants(name[len(prefix) :]))
                    break
    path = resource_path("gazetteers", "ministry_portfolios.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            portfolio, ministry = line.split("\t")
            entries.extend((v, ministry) for v in _variants(portfolio))
    return Gazetteer(entries, lowercase=True)


def _applies(alias: _Alias, language: str) -> bool:
    # One-word names are often ordinary words in the other language ("Marine", "Kamer"), so
    # they count only in their own; longer names and acronyms count in either.
    return (
        not alias.language
        or language not in LANGUAGES
        or alias.language == language
        or " " in alias.name
        or is_acronym(alias.name)
    )


_Candidate = tuple[int, int, str | None]  # start, end, key (None blocks the span)

_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’&-]*"
_LEAD = re.compile(
    r"(?:\b(?P<minister>[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Ss]tate [Ss]ecretary|"
    r"[Ss]ecretary of [Ss]tate|[Mm]inister-[Pp]resident|[Bb]ewindspersoon)"
    r"|\b(?P<ministry>[Mm]inisterie|[Mm]inistry|[Dd]epartement|[Dd]epartment))"
    r"(?P<name>(?:\s+(?:" + _CAPITALISED + r"|van|de|der|den|ter|ten|te|'t|in|op)){0,6}?)"
    r"(?:\s+(?:van|voor|of|for)(?:\s+the)?\s+|\s*\(\s*)$"
)
_NAME_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "op"}


def _foreign_qualifier(text: str, lead_start: int, language: str) -> bool:
    """ "de Franse minister van Defensie", "Ukraine's Ministry of Defence": not a Dutch ministry."""
    window_start = max(0, lead_start - 40)
    before = text[window_start:lead_start]
    for mention in find_countries(before, language):
        gap = before[mention.end :]
        if mention.key != "NL" and re.fullmatch(r"(?:['’]s)?\s+(?:(?:de|het|the)\s+)?", gap):
            return True
    return False


def _ministry_candidates(text: str, language: str, haystack: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for start, end, ministries in _portfolios().candidates(text, haystack):
        if not text[start].isupper() and not text[start:end].startswith("the "):
            continue
        lead = _LEAD.search(text, max(0, start - 90), start)
        if lead is None:
            continue
        name = lead.group("name").split()
        if name and (name[0] in _NAME_PARTICLES or name[-1] in _NAME_PARTICLES - {"'t"}):
            continue  # "minister van ..." is read as lead + connector, never as a name
        if _foreign_qualifier(text, lead.start(), language):
            candidates.append((lead.start(), end, None))
        elif lead.group("ministry"):
            candidates.append((lead.start(), end, ministries[0]))
        else:
            candidates.append((start, end, ministries[0]))
    return candidates


# Spaces within one line only: a name never runs across a paragraph break.
_WORDS = _CAPITALISED + r"(?:[ \xa0]+" + _CAPITALISED + r")*"
# "Ministerie van Onderwijs, Cultuur en Wetenschap": commas only inside an "a, b en c" list.
_UNKNOWN_MINISTRY = re.compile(
    r"\b(?:Ministerie van|Ministry of(?: the)?)[ \xa0]+"
    + _WORDS
    + r"(?:(?:,[ \xa0]+"
    + _WORDS
    + r")*[ \xa0]+(?:en|and|&)[ \xa0]+"
    + _WORDS
    + r")?"
)
_BANKS = (
    re.compile(r"\b(?P<name>(?:" + _CAPITALISED + r"[ \xa0]+){1,4}Bank)\b"),
    re.compile(
        r"\b(?P<name>(?:" + _CAPITALISED + r"[ \xa0]+){0,3}Bank of(?: the)?"
        r"(?:[ \xa0]+" + _CAPITALISED + r"){1,3})\b"
    ),
)
_SENTENCE_WORDS = {"The", "De", "Het", "Een", "A", "An", "In", "Bij", "Via", "Door", "With"}


def _pattern_candidates(text: str, language: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    has_ministry = "Minist" in text  # cheap guards: most texts need neither pattern
    for match in _UNKNOWN_MINISTRY.finditer(text) if has_ministry else ():
        surface = match.group(0)
        if _foreign_qualifier(text, match.start(), language):
            candidates.append((match.start(), match.end(), None))
        else:
            candidates.append(
                (match.start(), match.end(), resolve_organization(surface) or surface)
            )
    bank_matches = [m for p in _BANKS for m in p.finditer(text)] if "Bank" in text else []
    for match in bank_matches:
        words = match.group("name").split()
        while words and words[0] in _SENTENCE_WORDS:
            words.pop(0)
        if len(words) >= 2:
            start = match.end() - len(" ".join(words))
            name = text[start : match.end()]
            candidates.append((start, match.end(), resolve_organization(name) or name))
    return candidates


# Head words that make a defined acronym an organization rather than a law, report or
# programme ("Wet op de inlichtingen- en veiligheidsdiensten (Wiv)" is no organization).
_ORGANIZATION_HEADS = (
    "dienst", "raad", "centrum", "bureau", "autoriteit", "agentschap", "organisatie",
    "inspectie", "commissie", "comité", "fonds", "bank", "instituut", "ministerie", "politie",
    "unie", "partij", "beweging", "federatie", "vereniging", "stichting", "universiteit", "hof",
    "rechtbank", "tribunaal", "kamer", "korps", "coördinator", "college", "platform", "netwerk",
    "alliantie", "academie", "omroep", "maatschappij", "groep", "missie", "parket", "overleg",
    "agency", "organization", "organisation", "office", "commission", "committee", "council",
    "court", "fund", "institute", "authority", "service", "union", "association", "federation",
    "foundation", "party", "movement", "front", "centre", "center", "network", "alliance",
    "forum", "tribunal", "parliament", "police", "force", "forces", "army", "board", "university",
    "secretariat", "mission", "group", "corporation", "company", "coalition", "coalitie",
)  # fmt: skip
_DEFINITION = re.compile(r"\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_CONNECTORS = {"van", "voor", "de", "der", "het", "en", "op", "of", "for", "and", "the", "on", "in"}


def _defined_name(before: str, acronym: str) -> str | None:
    """The capitalised name right before "(ACRONYM)" whose letters spell the acronym."""
    words = before.split()
    run: list[str] = []
    for word in reversed(words):
        if word[0].isupper() or word in _CONNECTORS or word.endswith("-"):
            run.insert(0, word)
        else:
            break
    for start in range(len(run)):  # the longest run that spells the acronym wins
        if run[start][0].upper() != acronym[0].upper() or run[start] in _CONNECTORS:
            continue
        name = " ".join(run[start:])
        letters = iter(name.lower())
        if all(c in letters for c in acronym.lower()):
            return name
    return None


def _definition_candidates(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for match in _DEFINITION.finditer(text):
        acronym = match.group("acronym")
        if sum(1 for c in acronym if c.isupper()) < 2:
            continue
        before = text[max(0, match.start() - 120) : match.start()].rstrip()
        name = _defined_name(before, acronym)
        if name is None:
            continue
        key = resolve_organization(name) or resolve_organization(acronym)
        if key is None:
            if not any(w.lower().endswith(_ORGANIZATION_HEADS) for w in name.split()):
                continue
            key = name
        name_start = (
            match.start()
            - (len(text[: match.start()]) - len(text[: match.start()].rstrip()))
            - len(name)
        )
        candidates.append((name_start, name_start + len(name), key))
        for use in re.finditer(r"\b" + re.escape(acronym) + r"\b", text):
            if not in_shouted_line(text, use.start(), use.end()):
                candidates.append((use.start(), use.end(), key))
    return candidates


def find_organizations(text: str, language: str) -> list[Mention]:
    """Every mention of an organization in `text` (language "nl" or "en"), in text order.

    Mention.key is the gazetteer's canonical name for known organizations, else the name as
    the pattern found it."""
    acronyms, names = _gazetteers()
    haystack = same_length_lower(text)
    candidates: list[_Candidate] = []
    for start, end, aliases in acronyms.candidates(text):
        usable = [a for a in aliases if _applies(a, language)]
        if usable and not (end - start <= 3 and in_shouted_line(text, start, end)):
            candidates.append((start, end, usable[0].key))
    for start, end, aliases in names.candidates(text, haystack):
        usable = [a for a in aliases if _applies(a, language)]
        if usable and (text[start].isupper() or not usable[0].name[0].isupper()):
            candidates.append((start, end, usable[0].key))
    candidates += _ministry_candidates(text, language, haystack)
    candidates += _definition_candidates(text)
    candidates += _pattern_candidates(text, language)
    return [
        Mention(EntityType.ORGANIZATION, key, text[start:end], start, end)
        # On equal spans a blocker wins ("Ukraine's Ministry of Defence" is not ours).
        for start, end, key in leftmost_longest(sorted(candidates, key=lambda c: c[2] is not None))
        if key is not None and at_word_boundaries(text, start, end)
    ]


def organization_records() -> tuple[OrganizationRecord, ...]:
    """Every organization of the gazetteer, in its order."""
    return _records()[0]


def organization_blockers() -> tuple[str, ...]:
    """Phrases that contain an organization's name and are none ("Amazon rainforest")."""
    return tuple(name for names in _records()[1] for name in names)


def name_variants(name: str) -> list[str]:
    """The forms a gazetteer name is also written in (without its comma)."""
    return _variants(name)


def organization_aliases(key: str) -> list[str]:
    """All names of a known organization, canonical first; [] for an unknown key."""
    record = _by_key().get(key)
    return record.names if record else []


def organization_type(key: str) -> str | None:
    """The gazetteer's type ("ministry", "un", "armed_group", "company", ...) of a known key."""
    record = _by_key().get(key)
    return record.type if record else None


def organization_name(key: str, language: str = "en") -> str:
    """The organization's preferred name in `language` ("nl"/"en"): "NAVO" / "NATO"."""
    record = _by_key().get(key)
    if record is None:
        return key
    names = record.dutch if language == "nl" else record.english
    return names[0] if names else record.canonical


@cache
def _resolver() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for name, alias in _aliases():
        if alias.key is None:
            continue
        if is_acronym(name):
            exact.setdefault(name, alias.key)
        else:
            folded.setdefault(name.casefold(), alias.key)
    return exact, folded


def resolve_organization(name: str) -> str | None:
    """The canonical key for any of an organization's names: "NATO" and "navo"? -> "NAVO".

    Full names compare case-insensitively; acronyms only in their exact case ("WHO", not
    "Who"). None when the name is not in the gazetteer."""
    exact, folded = _resolver()
    name = " ".join(name.split())
    return exact.get(name) or folded.get(name.casefold())
