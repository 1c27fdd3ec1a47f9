"""The entity panels of one document: recognisers in order, then one entry per real entity.

Organizations run first, then countries, then people with the spans of the first two blocked
("Boko Haram", "Den Haag" never become people). Mentions are merged into entities: for people
"Stef Blok", "minister Blok" and "Blok" are one entry named by the fullest form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from briefing_app.entities.countries import country_name, find_countries
from briefing_app.entities.model import DocumentEntities, Entity, EntityType, Mention
from briefing_app.entities.names import spelling_key, without_article
from briefing_app.entities.organizations import (
    find_organizations,
    organization_name,
    organization_type,
    roster_organizations,
    unlabelled_name,
)
from briefing_app.entities.people import (
    NAME_PARTICLES,
    credit_spans,
    find_people,
    is_given_name,
)
from briefing_app.folding import fold as fold_text

_DocKey = TypeVar("_DocKey")
_ROMAN = re.compile(r"[IVX]+")


def extract_entities(text: str, language: str, ui_language: str = "en") -> DocumentEntities:
    """People, countries and organizations in `text`, one entry each, most mentioned first."""
    # Photo credits ("Beeld: ANP / Sem van der Wal") are page furniture: nothing in them counts.
    credits = credit_spans(text)
    organizations = [m for m in find_organizations(text, language) if not _inside(m, credits)]
    org_spans = [(m.start, m.end) for m in organizations]
    # A nationality inside an organization's name ("Nederlandse Rode Kruis") is part of that
    # name, not a separate mention of the country.
    countries = [
        m for m in find_countries(text, language) if not _inside(m, [*org_spans, *credits])
    ]
    # Another country's ministry ("UK Ministry of Justice", or "the Ministry of Justice" in a
    # British text) counts that country for the document, at the ministry's own span.
    linked = [
        Mention(EntityType.COUNTRY, m.country, m.surface, m.start, m.end, reason="government")
        for m in organizations
        if m.country is not None
    ]
    if linked:
        countries = sorted(countries + linked, key=lambda m: m.start)
    blocked = org_spans + [(m.start, m.end) for m in countries]
    # A party in parentheses after a name makes it a person's: "het lid Omtzigt (CDA)".
    parties = [(m.start, m.end) for m in organizations if organization_type(m.key) == "party"]
    people = find_people(text, language, blocked, credits=credits, parties=parties)
    # A list of people with their organizations on the next lines names those organizations
    # (and a country in such a name is part of it: "Citizens Advice Scotland").
    listed = roster_organizations(text, people, organizations)
    if len(listed) != len(organizations) or listed != organizations:
        organizations = listed
        spans = [(m.start, m.end) for m in organizations]
        countries = [m for m in countries if m in linked or not _inside(m, spans)]
    return DocumentEntities(
        people=_sorted(_merge_people(people)),
        countries=_sorted(_group_by_key(countries, lambda code: country_name(code, ui_language))),
        # Organizations are named in the document's language: NAVO in Dutch, NATO in English.
        organizations=_sorted(
            _group_by_key(organizations, _organization_names(organizations, language))
        ),
    )


def _organization_names(organizations: Sequence[Mention], language: str) -> Callable[[str], str]:
    """Display names: another country's body is shown with its country ("UK Ministry of
    Justice") only where the text says whose it is; a British text's "Department of Health"
    stays "Department of Health" (its key, "UK Department of Health", keeps the country)."""
    implicit: dict[str, str] = {}
    said: set[str] = set()
    for mention in organizations:
        if mention.country is None:
            continue
        if find_countries(mention.surface, language):
            said.add(mention.key)
        else:
            implicit[mention.key] = mention.country

    def name(key: str) -> str:
        if key in implicit and key not in said:
            return unlabelled_name(key, implicit[key], language)
        return organization_name(key, language)

    return name


def _inside(mention: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in spans)


def _sorted(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (-e.count, e.name.casefold()))


def _group_by_key(mentions: Sequence[Mention], display: Callable[[str], str]) -> list[Entity]:
    entities: dict[str, Entity] = {}
    for mention in mentions:
        entity = entities.get(mention.key)
        if entity is None:
            entity = entities[mention.key] = Entity(
                mention.type, mention.key, display(mention.key), reason=mention.reason
            )
        _add_mention(entity, mention)
    return list(entities.values())


def _add_mention(entity: Entity, mention: Mention) -> None:
    if entity.reason in ("", "known-person"):
        entity.reason = mention.reason or entity.reason
    entity.count += 1
    entity.spans.append((mention.start, mention.end))
    if mention.surface != entity.name and mention.surface not in entity.aliases:
        entity.aliases.append(mention.surface)


# --- people -----------------------------------------------------------------------------------


def fold(name: str) -> str:
    """Comparison form of a name: case- and accent-insensitive ("António" == "antonio"), any
    apostrophe or hyphen the same ("O’Gorman" == "O'Gorman"); spacing never counts (`split`)."""
    return fold_text(name.translate(_SAME_PUNCTUATION))


# Beyond the shared folding's quotes and dashes: the modifier letter and accents used as
# apostrophes in names.
_SAME_PUNCTUATION = str.maketrans(dict.fromkeys("\u02bc`\u00b4", "'"))


def _words(name: str) -> list[str]:
    """The name's words in one spelling: "Poetin" and "Putin" are one (`spelling_key`)."""
    return spelling_key(name.translate(_SAME_PUNCTUATION)).split()


def _refers_to(short: Sequence[str], full: Sequence[str], short_surface: str) -> bool:
    """Whether a shorter name form can stand for a fuller one in the same text."""
    if list(short) == list(full):
        return True
    n = len(short)
    if n == 1 and short[0] == _used_alone(full[-1]):  # "Bijleveld" / "Ank Bijleveld-Schouten"
        return True
    if n >= len(full):
        return False
    if list(full[-n:]) == list(short):  # "Blok" / "Stef Blok", "de Jonge" / "Hugo de Jonge"
        return True
    # A name used by its first part: regnal names ("Abdullah" / "Abdullah II") and names
    # whose first part is not a given name we know ("Tedros" / "Tedros Adhanom Ghebreyesus").
    if list(full[:n]) == list(short):
        rest_is_regnal = all(_ROMAN.fullmatch(w.upper()) for w in full[n:])
        return rest_is_regnal or not is_given_name(short_surface)
    return False


def _used_alone(surname: str) -> str:
    """The part of a hyphenated surname (a key word) used alone: the first of a married name
    ("bijleveld" of "bijleveld-schouten"), the name after the Arabic article ("assad")."""
    bare = without_article(surname)
    return bare.lower() if bare else surname.split("-")[0]


def _merge_people(mentions: Sequence[Mention]) -> list[Entity]:
    # Fullest forms first, so each shorter form can find the entity it stands for.
    by_fullness = sorted(
        mentions, key=lambda m: (-len(m.surface.split()), -len(m.surface), m.start)
    )
    entities: list[Entity] = []
    words: list[list[str]] = []
    for mention in by_fullness:
        short = _words(mention.surface)
        candidates = [k for k, full in enumerate(words) if _refers_to(short, full, mention.surface)]
        if not candidates:
            entities.append(
                Entity(EntityType.PERSON, mention.surface, mention.surface, reason=mention.reason)
            )
            words.append(short)
            candidates = [len(entities) - 1]
        # Two people share the surname ("minister Blok" with both Stef and Ank Blok in the
        # text): the one mentioned last before this mention is meant.
        best = max(candidates, key=lambda k: _last_before(entities[k], mention.start))
        _add_mention(entities[best], mention)
    for entity in entities:
        entity.spans.sort()
    return entities


def _last_before(entity: Entity, position: int) -> int:
    return max((s for s, _ in entity.spans if s < position), default=-1)


# --- across the library -----------------------------------------------------------------------


def resolve_people(
    names: Iterable[str], preference: Mapping[str, float] | None = None
) -> dict[str, str]:
    """Library-wide rule: each person's name mapped to the name the library shows for that
    person, for the names that differ from it (whatever order the documents came in):
    - the spellings of one name are one person ("Vladimir Poetin", "Vladimir Putin",
      `names.spelling_key`), shown in the spelling `preference` ranks highest (then the
      alphabetically first): the library ranks the spelling of the UI language's documents;
    - a surname alone ("Blok", "De Jonge", "Poetin") stands for the one full name with that
      surname in the library ("Stef Blok");
    - a one-word name that is no known first name stands for the one full name it opens
      ("Tedros" for "Tedros Adhanom Ghebreyesus"), as it does within a document.
    Short forms that fit more than one person are left alone (but for their spellings)."""
    rank = preference or {}
    spellings: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        spellings.setdefault(_name_key(name), []).append(name)
    _join_transliterated_given_names(spellings)
    shown = {
        key: min(group, key=lambda n: (-rank.get(n, 0.0), n)) for key, group in spellings.items()
    }
    by_surname: dict[tuple[str, ...], set[str]] = {}
    by_first_word: dict[str, set[str]] = {}
    for key, group in spellings.items():
        for name in group:
            for form in _surname_forms(name):
                by_surname.setdefault(form, set()).add(key)
            if _opens_with_its_own_name(name):
                by_first_word.setdefault(_words(name)[0], set()).add(key)
    resolved: dict[str, str] = {}
    for key, group in spellings.items():
        target = shown[key]
        if _is_surname_only(group[0]):
            # A hyphen joins a double surname here: "Schouten" is not "Bijleveld-Schouten".
            forms = {tuple(_words(name)) for name in group}
            fits = {k for form in forms for k in by_surname.get(form, ())}
            if not fits and not any(" " in n or is_given_name(n) for n in group):
                fits = {k for form in forms for k in by_first_word.get(form[0], ())}
            if len(fits) == 1:
                target = shown[next(iter(fits))]
        for member in group:
            if member != target:
                resolved[member] = target
    return resolved


def spelling_preference(uses: Iterable[tuple[str, str, int]], language: str) -> dict[str, float]:
    """`resolve_people`'s preference from (name, document language, documents) counts: the
    spelling used in most documents in `language` ("Poetin" in Dutch), then in all."""
    in_language: dict[str, int] = {}
    overall: dict[str, int] = {}
    for name, written_in, docs in uses:
        overall[name] = overall.get(name, 0) + docs
        if written_in == language:
            in_language[name] = in_language.get(name, 0) + docs
    most = max(overall.values(), default=0) + 1
    return {name: in_language.get(name, 0) + docs / most for name, docs in overall.items()}


def merge_people_across(
    entities_by_doc: Mapping[_DocKey, DocumentEntities],
    preference: Mapping[str, float] | None = None,
) -> dict[_DocKey, DocumentEntities]:
    """Apply `resolve_people` to a set of documents: "Blok" becomes "Stef Blok" where one
    full name fits, "Putin" "Vladimir Poetin" (or the other way round, as `preference` says),
    merged with that person's entry when the document has both."""
    resolved = resolve_people(
        (person.name for doc in entities_by_doc.values() for person in doc.people), preference
    )
    merged: dict[_DocKey, DocumentEntities] = {}
    for doc_key, doc in entities_by_doc.items():
        people: dict[str, Entity] = {}
        for person in doc.people:
            target = resolved.get(person.name, person.name)
            entity = people.get(target)
            if entity is None:
                entity = people[target] = replace(
                    person, key=target, name=target, count=0, aliases=[], spans=[]
                )
            entity.count += person.count
            entity.spans = sorted(entity.spans + person.spans)
            for alias in [person.name, *person.aliases]:
                if alias != target and alias not in entity.aliases:
                    entity.aliases.append(alias)
        merged[doc_key] = replace(doc, people=_sorted(people.values()))
    return merged


_VOWEL_LETTERS = re.compile(r"[aeiouJ]")


def _join_transliterated_given_names(spellings: dict[str, list[str]]) -> None:
    """A name transliterated twice may spell its given name apart too ("Aleksandr
    Loekasjenko", "Alexander Lukashenko"): full names with one surname in two spellings and
    given names that differ only in their vowels after the first letter are one. A surname
    written one way only is no transliteration: "Jan Jansen" and "Jon Jansen" stay two."""
    loose: dict[tuple[str, ...], list[str]] = {}
    for key, group in spellings.items():
        words = key.split()
        if _is_full_name(group[0]) and not any(w.endswith(".") for w in words):
            given = tuple(w[0] + _VOWEL_LETTERS.sub("", w[1:]) for w in words[:-1])
            loose.setdefault((*given, words[-1]), []).append(key)
    for keys in loose.values():
        if len(keys) < 2:
            continue
        into = keys[0]
        for key in keys[1:]:
            if len(_surnames_written([*spellings[into], *spellings[key]])) > 1:
                spellings[into].extend(spellings.pop(key))
        spellings[into].sort()


def _surnames_written(names: list[str]) -> set[str]:
    return {fold(name.split()[-1]) for name in names}


def _name_key(name: str) -> str:
    """One key for all spellings of a name: "Kim Jong-un" and "Kim Jong Un" too."""
    return " ".join(_words(name)).replace("-", " ")


def _is_surname_only(name: str) -> bool:
    words = name.split()
    return len(words) == 1 or (
        all(w.lower() in NAME_PARTICLES for w in words[:-1]) and len(words) <= 4
    )


def _is_full_name(name: str) -> bool:
    # Regnal names ("Abdullah II") have no surname.
    return len(name.split()) >= 2 and not _is_surname_only(name) and not name.split()[-1].isupper()


def _opens_with_its_own_name(name: str) -> bool:
    """A full name whose first word is a name used alone ("Tedros Adhanom Ghebreyesus"), not
    initials or a given name ("J. Thunnissen", "Mark Rutte")."""
    first = name.split()[0]
    return _is_full_name(name) and not first.endswith(".") and not is_given_name(first)


def _surname_forms(name: str) -> list[tuple[str, ...]]:
    """Surname forms of a full name: "Hugo de Jonge" -> ("de", "jonge"), ("jonge",)."""
    if not _is_full_name(name):
        return []
    words = _words(name)
    forms = [
        tuple(words[k:]) for k in range(1, len(words)) if _is_surname_only(" ".join(words[k:]))
    ]
    bare = without_article(words[-1])
    if bare:  # "Bashar al-Assad": "Assad"
        forms.append((bare.lower(),))
    return forms
