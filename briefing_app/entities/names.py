"""Names across languages and spellings.

People from outside the Latin alphabet are written after the language's own rules:
Dutch "Poetin", "Navalnyj", "Sjojgoe", "Gorbatsjov", "Chroesjtsjov"; English "Putin",
"Navalny", "Shoigu", "Gorbachev", "Khrushchev"; and a source's own forms ("Zelenskyy",
"Klitschko"). `spelling_key` writes each such name in one form, so that all its spellings
compare equal, while names that differ otherwise stay apart:

- the sounds those rules spell differently are one letter each: ш (Dutch sj, English sh),
  ж (zj, zh), щ (sjtsj, shch), ч (tsj, ch, German tsch), х (Dutch ch, English kh);
- у is Dutch "oe", English "u"; й and ы are "j", "y", "i" ("Aleksej", "Alexey", "Alexei");
  a name's last i/j/y sounds are one ("Navalnyj", "Navalny", "Zelenskyy", "Zelenski");
- ё after ш, ж, ч, щ ending a name is Dutch "o", English "e" ("Gorbatsjov", "Gorbachev");
- x is "ks" ("Alexander", "Aleksander").

Double consonants are not taken for spellings of one another: Jansen and Janssen, Bakker
and Baker are different Dutch names.

`display_name` is what an entity is called in a UI language: a country's or a known
organization's own name in that language ("European Union" / "Europese Unie"), another
country's ministry with its country and portfolio in it ("Franse ministerie van Buitenlandse
Zaken" / "French Ministry of Foreign Affairs", portfolios from the gazetteer's ministries
and `portfolio_names.tsv`), else the name as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from briefing_app.entities.countries import country_label, country_name, country_names
from briefing_app.entities.model import EntityType
from briefing_app.entities.organizations import (
    organization_name,
    portfolio_translations,
    resolve_organization,
)
from briefing_app.folding import fold

LANGUAGES = ("en", "nl")

# Placeholders for the sounds spelled in several letters: upper case, as folded text has none.
_SOUNDS = (
    # щ first: it holds the letters of ш and ч.
    ("shtch", "Q"), ("shch", "Q"), ("sjtsj", "Q"), ("stsj", "Q"), ("schtsch", "Q"),
    ("tsch", "C"), ("tsj", "C"), ("tch", "C"), ("ch", "C"), ("kh", "C"),
    ("sh", "S"), ("sj", "S"), ("zh", "Z"), ("zj", "Z"),
    ("oe", "u"), ("x", "ks"),
)  # fmt: skip
_SOUND = re.compile("|".join(re.escape(letters) for letters, _ in _SOUNDS))
_SOUND_OF = dict(_SOUNDS)
_ROMAN = re.compile(r"[ivx]+")
_GLIDE = re.compile(r"[ijy]+(?=[aeou])")  # "Joelia", "Yulia", "Tatjana", "Tatyana", "Tatiana"
_LAST_GLIDES = re.compile(r"[ijy]+$")  # "Navalnyj", "Navalny", "Zelenskyy", "Aleksej", "Alexei"
_VOWEL_GLIDE = re.compile(r"[jy]")  # "Sjojgoe", "Shoigu"; "Tymoshenko", "Timosjenko"
_YO = re.compile(r"(?<=[SZCQ])ov$")  # "Gorbatsjov", "Gorbachev"


@lru_cache(maxsize=50_000)
def spelling_key(name: str) -> str:
    """The name's words in one spelling ("Poetin" and "Putin" -> "putin"), space-separated;
    the parts of a hyphenated word keep their hyphen ("bijleveld-schouten")."""
    return " ".join(
        "-".join(_word_key(part) for part in word.split("-")) for word in fold(name).split()
    )


def _word_key(word: str) -> str:
    if word.endswith(".") or _ROMAN.fullmatch(word):  # initials, regnal numbers: as written
        return word
    word = _SOUND.sub(lambda m: _SOUND_OF[m.group()], word)
    word = _LAST_GLIDES.sub("i", word) if len(word) > 2 else word
    word = _GLIDE.sub("J", word)
    word = _VOWEL_GLIDE.sub("i", word)  # what is left is no glide before a vowel
    return _YO.sub("ev", word)


# The Arabic article before a surname ("al-Assad", "el-Sisi"): the surname is used without it.
_ARTICLE = re.compile(r"(?:al|el)-(?=\w)", re.IGNORECASE)


def without_article(surname: str) -> str | None:
    """ "al-Assad" -> "Assad", "el-Sisi" -> "Sisi" (the case of its first letter made upper);
    None for a surname without the Arabic article."""
    match = _ARTICLE.match(surname)
    if match is None:
        return None
    rest = surname[match.end() :]
    return rest[:1].upper() + rest[1:]


def same_name(first: str, second: str) -> bool:
    """Whether two names are one name in two spellings (or the same spelling); a hyphen and a
    space are the same here ("Kim Jong-un", "Kim Jong Un")."""
    return spelling_key(first).replace("-", " ") == spelling_key(second).replace("-", " ")


def display_name(entity_type: str, key: str, language: str, written: str | None = None) -> str:
    """What the entity is called in the UI language `language` ("en" or "nl"): a country's
    name, a known organization's own name in that language, else `written` (the name as the
    documents write it; the key when not given)."""
    language = language if language in LANGUAGES else "en"
    if entity_type == EntityType.COUNTRY:
        return country_name(key, language)
    if entity_type == EntityType.ORGANIZATION:
        if resolve_organization(key) == key:
            return organization_name(key, language)
        ministry = _other_governments_ministry(key, language)
        if ministry is not None:
            return ministry
    return written if written is not None else key


# How each language writes a ministry before its portfolio.
_MINISTRY = {"nl": "ministerie van ", "en": "Ministry of "}


def _other_governments_ministry(key: str, language: str) -> str | None:
    """ "UK Ministry of Defence" in Dutch: "Britse ministerie van Defensie"; None for a key
    that is no other country's ministry in the other language, or whose portfolio is not
    known in both."""
    words = key.split(" ")
    for n in (1, 2, 3):
        found = _country_labels().get(" ".join(words[:n]))
        if found is not None:
            break
    else:
        return None
    code, written_in = found
    base = " ".join(words[n:])
    lead = _MINISTRY[written_in]
    if written_in == language or not base.lower().startswith(lead.lower()):
        return None
    portfolio = portfolio_translations()[written_in].get(fold(base[len(lead) :]))
    if portfolio is None:
        return None
    return f"{country_label(code, language)} {_MINISTRY[language]}{portfolio}"


@cache
def _country_labels() -> dict[str, tuple[str, str]]:
    """The words a key starts with to say whose body it is ("UK", "Britse") -> (code,
    language)."""
    labels: dict[str, tuple[str, str]] = {}
    for code in sorted(country_names()):
        for language in LANGUAGES:
            labels.setdefault(country_label(code, language), (code, language))
    return labels
