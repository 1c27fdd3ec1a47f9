from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "org"


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a text, as found by one recogniser.

    `key` identifies the real-world entity the recogniser resolved the mention to:
    an ISO 3166-1 alpha-2 code for countries, the gazetteer's canonical name for known
    organizations, the surface name for people and unknown organizations.
    """

    type: EntityType
    key: str
    surface: str  # the text as it stands, without a leading title ("Blok", "NAVO")
    start: int  # code-point offsets into the text
    end: int
    # For an organization of another country's government ("UK Ministry of Justice"): that
    # country's ISO code, so the document counts the country too.
    country: str | None = None
    # Why the recogniser took it (`evidence.REASONS`): "title:minister", "given-name",
    # "gazetteer", "acronym-defined"...; shown when the user hovers the entity.
    reason: str = ""


@dataclass
class Entity:
    """One entry in an entity panel: one real-world entity in one document."""

    type: EntityType
    key: str  # country code, or canonical name for people and organizations
    name: str  # display name (for countries in the requested UI language)
    count: int = 0
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    reason: str = ""  # why it was recognised: the reason of the mention that made the entry


@dataclass
class DocumentEntities:
    people: list[Entity] = field(default_factory=list)
    countries: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
