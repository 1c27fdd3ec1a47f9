"""Countries mentioned in a text, as ISO 3166-1 alpha-2 codes.

Names come from CLDR (via Babel) in Dutch and English; `resources/gazetteers/countries.tsv`
adds short forms ("VS", "the UK") and nationality words ("Jordaanse", "Britten", "Dutch").
Cities, regions and continents are never countries; `place_names()` lists them so the
people recogniser can tell "Den Haag" from a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from babel import Locale
from babel.core import get_global

from briefing_app.entities._gazetteer import Gazetteer, in_shouted_line, leftmost_longest
from briefing_app.entities.model import EntityType, Mention
from briefing_app.resources import resource_path

LANGUAGES = ("nl", "en")

# CLDR territories that are not sovereign states: dependencies, overseas parts, regions and
# pseudo-codes. Kosovo (XK) and Palestine (PS) are kept: governments treat them as states.
_NOT_SOVEREIGN = frozenset(
    {
        "AC", "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CP", "CQ", "CW",
        "CX", "DG", "EA", "EH", "EU", "EZ", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU",
        "HK", "HM", "IC", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU",
        "PF", "PM", "PN", "PR", "QO", "RE", "SH", "SJ", "SX", "TA", "TC", "TF", "TK", "UM", "UN",
        "VG", "VI", "WF", "XA", "XB", "YT", "ZZ"
    }
)  # fmt: skip

# Country names that are also first names: "Jordan Peterson", "Chad Smith", "Frans Timmermans".
_ALSO_FIRST_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Frans"})
# Words near "Georgia" that mean the US state.
_US_STATE_CONTEXT = re.compile(
    r"\b(Atlanta|Savannah|Alabama|Florida|Tennessee|Carolina|Governor|Senat(e|or)|"
    r"U\.?S\.? state|state of Georgia|Georgia, USA|Peach State|county|Democrats?|Republicans?)\b"
)
# Before an uninflected Dutch adjective, "het" marks the language: "in het Frans".
_DUTCH_LANGUAGE_ARTICLE = re.compile(r"\bhet\s+$", re.IGNORECASE)
# Before an English adjective, these mark the language: "in Dutch.", "speaks French".
_ENGLISH_LANGUAGE_LEAD = re.compile(r"\b(in|into|speaks?|spoke|speaking|from)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")


class Kind(Enum):
    NAME = "name"
    ABBREVIATION = "abbreviation"
    ADJECTIVE = "adjective"  # adjectives and inhabitant nouns


@dataclass(frozen=True)
class _Form:
    code: str | None  # None: a blocker such as "Latin America"
    kind: Kind
    language: str
    uninflected: bool = False  # a Dutch base adjective that doubles as a language name


def _split(field: str) -> list[str]:
    names = [] if field.strip() == "-" else [n.strip() for n in field.split("|") if n.strip()]
    return [n[4:] if n.startswith("the ") else n for n in names]


def _inflect_dutch(base: str) -> str | None:
    """The attributive -e form: Jordaans -> Jordaanse, Chinees -> Chinese, Russisch -> Russische."""
    if base.endswith("sch"):
        return base + "e"
    if base.endswith("s"):
        if len(base) >= 4 and base[-2] == base[-3] and base[-2] in "aeou":
            return base[:-3] + base[-2] + "se"
        return base + "e"
    return None


def _kind_of(name: str) -> Kind:
    letters = [c for c in name if c.isalpha()]
    return Kind.ABBREVIATION if letters and all(c.isupper() for c in letters) else Kind.NAME


@cache
def sovereign_codes() -> frozenset[str]:
    """ISO alpha-2 codes of the sovereign states CLDR knows."""
    return frozenset(
        code
        for code in _territories("en")
        if len(code) == 2 and code.isalpha() and code not in _NOT_SOVEREIGN
    )


@cache
def _territories(language: str) -> dict[str, str]:
    """CLDR territory names by code in `language`."""
    return {str(code): str(name) for code, name in Locale(language).territories.items()}


def _cldr_names(language: str) -> list[tuple[str, str]]:
    result = []
    for code, name in _territories(language).items():
        if code not in sovereign_codes():
            continue
        for variant in re.split(r"\s*[()]\s*", name):
            variant = variant.strip()
            if variant:
                result.append((variant, code))
                if "’" in variant:  # "Côte d’Ivoire" is typed with either apostrophe
                    result.append((variant.replace("’", "'"), code))
                if "&" in variant:
                    result.append((variant.replace("&", "and" if language == "en" else "en"), code))
                if variant.startswith("St. "):
                    result.append(("Saint " + variant[4:], code))
    return result


@cache
def _gazetteer() -> Gazetteer[_Form]:
    return Gazetteer(_entries())


@cache
def country_edge_words() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last words of every country name and adjective, as written: a cheap
    test before a full look-up ("Sierra Leonean" ends in "Leonean", "UK" is both)."""
    names = [name for name, form in _entries() if form.code is not None]
    return frozenset(n.split()[0] for n in names), frozenset(n.split()[-1] for n in names)


@cache
def _entries() -> list[tuple[str, _Form]]:
    entries: list[tuple[str, _Form]] = []
    code: str | None
    for language in LANGUAGES:
        for name, code in _cldr_names(language):
            entries.append((name, _Form(code, _kind_of(name), language)))
            if language == "nl" and name[-1].isalpha() and name[-1] not in "aeiouyës":
                entries.append((name + "s", _Form(code, Kind.NAME, language)))  # "Ruslands"
    with resource_path("gazetteers", "countries.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code_field, en_names, nl_names, en_adjectives, nl_adjectives = line.rstrip("\n").split(
                "\t"
            )
            code = None if code_field == "-" else code_field
            for name in _split(en_names):
                entries.append((name, _Form(code, _kind_of(name), "en")))
            for name in _split(nl_names):
                entries.append((name, _Form(code, _kind_of(name), "nl")))
            for word in _split(en_adjectives):
                entries.append((word, _Form(code, Kind.ADJECTIVE, "en")))
            for word in _split(nl_adjectives):
                inflected = _inflect_dutch(word)
                entries.append((word, _Form(code, Kind.ADJECTIVE, "nl", inflected is not None)))
                if inflected:
                    entries.append((inflected, _Form(code, Kind.ADJECTIVE, "nl")))
    return entries


def _applies(form: _Form, language: str) -> bool:
    # Names are recognised in either language; nationality words only in their own, so that
    # English "Fins" or "Pools" never turns into Finland or Poland.
    return form.kind is not Kind.ADJECTIVE or language not in LANGUAGES or form.language == language


def _looks_like_a_persons_name(text: str, start: int, end: int) -> bool:
    """ "Jordan Peterson", "Michael Jordan": a capitalised word right after, or a capitalised
    word right before that does not open the sentence."""
    after = text[end : end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return True
    before = text[max(0, start - 40) : start]
    previous = re.search(r"(\w+) $", before)
    if previous and previous.group(1)[0].isupper():
        if previous.group(1) in first_names():
            return True
        ahead = before[: previous.start()]
        return not (ahead.strip() == "" or _SENTENCE_END.search(ahead))
    return False


@cache
def first_names() -> frozenset[str]:
    """The people recogniser's first-name list, when present ("Michael Jordan")."""
    path = resource_path("gazetteers", "first_names.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_language_name(text: str, start: int, end: int, form: _Form) -> bool:
    next_char = text[end : end + 2].strip()[:1]
    before = text[max(0, start - 20) : start]
    if form.language == "nl":
        # Attributively "het" takes the inflected form ("het Franse leger"), so an
        # uninflected adjective after "het" is the language ("in het Frans").
        return form.uninflected and bool(_DUTCH_LANGUAGE_ARTICLE.search(before))
    return not next_char.isalpha() and bool(_ENGLISH_LANGUAGE_LEAD.search(before))


def _keep(text: str, start: int, end: int, form: _Form) -> bool:
    surface = text[start:end]
    if form.kind is Kind.ABBREVIATION and in_shouted_line(text, start, end):
        return False
    if surface in _ALSO_FIRST_NAMES and _looks_like_a_persons_name(text, start, end):
        return False
    if surface == "Georgia" and _US_STATE_CONTEXT.search(text[max(0, start - 200) : end + 200]):
        return False
    return not (form.kind is Kind.ADJECTIVE and _is_language_name(text, start, end, form))


def find_countries(text: str, language: str) -> list[Mention]:
    """Every mention of a sovereign state in `text` (language "nl" or "en"), in text order."""
    # The organization recogniser reads a whole document's countries to tell whose government
    # it is about; the extractor then asks for the same list: the last document's is kept (one
    # tuple, replaced whole, so threads never see half of it).
    global _last_document
    if len(text) < _REMEMBERED_LENGTH:
        return _find_countries(text, language)
    last = _last_document
    if last is not None and last[0] == language and last[1] == text:
        return list(last[2])
    mentions = _find_countries(text, language)
    _last_document = (language, text, tuple(mentions))
    return mentions


_REMEMBERED_LENGTH = 400
_last_document: tuple[str, str, tuple[Mention, ...]] | None = None


def _find_countries(text: str, language: str) -> list[Mention]:
    candidates = []
    for start, end, forms in _gazetteer().candidates(text):
        usable = [f for f in forms if _applies(f, language)]
        if usable:
            candidates.append((start, end, usable[0]))
    mentions = []
    for start, end, form in leftmost_longest(candidates):
        if form.code is not None and _keep(text, start, end, form):
            reason = "nationality" if form.kind is Kind.ADJECTIVE else "country-name"
            mentions.append(
                Mention(EntityType.COUNTRY, form.code, text[start:end], start, end, reason=reason)
            )
    return mentions


_DISPLAY_OVERRIDES = {
    "en": {"CD": "DR Congo", "CG": "Congo-Brazzaville", "MM": "Myanmar", "PS": "Palestine"},
    "nl": {"MM": "Myanmar", "PS": "Palestina"},
}


def country_name(code: str, ui_language: str = "en") -> str:
    """The country's name in the UI language ("nl" or "en"; others fall back to English)."""
    language = ui_language if ui_language in LANGUAGES else "en"
    return _DISPLAY_OVERRIDES[language].get(code) or _territories(language).get(code, code)


# Time-zone cities that double as people's names or are not places anyone writes about.
_NOT_PLACE_NAMES = frozenset(
    {
        "Casey", "Davis", "Darwin", "Stanley", "Regina", "Sofia", "Santiago", "Lima", "Johnston",
        "Dawson", "Mawson", "Lindeman", "Hobart", "Adelaide", "Victoria", "Vostok", "Troll",
        "Palmer", "Rothera", "Syowa", "Nome", "Sitka", "Perth", "Boise", "Denver", "Phoenix",
        "Moncton", "Edmonton", "Macquarie", "Chatham", "Eucla", "Currie", "Melbourne", "Thule"
    }
)  # fmt: skip


@cache
def place_names() -> frozenset[str]:
    """Cities, regions and continents (Dutch and English): never countries, never people."""
    names: set[str] = set()
    with resource_path("gazetteers", "places.txt").open(encoding="utf-8") as lines:
        names.update(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    for zone in get_global("zone_territories"):
        parts = zone.split("/")
        if len(parts) == 2 and parts[0] not in ("Antarctica", "Etc"):
            names.add(parts[1].replace("_", " "))
    for language in LANGUAGES:
        locale = Locale(language)
        names.update(v["city"] for v in locale.time_zones.values() if "city" in v)
        names.update(
            n for c, n in _territories(language).items() if c in _NOT_SOVEREIGN - {"EU", "UN"}
        )
    countries = _gazetteer()
    return frozenset(
        n for n in names if n not in _NOT_PLACE_NAMES and "," not in n and n not in countries
    )


def is_place_name(name: str) -> bool:
    """Whether `name` ("Den Haag", "Sahel", "Europa") is a place that is not a sovereign state."""
    return name.strip() in place_names()


@cache
def country_names() -> dict[str, tuple[str, ...]]:
    """Every sovereign state's names (no adjectives, no "Ruslands"), by ISO code: the Dutch
    and English display names first, then CLDR's other forms, then the curated list's."""
    names: dict[str, list[str]] = {
        code: [country_name(code, "nl"), country_name(code, "en")] for code in sovereign_codes()
    }
    for language in LANGUAGES:
        for name, code in _cldr_names(language):
            names[code].append(name)
    for curated, extra in _curated_names():
        if curated in names:
            names[curated].extend(extra)
    return {code: tuple(dict.fromkeys(found)) for code, found in names.items()}


@cache
def country_blockers() -> tuple[str, ...]:
    """Region names that contain a country's name and are no country ("Latin America")."""
    return tuple(name for code, names in _curated_names() if code is None for name in names)


@cache
def country_label(code: str, language: str) -> str:
    """How a name says whose a body is: "UK", "US", "German" in English; "Britse", "Duitse" in
    Dutch ("UK Ministry of Justice", "Duitse ministerie van Defensie")."""
    fields = _country_rows().get(code)
    if fields is not None:
        if language == "nl":
            adjective = next(iter(_split(fields[4])), "")
            inflected = _inflect_dutch(adjective) if adjective else None
            if inflected:
                return inflected
        else:
            short = next(iter(_split(fields[1])), "")
            if short and _kind_of(short) is Kind.ABBREVIATION:
                return short.replace(".", "")
            if _split(fields[3]):
                return _split(fields[3])[0]
    return country_name(code, language)


@cache
def _country_rows() -> dict[str, list[str]]:
    """The first line of countries.tsv for each code, split into its five fields."""
    rows: dict[str, list[str]] = {}
    with resource_path("gazetteers", "countries.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(fields) == 5:
                rows.setdefault(fields[0], fields)
    return rows


@cache
def _curated_names() -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """(code or None for a blocker, the English and Dutch names) per line of countries.tsv."""
    rows: list[tuple[str | None, tuple[str, ...]]] = []
    with resource_path("gazetteers", "countries.tsv").open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code_field, en_names, nl_names, *_adjectives = line.rstrip("\n").split("\t")
            code = None if code_field == "-" else code_field
            rows.append((code, (*_split(en_names), *_split(nl_names))))
    return tuple(rows)
