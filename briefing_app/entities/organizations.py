"""Organizations mentioned in a text.

Known organizations come from the curated gazetteer `resources/gazetteers/organizations.tsv`
(Dutch and English names and acronyms; NAVO = NATO). On top of that:
- a minister's portfolio names the ministry ("minister Blok van Buitenlandse Zaken");
- patterns find organizations the gazetteer lacks: named bodies (capitalised words around a
  head word such as Agency, Fund, Stichting, ...centrum: "Federal Emergency Management
  Agency", "Office for Budget Responsibility", "Acme Widgets Ltd"), and acronyms a text
  defines in either order ("Nationaal Cyber Security Centrum (NCSC)", "EMFA (Eastern Marine
  Fisheries Authority)") count for the rest of the document;
- whose government: a ministry, department or national body of another country is its own
  organization, named for its country ("UK Ministry of Justice", "Franse ministerie van
  Defensie") and linked to it (Mention.country). A Dutch ministry only when the name is
  Dutch, says so, or the text is about the Dutch government.
Acronyms match only in their exact case, so "Is" and "Who" are no organizations.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from briefing_app.entities._gazetteer import (
    Gazetteer,
    at_word_boundaries,
    in_shouted_line,
    leftmost_longest,
    same_length_lower,
)
from briefing_app.entities.countries import (
    country_edge_words,
    country_label,
    find_countries,
    first_names,
    is_place_name,
)
from briefing_app.entities.model import EntityType, Mention
from briefing_app.folding import fold
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


@cache
def _aliases(searched: bool = False) -> list[tuple[str, _Alias]]:
    """Every name of every organization, with the blockers. `searched`: only the names the
    text is searched for; a UK department's name with a head word ("Department for
    Education") is left to the named-body rule, which knows whose department it is ("the US
    Department of Health" is not the UK's "Department of Health")."""
    records, blockers = _records()
    result: list[tuple[str, _Alias]] = []
    for record in records:
        for language, names in (("nl", (record.canonical, *record.dutch)), ("en", record.english)):
            for name in names:
                if searched and record.type in _FOREIGN_TYPES and _government_named(name):
                    continue
                result.extend((v, _Alias(record.canonical, v, language)) for v in _variants(name))
    for names in blockers:
        result.extend((name, _Alias(None, name, "")) for name in names)
    return result


# Gazetteer types of other governments' departments, and their country.
_FOREIGN_TYPES = {"uk_ministry": "GB", "us_department": "US"}


def _government_named(name: str) -> bool:
    return name.split(" ", 1)[0] in _GOVERNMENT_HEADS or name.startswith(("UK ", "US "))


def _foreign_country(key: str | None) -> str | None:
    """The country of another government's department the gazetteer knows, else None."""
    return _FOREIGN_TYPES.get(organization_type(key) or "") if key is not None else None


@cache
def _gazetteers() -> tuple[Gazetteer[_Alias], Gazetteer[_Alias]]:
    """(acronyms in exact case, other names case-insensitively)."""
    aliases = _aliases(searched=True)
    acronyms = Gazetteer([(n, a) for n, a in aliases if is_acronym(n)])
    # The head words of named bodies ride along in the names' automaton: one pass over the
    # text finds both (a pass of its own cost as much as the rest of the named-body rules).
    heads = [(w, _Alias(None, w, "head")) for w in _EN_HEADS | _GOVERNMENT_HEADS | _NL_HEAD_WORDS]
    heads += [(e, _Alias(None, e, "ending")) for e in _NL_HEADS]
    heads += [(f, _Alias(None, f, "company")) for f in _COMPANY_FORMS]
    heads.append(("Bundesminister", _Alias(None, "Bundesminister", "bundes")))
    names = Gazetteer([(n, a) for n, a in aliases if not is_acronym(n)] + heads, lowercase=True)
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


@cache
def portfolio_translations() -> dict[str, dict[str, str]]:
    """Per language a portfolio is written in: its folded form -> the portfolio in the other
    language ("nl": {"defensie": "Defence"}, "en": {"defence": "Defensie", ...})."""
    pairs: list[tuple[str, list[str]]] = []
    path = resource_path("gazetteers", "portfolio_names.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            written_dutch, written_english = line.split("\t")
            pairs.append((written_dutch, written_english.split("|")))
    for record in _records()[0]:  # the Dutch ministries' own portfolios
        dutch_names = [n[len("Ministerie van ") :] for n in record.dutch if n.startswith("Minis")]
        english_names = [n[len("Ministry of ") :] for n in record.english if n.startswith("Minis")]
        if record.type == "ministry" and dutch_names and english_names:
            pairs.append((dutch_names[0], english_names[:1]))
    table: dict[str, dict[str, str]] = {"nl": {}, "en": {}}
    for dutch, english in pairs:
        table["nl"].setdefault(fold(dutch), english[0])
        for name in english:
            table["en"].setdefault(fold(name), dutch)
    return table


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


_DUTCH_LEADS = re.compile(r"[Mm]inister|[Ss]taatssecretaris|[Dd]epartement|[Bb]ewindspersoon")


def _ministry_candidates(
    text: str, language: str, haystack: str, government: _Government, countries: dict[str, str]
) -> list[_Candidate]:
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
        # Dutch words ("minister", "ministerie") name a Dutch ministry unless a country
        # qualifies them ("de Franse minister van Defensie"); English ones follow the text.
        dutch_name = bool(_DUTCH_LEADS.fullmatch(lead.group(0).split()[0]))
        portfolio = re.sub(r"^the ", "", text[start:end])
        if lead.group("ministry"):
            found = government.resolve(
                lead.start(), end, ministries[0], text[lead.start() : end], dutch_name, countries
            )
            candidates.append(found)
            continue
        # An official: the ministry is named after the portfolio.
        if language == "nl" and not dutch_name:
            # "de Britse Secretary of State for Justice": as a Dutch text names that ministry
            # ("Britse ministerie van Justitie"), where the portfolio is known in Dutch
            portfolio = portfolio_translations()["en"].get(fold(portfolio), portfolio)
        base = ("ministerie van " if language == "nl" else "Ministry of ") + portfolio
        first, last, key = government.resolve(
            lead.start(), end, ministries[0], base, dutch_name, countries
        )
        if key in countries:
            candidates.append((first, last, key))
            countries.setdefault("\t" + key, portfolio)  # see _officials_to_departments
        else:
            candidates.append((start, end, ministries[0]))
    return candidates


def _officials_to_departments(candidates: list[_Candidate], countries: dict[str, str]) -> None:
    """ "Secretary of State for Health" in a text that names the "Department of Health and
    Social Care": the official's body is that department, not a "Ministry of Health"."""
    for official in [k[1:] for k in countries if k.startswith("\t")]:
        portfolio = countries.pop("\t" + official)
        bodies = [
            key
            for key, code in countries.items()
            if key != official and code == countries[official] and portfolio in key
        ]
        if bodies:
            body = min(bodies, key=len)
            candidates[:] = [(s, e, body if k == official else k) for s, e, k in candidates]


# --- named bodies ------------------------------------------------------------------------------

# A capitalised word followed by one of these words names a body ("Federal Emergency
# Management Agency", "Office for Budget Responsibility"). English head words end the name or
# take an of/for complement; used as a modifier ("Council Tax", "Bank Holiday") they name
# nothing.
_EN_HEADS = frozenset(
    {
        "Agency", "Service", "Office", "Department", "Ministry", "Commission",
        "Council", "Committee", "Forum", "Coalition", "Alliance", "Partnership", "Fund",
        "Foundation", "Trust", "Centre", "Center", "Institute", "Institution", "Bank", "Board",
        "Authority", "Association", "Organisation", "Organization", "Federation", "Union",
        "Group", "Taskforce", "Panel", "Tribunal", "Inspectorate", "Bureau",
        "Secretariat", "Society", "Corporation", "Company", "Consortium", "Confederation",
        "Academy", "University", "Directorate", "Police", "Parliament", "Assembly",
        "Ombudsman", "Regulator", "Registry", "Observatory", "Laboratory", "College", "Branch",
        "Force", "Chamber", "School",
    }
)  # fmt: skip
# Head words that name a body only with a complement ("London School of Economics"); with a
# modifier alone they name a kind ("Primary School", "Sunday School").
_COMPLEMENT_HEADS = frozenset({"School"})
# Company forms end a company's name ("Acme Widgets Ltd", "Veldhuis Bouw B.V.").
_COMPANY_FORM = re.compile(
    r"(?<=[\w.] )(?:B\.V\.|N\.V\.|S\.A\.|Ltd\b\.?|Inc\b\.?|PLC\b|plc\b|LLP\b|LLC\b|GmbH\b"
    r"|Limited\b|S\.p\.A\b\.?|S\.r\.l\b\.?)"
)
# Dutch head words, alone ("Stichting Vluchtelingenhulp", "Raad voor de Leefomgeving") or
# ending a compound ("Waarborgfonds", "Kenniscentrum", "Onderzoeksraad").
_NL_HEADS = (
    "dienst", "raad", "commissie", "comité", "forum", "coalitie", "alliantie", "fonds",
    "stichting", "centrum", "instituut", "bank", "bureau", "autoriteit", "agentschap",
    "inspectie", "vereniging", "federatie", "unie", "bond", "organisatie", "college", "platform",
    "netwerk", "overleg", "academie", "genootschap", "partnerschap", "maatschappij",
    "ministerie", "departement", "bedrijf", "collectief", "gerechtshof", "gerecht", "consortium",
)  # fmt: skip
_NL_HEAD_WORDS = frozenset(h.capitalize() for h in _NL_HEADS) | {"Comité"}
_GOVERNMENT_HEADS = frozenset({"Ministry", "Department", "Ministerie", "Departement"})
_GOVERNMENT_ADJECTIVES = frozenset({"Federal", "Federale", "State", "Royal", "Imperial"})
_TOKEN = re.compile(r"[\w'’&-]+(?:\.(?:[A-Za-z]\.)+[A-Z]?)?|[^\w\s]")  # "U.S.", "S.p.A" whole
_GLUED = re.compile(r"[a-zà-ÿ]{3}[A-Z][a-z]")
_DESCRIBING_SUFFIX = re.compile(
    r"-(?:led|based|funded|owned|backed|run|wide|related|style)$", re.IGNORECASE
)
# Dutch titles, also in compounds ("Hoofddirecteur", "Loco-burgemeester"): a person's, not
# part of the body's name after them.
_DUTCH_TITLES = ("directeur", "voorzitter", "secretaris", "minister", "commissaris", "burgemeester")
_JOINERS = frozenset({"and", "en", "&", "und"})
_MAX_RUN = 6
# Dutch words for laws and rules: "Besluit Onderzoeksraad voor Veiligheid" is no body.
_LAW_WORDS = (
    "wet", "besluit", "regeling", "beschikking", "circulaire", "werkwijze", "reglement",
    "verordening",
)  # fmt: skip


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that open a sentence or a reference rather than a name: dropped from a name's start.
_LEADING_JUNK = _word_set(
    """the a an this that these those each every any all our its their his her such some both
    your my no other another new de het een deze die dit elke ieder iedere onze ons zijn haar hun
    alle andere in at on for by with from to of and as if when while where after before during
    under over via per bij door met voor van naar volgens namens tijdens na op uit om en ook
    annex appendix section chapter part table figure schedule article paragraph page step phase
    bijlage hoofdstuk artikel paragraaf tabel figuur onderdeel lid see zie minister ministers
    secretary chair chairman chairwoman director president chief head mr mrs ms dr lord lady
    sir member members dear welcome how what why who which we they it he she i you our
    staatssecretaris voorzitter directeur directeur-generaal directoraat-generaal directie
    geacht geachte indien als wanneer nadat omdat zodra hoewel"""
)
# Words that alone with a head word make a kind of body, not a body ("Steering Committee",
# "Central Bank", "Raad van Bestuur").
_GENERIC_WORDS = _word_set(
    """select steering executive audit working advisory supervisory management local parish
    county district city town borough regional municipal customer client main general central
    relevant appropriate competent responsible independent joint standing special same
    following above said national federal state public private civil social international
    european global world new sub programme project review expert technical scientific
    bestuur toezicht commissarissen directors trustees governors lokale landelijke nationale
    regionale gemeentelijke centrale algemene bijzondere vaste permanente tijdelijke
    georganiseerd combined internationale internationaal europese europees"""
)
_CONNECTOR_WORDS = frozenset(
    {"of", "for", "on", "to", "and", "&", "the", "van", "voor", "op", "ter", "tot", "en", "de",
     "het", "der", "den", "für", "des", "und", "zur", "zum", "in"}
)  # fmt: skip
_COMPLEMENT_LEADS = frozenset(
    {"of", "for", "on", "van", "voor", "op", "ter", "tot", "für", "des", "der", "zur"}
)
_ARTICLES = frozenset({"the", "de", "het", "der", "den"})
# A complement that is a date names no body: "Committee on Monday", "Parliament on 5 May".
_DATE_WORDS = _word_set(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December"""
)
_POSSESSIVE_DETERMINERS = _word_set("our their its your his her my onze hun haar zijn uw mijn")


def _is_capital(token: str) -> bool:
    if token[:3] in ("'s-", "’s-") and token[3:4].isupper():
        return True  # a Dutch place: "’s-Hertogenbosch", "'s-Gravenhage"
    if not (token[0].isupper() or (token[0].isdigit() and any(c.isalpha() for c in token))):
        return False
    # "WethoudersGeacht" (words glued together), "UK-led": no word of a name
    return not (_GLUED.search(token) or _DESCRIBING_SUFFIX.search(token))


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _is_head(word: str, language: str) -> bool:
    if word in _EN_HEADS or word in _GOVERNMENT_HEADS or word.startswith("Bundesminister"):
        return True
    if language != "nl":
        return False
    return word in _NL_HEAD_WORDS or (len(word) > 6 and word.lower().endswith(_NL_HEADS))


def _named_body(text: str, head_start: int, head_end: int, language: str) -> tuple[int, int] | None:
    """The name around a head word as (start, end), or None."""
    line_start = max(text.rfind("\n", 0, head_start) + 1, head_start - 80)
    line_end = text.find("\n", head_end, head_end + 100)
    line_end = line_end if line_end >= 0 else min(len(text), head_end + 100)
    tokens = [
        (m.start() + line_start, m.group()) for m in _TOKEN.finditer(text[line_start:line_end])
    ]
    h = next((k for k, (at, _) in enumerate(tokens) if at == head_start), None)
    if h is None:
        return None
    head = tokens[h][1]
    company = _COMPANY_FORM.match(text, head_start) is not None
    dutch_head = language == "nl" and not company
    first = _left_end(text, tokens, h, language)
    # Right: an of/for complement ("Office for Budget Responsibility"); in Dutch also a name
    # in apposition ("Stichting Vluchtelingenhulp", "Kenniscentrum Digitale Weerbaarheid").
    last = h
    if not company and head[-2:] not in ("'s", "’s"):
        k = h + 1
        if k < len(tokens) and (
            tokens[k][1] in _COMPLEMENT_LEADS or (dutch_head and tokens[k][1] == "te")
        ):
            k += 1  # "te": where a Dutch body sits ("Gerechtshof te Arnhem")
            if k < len(tokens) and tokens[k][1] in _ARTICLES:
                k += 1
            if k < len(tokens) and tokens[k][1] not in _DATE_WORDS:
                last = _run_end(tokens, k, h, language)  # not "Committee on Monday"
            # "Association of Directors of Children's Services": a generic complement takes a
            # second one ("Directors" alone says whose association only with what follows).
            if (
                last > h
                and last + 2 < len(tokens)
                and tokens[last + 1][1] in ("of", "van")
                and _is_capital(tokens[last + 2][1])
                and all(w.lower() in _GENERIC_WORDS for _, w in tokens[h + 2 : last + 1])
            ):
                last = _run_end(tokens, last + 2, h, language)
        elif k < len(tokens) and _is_capital(tokens[k][1]):
            if not dutch_head:
                return None  # a head word used as a modifier: "Council Tax", "Bank Holiday"
            last = _run_end(tokens, k, h, language)
    while first < h and (len(tokens[first][1]) == 1 or tokens[first][1].isdigit()):
        first += 1  # "Annex B Committee"
    if first > 0 and tokens[first - 1][1].lower() in _POSSESSIVE_DETERMINERS:
        return None  # "our Partnership for Results", "hun Raad": a relation, not a name
    if first == h and last == h:
        return None  # "Council", "the Department", "Belastingdienst": the gazetteer's part
    if head in _COMPLEMENT_HEADS and last == h:
        return None
    words = [w for k, (_, w) in enumerate(tokens[first : last + 1], start=first) if k != h]
    content = [w.lower() for w in words if w not in _CONNECTOR_WORDS and w != ","]
    if all(w in _GENERIC_WORDS or len(w) == 1 for w in content):
        return None  # "Steering Committee", "Central Bank", "Raad van Bestuur"
    if company and len(content) == 1 and len(content[0]) <= 3:
        return None  # "UK LLP"
    start = tokens[first][0]
    end = tokens[last][0] + len(_without_glued_acronym(_strip_possessive(tokens[last][1])))
    return start, end


def _without_glued_acronym(word: str) -> str:
    """ "Informatica-CWI-" -> "Informatica": an acronym (or a hyphen) glued to a name's last
    word is no part of it."""
    stem, hyphen, rest = word.partition("-")
    if hyphen and stem and (not rest.strip("-") or rest.strip("-").isupper()):
        return stem
    return word


def _left_end(text: str, tokens: list[tuple[int, str]], h: int, language: str) -> int:
    """Index of the first token of the capitalised words before the head word tokens[h],
    joined by "&" and "and"/"en" ("Animal Health and Veterinary Laboratories Agency")."""
    first = h
    government = tokens[h][1] in _GOVERNMENT_HEADS
    company = _COMPANY_FORM.match(text, tokens[h][0]) is not None
    k = h - 1
    while k >= 0:
        word = tokens[k][1]
        if word in ("for", "of") and first == k + 1 and _one_word_before(tokens, k, language):
            first = k - 1  # "Food for Life Partnership": one word, "for", the name
            break
        if word in _JOINERS and word != "&":
            if k == 0 or company or not _joins(text, tokens, k - 1, language):
                break  # "Northern Rock and Bradford & Bingley plc": two companies
        elif word.lower() in _LEADING_JUNK:
            break
        elif word.endswith(("'s", "’s", "s'", "s’")) and (
            not _is_capital(word) or not _PLURAL_POSSESSIVE.fullmatch(word)
        ):
            break  # "Britain's Office", "Katy Bourne’s Commission": whose it is, not its name
        elif language == "nl" and word.lower().endswith(_LAW_WORDS + _DUTCH_TITLES):
            break  # "Besluit Onderzoeksraad" (a law), "Hoofddirecteur Dienst ..." (a person)
        elif government and not (find_countries(word, language) or word in _GOVERNMENT_ADJECTIVES):
            break  # "Mandaatregeling SG Ministerie van ...": only whose ministry it is
        elif not (_is_capital(word) or word in ("&", "-")):
            break
        first = k
        k -= 1
    left = [w for _, w in tokens[first:h]]
    if left and first > 0 and tokens[first - 1][1] in _COMPLEMENT_LEADS:
        # "Ministry of Defence and Home Office", "minister voor Wonen en Rijksdienst": the
        # words before "and" end another name.
        cut = max((i for i, w in enumerate(left) if w in _JOINERS), default=-1)
        first += cut + 1
    while first < h and tokens[first][1] in _JOINERS:
        first += 1
    return first


def _one_word_before(tokens: list[tuple[int, str]], k: int, language: str) -> bool:
    """Whether tokens[k] ("for", "of") has exactly one capitalised word before it that may
    open a name: "Food for Life Partnership", not "Secretary of State for ..."."""
    if k == 0:
        return False
    word = tokens[k - 1][1]
    if not word[0].isupper() or word.lower() in _LEADING_JUNK or _is_head(word, language):
        return False  # "Secretary of ...", "£28m of ..."
    before = tokens[k - 2][1] if k > 1 else ""
    return not before or not _is_capital(before) or before.lower() in _LEADING_JUNK


def _joins(text: str, tokens: list[tuple[int, str]], k: int, language: str) -> bool:
    """Whether the capitalised words ending at tokens[k] may be joined by "and" to what
    follows: not when they end another name ("Red Cross and ...", "HMRC and ...")."""
    word = tokens[k][1]
    if not _is_capital(word) or _is_head(word, language) or _is_acronym_word(word):
        return False
    if _COMPANY_FORM.match(text, tokens[k][0]) or find_countries(word, language):
        return False
    run = [word]
    for _, before in reversed(tokens[max(0, k - 4) : k]):
        if not _is_capital(before):
            break
        run.insert(0, before)
    return not any(resolve_organization(" ".join(run[i:])) for i in range(len(run)))


def _is_acronym_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _run_end(tokens: list[tuple[int, str]], k: int, h: int, language: str) -> int:
    """Index of the last token of the capitalised run starting at tokens[k] (h if none).
    "and", "en" and commas join words ("Environment, Food and Rural Affairs") unless what
    follows is another name (a head word or an acronym: "Transport and Innovate UK")."""
    last = h
    taken = 0
    while k < len(tokens) and taken < _MAX_RUN:
        word = tokens[k][1]
        if not _is_capital(word) or word.lower() in _LEADING_JUNK:
            break
        if _is_head(word, language) and last != h:
            break
        last, taken = k, taken + 1
        if word[-2:] in ("'s", "’s") and not (
            # "Association of Directors of Children’s Services": a plural's possessive
            _PLURAL_POSSESSIVE.fullmatch(word)
            and k + 1 < len(tokens)
            and _is_capital(tokens[k + 1][1])
        ):
            break
        k += 1
        if (
            k + 1 < len(tokens)
            and tokens[k][1] in ("of", "van")
            and tokens[k + 1][1] in country_edge_words()[0]
        ):
            k += 1  # "Institute of Chartered Accountants of England & Wales": where it is
            continue
        if k < len(tokens) and tokens[k][1] in (*_JOINERS, ","):
            segment = []
            for _, after in tokens[k + 1 : k + 6]:
                if not _is_capital(after):
                    break
                segment.append(after)
            if not segment or any(_is_head(w, language) or _is_acronym_word(w) for w in segment):
                break
            if resolve_organization(segment[0]) or resolve_organization(" ".join(segment)):
                break  # "... for Transport and Defra": another body the gazetteer knows
            # "Environment, Food and Rural Affairs": a comma only inside a list that "and"
            # closes ("Ministerie van Financiën, Korte Voorhout 7" is an address).
            after_segment = k + 1 + len(segment)
            if tokens[k][1] == "," and (
                after_segment >= len(tokens) or tokens[after_segment][1] not in (*_JOINERS, ",")
            ):
                break
            k += 1
    return last


_COMPANY_FORMS = (
    "B.V.", "N.V.", "S.A.", "Limited", "GmbH", "Ltd", "Inc", "PLC", "plc", "LLP", "LLC",
    "S.p.A", "S.r.l",
)  # fmt: skip
# "Women’s Engineering Society", "National Police Chiefs’ Council": a plural's possessive
# belongs to the name.
_PLURAL_POSSESSIVE = re.compile(r"\w+(?:s['’]|(?:en|People)['’]s)")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")  # "the Nuclear Industry Association’s campaign"
_HEAD_KINDS = frozenset({"head", "ending", "company", "bundes"})


def _head_start(text: str, start: int, end: int, kind: str, language: str) -> int | None:
    """Where the head word of a named body found at text[start:end] starts, or None."""
    if kind == "company":
        return start if _COMPANY_FORM.match(text, start) else None
    if start > 0 and text[start - 1].isalnum():
        if kind != "ending" or language != "nl":
            return None
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            start -= 1  # "Waarborgfonds", "Kenniscentrum": the compound's start
    elif kind == "ending":
        return None  # the ending alone ("fonds") is no name
    glued = end < len(text) and (text[end].isalnum() or text[end] in "-’'")
    if kind != "bundes" and glued and not _POSSESSIVE.match(text, end):
        return None  # "Agencies", "Raadgever": part of a longer word
    if not text[start].isupper():
        return None
    if kind == "head" and text[start:end] in _NL_HEAD_WORDS - _EN_HEADS and language != "nl":
        return None
    return start


def _named_body_candidates(text: str, heads: list[int], language: str) -> list[tuple[int, int]]:
    """Every named body in `text` around the head words starting at `heads`."""
    found = (_named_body(text, start, start + 1, language) for start in heads)
    return list(dict.fromkeys(name for name in found if name is not None))


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
    "panel", "taskforce", "trust", "society", "partnership", "institution", "inspectorate",
    "directorate", "consortium", "academy", "bureau", "stichting", "alliantie", "forum",
    "chamber", "school", "exchange",
)  # fmt: skip
_DEFINITION = re.compile(r"\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_CONNECTORS = {"van", "voor", "de", "der", "het", "en", "op", "of", "for", "and", "the", "on", "in"}


def _defined_name(before: str, acronym: str) -> str | None:
    """The capitalised name right before "(ACRONYM)" whose letters spell the acronym."""
    words = before.split()
    run: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in ("het", "de", "the") and k > 0 and words[k - 1] in ("en", "and", "or"):
            break  # "... en het Department of Homeland Security (DHS)": a second name
        if word[0].isupper() or word in _CONNECTORS or word.endswith("-"):
            run.insert(0, word)
        else:
            break
    for start in range(len(run)):  # the longest run that spells the acronym wins
        if run[start][0].upper() != acronym[0].upper() or run[start].lower() in _CONNECTORS:
            continue  # not from an article: "Het Department ... en het Department of H.. (HHS)"
        name = " ".join(run[start:])
        letters = iter(name.lower())
        if all(c in letters for c in acronym.lower()):
            return name
    return None


# "EMFA (Eastern Marine Fisheries Authority)": the acronym first, its name in brackets.
_REVERSE_DEFINITION = re.compile(
    r"(?<![\w&-])(?P<acronym>[A-Z][A-Za-z&]{1,9})[ \xa0]*\((?P<name>[A-ZÀ-ÖØ-Þ][^()\n]{3,120})\)"
)


def _reverse_definitions(text: str) -> Iterator[re.Match[str]]:
    """ "ACR (Name)" matches, looked for only at the brackets (a scan of every position for
    an acronym cost more than the brackets are common)."""
    at = text.find("(")
    while at >= 0:
        match = _REVERSE_DEFINITION.search(text, max(0, at - 12), at + 125)
        if match is not None and not text[match.end("acronym") : at].strip():
            yield match
        at = text.find("(", at + 1)


def _spelled_in_lower_case(before: str, acronym: str) -> bool:
    """Whether the lower-case words right before "(ACRONYM)" spell it by their initials
    ("samenwerkende centrales van overheidspersoneel (SCO)"), connectors skipped."""
    words = [w for w in before.split()[-2 * len(acronym) :] if w.lower() not in _CONNECTORS]
    initials = "".join(w[0] for w in words[-len(acronym) :]).lower()
    return (
        len(words) >= len(acronym)
        and initials == acronym.lower()
        and all(w[0].islower() for w in words[-len(acronym) :])
    )


def _organization_key(name: str, acronym: str) -> str | None:
    """The key of a name an acronym is defined for, if it names an organization at all."""
    if name.split()[0].lower().endswith(_LAW_WORDS):
        return None  # "Reglement Dienst Buitenlandse Zaken (RDBZ)": a rule, not the service
    key = resolve_organization(name) or resolve_organization(acronym)
    if key is None and any(w.lower().endswith(_ORGANIZATION_HEADS) for w in name.split()):
        key = name
    return key


def _definition_candidates(text: str) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    defined: dict[str, str | None] = {}  # None: a meaning of the text's own, no body
    for match in _DEFINITION.finditer(text):
        acronym = match.group("acronym")
        if sum(1 for c in acronym if c.isupper()) < 2:
            continue
        # The name stands on the line of its acronym: "The Aviation Management Board" heading
        # the paragraph above is no part of "The Aviation Management Board (AMB)".
        before = text[max(0, match.start() - 120) : match.start()].rstrip()
        before = before[before.rfind("\n") + 1 :]
        written = _defined_name(before, acronym)
        name = None if written is None else _strip_possessive(written)
        key = None if name is None else _organization_key(name, acronym)
        if written is None and _spelled_in_lower_case(before, acronym):
            # "samenwerkende centrales van overheidspersoneel (SCO)": in this text the
            # acronym means that, not the gazetteer's body of the same letters
            defined.setdefault(acronym, None)
        if written is None or name is None or key is None:
            continue
        name_start = (
            match.start()
            - (len(text[: match.start()]) - len(text[: match.start()].rstrip()))
            - len(written)
        )
        candidates.append((name_start, name_start + len(name), key))
        defined.setdefault(acronym, key)
    for match in _reverse_definitions(text):
        acronym, inside = match.group("acronym"), match.group("name").strip()
        if sum(1 for c in acronym if c.isupper()) < 2 or acronym in defined:
            continue
        if _defined_name(inside, acronym) != inside:
            continue  # the brackets hold no name spelling the acronym ("WOO (Wet open overheid)")
        key = _organization_key(inside, acronym)
        if key is None:
            continue
        name_start = match.start("name")
        candidates.append((name_start, name_start + len(inside), key))
        defined[acronym] = key
    for acronym, key in defined.items():
        for use in re.finditer(r"\b" + re.escape(acronym) + r"\b", text):
            if not in_shouted_line(text, use.start(), use.end()):
                candidates.append((use.start(), use.end(), key))
    return candidates


# --- whose government --------------------------------------------------------------------------

# Gazetteer types of the Dutch state's own bodies: their generic English names ("Ministry of
# Defence", "House of Representatives") mean another country's body in another country's text.
_NATIONAL_TYPES = frozenset({"ministry", "parliament", "government", "agency"})
# Words only one government's texts use (currency, institutions, style), counted with the
# country's own mentions to tell whose government an English text is about.
_GOVERNMENT_MARKERS = {
    "GB": (
        "£", "HM ", "Majesty", "Whitehall", "Westminster", "House of Commons", "House of Lords",
        "GOV.UK", "NHS", "Secretary of State", "Home Office", "Cabinet Office", " MPs",
    ),
    "US": ("Congress", "White House", "U.S.", "federal ", "Senator"),
    "NL": ("The Hague", "Den Haag", "Government.nl", "Rijksoverheid", "Dutch government"),
}  # fmt: skip


def _document_government(text: str, language: str) -> str:
    """Whose government a text is about: "NL" for Dutch texts and English texts that say
    little, else the country named (and marked) clearly more often than the Netherlands."""
    if language == "nl":
        return "NL"
    votes: dict[str, int] = {}
    for mention in find_countries(text, "en"):
        votes[mention.key] = votes.get(mention.key, 0) + 1
    marked: set[str] = set()
    for code, markers in _GOVERNMENT_MARKERS.items():
        found = sum(text.count(marker) for marker in markers)  # str.count: no regex pass
        if found:
            marked.add(code)
            votes[code] = votes.get(code, 0) + 2 * found
    dutch = votes.pop("NL", 0)
    if not votes:
        return "NL"
    code, count = max(votes.items(), key=lambda item: item[1])
    # A text about another country names it often; one whose government it is also uses that
    # government's own words (£, HM, Congress).
    return code if count > 2 * dutch or (code in marked and count > dutch) else "NL"


# A capitalised word (or "U.S.") right before a name, perhaps with "'s" and an article.
_BEFORE_QUALIFIER = re.compile(
    r"(?P<word>[A-ZÀ-ÖØ-Þ][\w.-]*?)(?:['’]s)?[ \xa0]+(?:(?:de|het|the)[ \xa0]+)?$"
)


def _qualifier(text: str, start: int, language: str) -> tuple[int, str] | None:
    """The country named right before `start` ("UK", "Ukraine's", "de Franse"): (its start,
    its code), or None."""
    window_start = max(0, start - 40)
    before = text[window_start:start]
    word = _BEFORE_QUALIFIER.search(before)
    if word is None or word.group("word") not in country_edge_words()[1]:
        return None  # cheap tests first: most ministries follow "de", "the" or a verb
    found = None
    for mention in find_countries(before, language):
        gap = before[mention.end :]
        if re.fullmatch(r"(?:['’]s)?[ \xa0]+(?:(?:de|het|the)[ \xa0]+)?", gap):
            found = (window_start + mention.start, mention.key)
    return found


def _country_at_start(name: str, language: str) -> tuple[int, str] | None:
    """A country word opening a name ("UK Ministry of Justice"): (where the rest starts, code)."""
    first = name.split(" ", 1)[0]
    if first not in country_edge_words()[0]:
        return None
    for mention in find_countries(name[:30], language):
        if mention.start == 0 and name[mention.end : mention.end + 1] == " ":
            return mention.end + 1, mention.key
        break
    return None


@dataclass
class _Government:
    """The government pass over one text: candidates that may be another country's body."""

    text: str
    language: str
    _home: str | None = None

    @property
    def home(self) -> str:
        if self._home is None:
            self._home = _document_government(self.text, self.language)
        return self._home

    def foreign(self, start: int, end: int, key: str, countries: dict[str, str]) -> _Candidate:
        """Another government's department the gazetteer knows by a name without head word
        or an acronym ("Home Office", "Defra", "HHS"): that country's, unless the text names
        another country right before it (then the named-body rule names it)."""
        own = _foreign_country(key) or ""
        qualifier = _qualifier(self.text, start, self.language)
        if qualifier is not None and qualifier[1] != own:
            return start, end, None
        countries[key] = own
        return (qualifier[0] if qualifier else start), end, key

    def resolve(
        self, start: int, end: int, key: str, base: str, dutch_name: bool, countries: dict[str, str]
    ) -> _Candidate:
        """`key` found at text[start:end]; `base` is the body's name without a country
        ("Ministry of Justice", "ministerie van Defensie")."""
        qualifier = _qualifier(self.text, start, self.language)
        inside = _country_at_start(self.text[start:end], self.language)
        if qualifier is None and inside is None and dutch_name and not base.startswith("Bundes"):
            return start, end, key  # the common case: a Dutch name of a Dutch ministry
        if inside is not None:
            qualifier = (start, inside[1])
            base = self.text[start + inside[0] : end]
        # A name broken over two lines is the same name ("ministerie\nvan Defensie").
        base = " ".join(base.split())
        known = resolve_organization(base)
        if known is not None and _foreign_country(known) is not None:
            key = known  # "Department for Education", also found by its portfolio
        own = _foreign_country(key)
        if own is not None and (
            qualifier[1] == own if qualifier is not None else self.home in ("NL", own)
        ):
            # "the Department for Education", "het Britse Department for Education": the UK's
            # one department, whoever writes about it; "the Department of Education" in a
            # text about Ireland is Ireland's
            countries[key] = own
            return (qualifier[0] if qualifier is not None else start), end, key
        if qualifier is not None:
            code = qualifier[1]
        elif dutch_name or base.startswith("Bundes"):
            code = "DE" if base.startswith("Bundes") else "NL"
        else:
            code = self.home
        if code == "NL" and (
            re.match(r"(?:the )?[Dd]epartment\b", base)
            or (
                self.language == "nl"
                and qualifier is None
                and re.match(r"(?:the )?Ministry\b", base) is not None
            )
        ):
            # The Dutch government has ministries, never an English "Department of Health",
            # and a Dutch text names them in Dutch ("het Ministry of Justice" is another
            # country's): named without its country, such a body keeps its own name.
            name = " ".join(re.sub(r"^the ", "", base).split())
            return start, end, name[0].upper() + name[1:]
        if code == "NL":
            if inside is not None:  # "Dutch Ministry of ...": the adjective counts as a country
                start += inside[0]
            return start, end, resolve_organization(base) or key
        first = qualifier[0] if qualifier is not None else start
        if base.startswith("Bundes"):
            name = base
        else:
            base = re.sub(r"^(?:the|de|het) ", "", base)
            if self.language == "nl" and base.startswith("Ministry of "):
                # "het Britse Ministry of Defence": as the Dutch text's "Britse ministerie van
                # Defensie", where the portfolio is known in Dutch
                english = base[len("Ministry of ") :]
                dutch = portfolio_translations()["en"].get(fold(english))
                base = base if dutch is None else "ministerie van " + dutch
            name = f"{country_label(code, self.language)} {base}"
        countries[name] = code
        return first, end, name


def find_organizations(text: str, language: str) -> list[Mention]:
    """Every mention of an organization in `text` (language "nl" or "en"), in text order.

    Mention.key is the gazetteer's canonical name for known organizations, else the name as
    the pattern found it ("UK Ministry of Justice" for another country's ministry, whose
    code is Mention.country)."""
    acronyms, names = _gazetteers()
    haystack = same_length_lower(text)
    government = _Government(text, language)
    countries: dict[str, str] = {}
    candidates: list[_Candidate] = []
    for start, end, aliases in acronyms.candidates(text):
        usable = [a for a in aliases if _applies(a, language)]
        if usable and not (end - start <= 3 and in_shouted_line(text, start, end)):
            key = usable[0].key
            if _foreign_country(key) is not None and key is not None:
                candidates.append(government.foreign(start, end, key, countries))
            else:
                candidates.append((start, end, key))
    heads: list[int] = []
    appositions: list[int] = []
    for start, end, aliases in names.hits(haystack):
        if aliases[-1].language in _HEAD_KINDS:  # head entries come last
            after = text[end : end + 2]
            if language == "nl" and after[:1] == " " and after[1:].isupper():
                appositions.append(end + 1)  # perhaps "kennisinstituut Movisie"
            for alias in aliases:
                head = None
                if alias.language in _HEAD_KINDS:
                    head = _head_start(text, start, end, alias.language, language)
                if head is not None:
                    if not heads or heads[-1] != head:
                        heads.append(head)
                    break
            aliases = [a for a in aliases if a.language not in _HEAD_KINDS]
        if not aliases or not at_word_boundaries(text, start, end):
            continue
        usable = [a for a in aliases if _applies(a, language)]
        if usable and (text[start].isupper() or not usable[0].name[0].isupper()):
            alias, key = usable[0], usable[0].key
            record = _by_key().get(key) if key is not None else None
            if record is not None and record.type in _FOREIGN_TYPES:
                candidates.append(government.foreign(start, end, record.canonical, countries))
            elif record is not None and record.type in _NATIONAL_TYPES:
                # A Dutch body's own-language name is Dutch; its English generic one may not be.
                dutch_name = (
                    alias.language == "nl"
                    or alias.name in record.dutch
                    or re.search(r"Netherlands|Dutch|Nederland", alias.name) is not None
                )
                candidates.append(
                    government.resolve(
                        start, end, record.canonical, alias.name, dutch_name, countries
                    )
                )
            else:
                candidates.append((start, end, key))
    # Why each candidate was taken (Mention.reason); the gazetteers' are "gazetteer".
    reasons: dict[_Candidate, str] = {}
    for found, reason in (
        (_ministry_candidates(text, language, haystack, government, countries), "ministry"),
        (_parliament_candidates(text, language, government, countries), "parliament"),
        (_definition_candidates(text), "acronym-defined"),
        (_apposition_candidates(text, appositions), "apposition"),
        (_national_name_candidates(text), "named-body"),
        (_web_address_candidates(text), "web-address"),
        (_dutch_minister_candidates(text, language), "minister-portfolio"),
    ):
        for candidate in found:
            reasons.setdefault(candidate, reason)
        candidates += found
    for start, end, key in _accepted_named_bodies(text, heads, language):
        if key is not None and (
            any(w in _GOVERNMENT_HEADS for w in key.split()[:4])
            or any(w.startswith("Bundes") for w in key.split()[:3])  # "Duitse Bundes..."
        ):
            # Dutch words name a Dutch ministry; "Ministry of Defence" follows the text
            surface = text[start:end]
            dutch_name = surface.startswith(("Ministerie", "Departement")) or bool(
                (record := _by_key().get(key)) and surface in record.dutch
            )
            candidate = government.resolve(start, end, key, text[start:end], dutch_name, countries)
        else:
            candidate = (start, end, key)
        reasons.setdefault(candidate, "named-body")
        candidates.append(candidate)
    _officials_to_departments(candidates, countries)
    chosen = [
        (start, end, key)
        # On equal spans a blocker wins ("Amazon rainforest"), then the earlier recogniser.
        for start, end, key in leftmost_longest(sorted(candidates, key=lambda c: c[2] is not None))
        if key is not None and at_word_boundaries(text, start, end)
    ]
    longer = _longer_names({key for _, _, key in chosen})
    return [
        Mention(
            EntityType.ORGANIZATION,
            k,
            text[start:end],
            start,
            end,
            countries.get(k),
            reasons.get((start, end, key), "gazetteer"),
        )
        for start, end, key in chosen
        for k in (longer.get(key, key),)
    ]


def _longer_names(keys: set[str]) -> dict[str, str]:
    """A name found by a pattern that ends a longer name of the same text is that body:
    "Tuchtrecht Banken" (from its web address) beside "Stichting Tuchtrecht Banken", "Land
    Commission" after "the Greater Manchester Land Commission". Gazetteer names keep their
    own key ("Europese Unie" is no part of "Raad van de Europese Unie")."""
    if len(keys) < 2:
        return {}
    longer: dict[str, str] = {}
    for key in keys:
        if key in _by_key() or len(key) < 4:
            continue
        ends = [k for k in keys if k != key and k.endswith(" " + key)]
        if ends:
            longer[key] = max(ends, key=len)
    return longer


_PARLIAMENT = re.compile(r"\bParliament\b(?![-’'])")
_WORD_BEFORE = re.compile(r"(\S+)[ \xa0]+$")
_NAMED_PARLIAMENT = re.compile(r"(?:(?!(?:The|A|An|In|On)\b)[A-Z][\w.-]*[ \xa0]){1,3}Parliament$")


def _names_it(word: str) -> bool:
    """Whether the word before "Parliament" makes it part of a name ("Scottish"), not an
    article or the end of a sentence ("The", "Venezuela.")."""
    return word[:1].isupper() and word != "The" and not word.endswith((".", ":", ";", "!", "?"))


def _parliament_candidates(
    text: str, language: str, government: _Government, countries: dict[str, str]
) -> list[_Candidate]:
    """ "Parliament" alone in an English text is the parliament of the government the text is
    about ("UK Parliament" in a British text, the Staten-Generaal in one about the Dutch
    government), or the one parliament the text names in full ("the European Parliament
    adopted ... Parliament praises"). After another capitalised word it is part of a name of
    its own ("European Parliament", "Scottish Parliament"), which the other rules find."""
    if language != "en" or "Parliament" not in text:
        return []
    candidates: list[_Candidate] = []
    named: set[str] = set()  # the parliaments the text names in full
    for match in _PARLIAMENT.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        word = before.group(1) if before else ""
        if _names_it(word):
            full = _NAMED_PARLIAMENT.search(text, max(0, match.start() - 40), match.end())
            if full is not None:
                named.add(resolve_organization(full.group()) or full.group())
    for match in _PARLIAMENT.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        word = before.group(1) if before else ""
        if _names_it(word):
            continue  # "Scottish Parliament", "UK Parliament": a name of its own
        if in_shouted_line(text, match.start(), match.end()):
            continue
        if len(named) == 1:  # "the European Parliament adopted ... Parliament praises"
            candidates.append((match.start(), match.end(), next(iter(named))))
        elif government.home == "NL" and not _says_dutch(text):
            candidates.append((match.start(), match.end(), "Parliament"))  # whose is not said
        else:
            candidates.append(
                government.resolve(
                    match.start(), match.end(), "Staten-Generaal", "Parliament", False, countries
                )
            )
    return candidates


def _says_dutch(text: str) -> bool:
    """Whether an English text names the Netherlands or its government's own words."""
    return any(marker in text for marker in _GOVERNMENT_MARKERS["NL"]) or any(
        mention.key == "NL" for mention in find_countries(text, "en")
    )


def _ministry_by_portfolio(name: str) -> str | None:
    """ "Ministerie van BZK", "Ministry of Defence": a known ministry by its portfolio or
    acronym after "Ministerie van" / "Ministry of"."""
    for lead in ("Ministerie van ", "Ministry of "):
        if name.startswith(lead):
            portfolio = name[len(lead) :]
            key = resolve_organization(portfolio) or next(iter(_portfolios().get(portfolio)), None)
            return key if key is not None and organization_type(key) == "ministry" else None
    return None


def _accepted_named_bodies(text: str, heads: list[int], language: str) -> list[_Candidate]:
    """Named bodies. A name on a line of its own counts too: member lists and signature
    blocks put real names there, and a heading's junk ("Annex B Committee") fails the
    name rules anyway."""
    found = _named_body_candidates(text, heads, language)
    candidates: list[_Candidate] = []
    keys: dict[str, str] = {}  # "Benefits & Credits ..." and "Benefits and Credits ...": one
    for start, end in found:
        name = text[start:end]
        if name.lower() in text:
            continue  # also written in lower case: a kind of body ("support group")
        key = resolve_organization(name) or _ministry_by_portfolio(name) or " ".join(name.split())
        key = keys.setdefault(key.casefold().replace(" & ", " and "), key)
        candidates.append((start, end, key))
    # "the Land Commission" after "the Greater Manchester Land Commission": the same body.
    names = {key for _, _, key in candidates if key is not None}
    longer = {
        short: next(k for k in sorted(names, key=len, reverse=True) if k.endswith(" " + short))
        for short in names
        if any(k.endswith(" " + short) for k in names)
    }
    return [(start, end, longer.get(key, key) if key else key) for start, end, key in candidates]


_APPOSITION_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'&-]*(?:[ \xa0][A-ZÀ-ÖØ-Þ][\w’'&-]*){0,3}")


# A body named for the country it works in: "Zorgverzekeraars Nederland", "Public Health
# England", "Disability Rights UK", "Women in Nuclear UK".
_NATIONS = ("Nederland", "UK", "England", "Scotland", "Wales", "Ireland")
_NATIONAL_RUN = re.compile(
    r"(?:(?P<lead>[A-ZÀ-ÖØ-Þ][\w’'&-]*[ \xa0](?:in|of|for|voor|van)[ \xa0]))?"
    r"(?P<run>(?:[A-ZÀ-ÖØ-Þ][\w’'&-]*[ \xa0]){1,3})$"
)
# Words of laws, reports and plans: "Dreigingsbeeld Terrorisme Nederland" is no body.
_PUBLICATION_WORDS = (
    *_LAW_WORDS, "beeld", "rapport", "report", "survey", "review", "strategie", "strategy",
    "plan", "programma", "programme", "agenda", "monitor", "index", "act", "bill", "atlas",
)  # fmt: skip
_DIRECTIONS = _word_set(
    """North South East West Northern Southern Eastern Western Central Greater Upper Lower Mid
    Noord Zuid Oost Midden Rural Heel Groot All Across"""
)


def _national_name_candidates(text: str) -> list[_Candidate]:
    """Capitalised words right before a country's or UK nation's name, that name ending the
    body's ("Zorgverzekeraars Nederland"). Not a region ("Northern Ireland", "South Wales"),
    a person, a place, nor one everyday word ("The UK", "In Nederland", "Current UK")."""
    candidates: list[_Candidate] = []
    for nation in _NATIONS:
        at = text.find(nation)
        while at > 0:
            end = at + len(nation)
            found = (
                at > 1
                and text[at - 1] in " \xa0"
                and not (end < len(text) and (text[end].isalnum() or text[end] in "-’'"))
            )
            match = _NATIONAL_RUN.search(text, max(0, at - 80), at) if found else None
            if match is not None:
                start = match.start("lead") if match.group("lead") else match.start("run")
                words = text[start:at].split()
                while len(words) > 1 and words[0].lower() in _LEADING_JUNK:
                    start = text.index(words[1], start + len(words[0]))  # "What Public ..."
                    words = words[1:]
                if (
                    (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in ".-’'"))
                    and words[0] not in _DIRECTIONS
                    and words[0] not in first_names()
                    and not (len(words) == 1 and words[0].lower() in _everyday_words())
                    and not is_place_name(" ".join(words))
                    and not any(w.lower().endswith(_PUBLICATION_WORDS) for w in words)
                    and not in_shouted_line(text, start, end)
                ):
                    name = text[start:end]
                    candidates.append((start, end, resolve_organization(name) or name))
            at = text.find(nation, end)
    return candidates


# A web address's own name: "www.volkskrant.nl", "forbes.com", "https://nos.nl/artikel".
_DOMAIN = re.compile(
    r"(?<![\w.@-])(?:https?://)?(?:www\.)?(?P<label>[a-z][a-z0-9]{3,30})"
    r"\.(?:nl|com|org|net|eu|int|co\.uk|org\.uk)\b"
)
_NAME_FOR_DOMAIN = r"(?<![\w./@-])(?:(?:De|The|Het) )?(?P<name>{words})(?![\w/@-]|\.\w)"


def _web_address_candidates(text: str) -> list[_Candidate]:
    """A name the text also gives as a web address ("De Volkskrant, 28 mei 2024
    (www.volkskrant.nl/...)", "Forbes ... (forbes.com)", "Best Business English ...
    www.bestbusinessenglish.com"): the address's own name, written as a capitalised name
    (spaces left out of the address), is the body publishing there."""
    if "." not in text or not any(
        tld in text for tld in (".nl", ".com", ".org", ".net", ".eu", ".int", ".uk")
    ):
        return []
    candidates: list[_Candidate] = []
    for label in {m.group("label") for m in _DOMAIN.finditer(text)}:
        if label in _everyday_words():
            continue
        # "bestbusinessenglish" is "Best Business English": any spacing between its letters
        letters = r"[ \xa0]?".join(re.escape(c) for c in label)
        for match in re.finditer(_NAME_FOR_DOMAIN.format(words=letters), text, re.IGNORECASE):
            name = match.group("name")
            if name[0].isupper() and all(w[0].isupper() for w in name.split()):
                key = resolve_organization(name) or name
                candidates.append((match.start("name"), match.end("name"), key))
    return candidates


@cache
def _everyday_words() -> frozenset[str]:
    """The most common Dutch and English words ("rijk", "kwaliteit"): one alone names no body."""
    lines = resource_path("gazetteers", "person_common_words.txt").read_text("utf-8")
    return frozenset(w for w in lines.splitlines() if w and not w.startswith("#"))


def _written_in_lower_case(text: str, name: str) -> bool:
    """Whether the text also writes `name` in lower case as a word ("rijk"), not as part of
    a web or e-mail address ("www.movisie.nl")."""
    lower = name.lower()
    if lower == name or lower not in text:
        return False
    pattern = r"(?<![\w./@-])" + re.escape(lower) + r"(?![\w@/-]|\.\w)"
    return re.search(pattern, text) is not None


def _apposition_candidates(text: str, starts: list[int]) -> list[_Candidate]:
    """ "kennisinstituut Movisie", "onderzoeksbureau A-Insights", "pensioenfonds ABP": in
    Dutch, a body's kind in lower case (a compound ending in a head word) before its name.
    Not a place or country ("de gemeenteraad Amsterdam"), a person ("de stichting Jan ..."),
    a date, an everyday word or a word the text also writes in lower case ("het
    sectoroverleg Rijk")."""
    candidates: list[_Candidate] = []
    for at in starts:
        word_start = at - 1
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if not text[word_start].islower():
            continue  # "Stichting Vluchtelingenhulp": the named-body rule's
        match = _APPOSITION_NAME.match(text, at)
        if match is None:
            continue
        name = _strip_possessive(match.group().rstrip("-’'"))
        words = name.split()
        if (
            words[0] in first_names()
            or words[0] in _DATE_WORDS
            or is_place_name(name)
            or find_countries(name, "nl")
            or _written_in_lower_case(text, name)
            or (len(words) == 1 and name.lower() in _everyday_words())
            or in_shouted_line(text, at, at + len(name))
        ):
            continue
        candidates.append((at, at + len(name), resolve_organization(name) or name))
    return candidates


# "de Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer": a Dutch minister's
# title names the ministry, also one the gazetteer lacks (a list that "en" closes with one word).
_PORTFOLIO_WORD = "[A-ZÀ-ÖØ-Þ][a-zà-ÿ-]*"  # lower case after the capital: "MilieubeheerDirectie"
_DUTCH_MINISTER = re.compile(
    r"\b(?:[Mm]inister|[Ss]taatssecretaris) van (?P<portfolio>{w}(?: {w})*(?:, {w}(?: {w})*)*"
    r" en {w})".replace("{w}", _PORTFOLIO_WORD)
)


def _dutch_ministers(text: str) -> Iterator[re.Match[str]]:
    """_DUTCH_MINISTER's matches, looked for only where a title stands before "van" (a scan of
    every position cost as much as the gazetteer's)."""
    for title, back in (("inister van ", 1), ("ecretaris van ", 7)):
        at = text.find(title)
        while at >= 0:
            match = _DUTCH_MINISTER.match(text, max(0, at - back))
            if match is not None:
                yield match
            at = text.find(title, at + 1)


def _dutch_minister_candidates(text: str, language: str) -> list[_Candidate]:
    if language != "nl" or " van " not in text:
        return []
    candidates: list[_Candidate] = []
    for match in _dutch_ministers(text):
        name = "Ministerie van " + match.group("portfolio")
        if _qualifier(text, match.start(), language) is None:
            key = resolve_organization(name) or name
            candidates.append((match.start("portfolio"), match.end("portfolio"), key))
    return candidates


@cache
def _title_words() -> frozenset[str]:
    path = resource_path("gazetteers", "person_titles.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


_LINE = re.compile(r"[^\n]+")


def _whole_line(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 8) : start].rstrip(" \t\xa0")
    after = text[end : end + 8].lstrip(" \t\xa0")
    return (not before or before[-1] == "\n") and (not after or after[0] in "\r\n")


def roster_organizations(
    text: str, people: Sequence[Mention], known: Sequence[Mention]
) -> list[Mention]:
    """`known` with the organizations of a list of people, each with the body they come from
    on the next line ("John Andrews" / "Social Security Advisory Committee"): those lines name
    organizations as a whole, with or without a head word ("Citizens Advice Scotland",
    "TaxAid"). Only in a list of at least three such pairs, and never a line with a role
    ("Chief Executive")."""
    people_lines = {(m.start, m.end) for m in people if _whole_line(text, m.start, m.end)}
    if len(people_lines) < 3:
        return list(known)  # the common case, decided without reading the lines
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    found: list[Mention] = []
    keys = {m.key.casefold(): m.key for m in known}  # "Turn2Us" and "Turn2us": one
    for (start, end), (next_start, next_end) in itertools.pairwise(lines):
        written = text[start:end]
        start, end = start + len(written) - len(written.lstrip()), start + len(written.rstrip())
        if (start, end) not in people_lines:
            continue
        line = text[next_start:next_end]
        name_start = next_start + len(line) - len(line.lstrip())
        name_end = next_start + len(line.rstrip())
        name = text[name_start:name_end]
        words = name.split()
        if (
            not 1 <= len(words) <= 8
            or not (name[0].isupper() or name[0].isdigit())
            or name.endswith((".", ":", "?", "!", ","))
            or any(w.lower() in _title_words() for w in words)
            or any(not w[0].isupper() and w not in _CONNECTOR_WORDS for w in words)
            or any(p.start < name_end and name_start < p.end for p in people)
        ):
            continue
        key = resolve_organization(name) or " ".join(words)
        key = keys.setdefault(key.casefold(), key)
        found.append(
            Mention(EntityType.ORGANIZATION, key, name, name_start, name_end, reason="roster")
        )
    if len(found) < 3:
        return list(known)
    spans = [(m.start, m.end) for m in found]
    kept = [m for m in known if not any(s <= m.start and m.end <= e for s, e in spans)]
    return sorted(kept + found, key=lambda m: m.start)


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


def unlabelled_name(key: str, country: str, language: str) -> str:
    """Another country's body as a text that is about that country names it: "UK Department
    of Health" -> "Department of Health" (the key keeps the country, the panel shows the
    name as written)."""
    label = country_label(country, language) + " "
    if not key.startswith(label):
        return key
    name = key[len(label) :]
    return name[0].upper() + name[1:]


def organization_name(key: str, language: str = "en") -> str:
    """The organization's preferred name in `language` ("nl"/"en"): "NAVO" / "NATO"."""
    record = _by_key().get(key)
    if record is None:
        return key
    names = (record.dutch or record.english) if language == "nl" else record.english
    return names[0] if names else record.canonical  # a UK department: its English name


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
