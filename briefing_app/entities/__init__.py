"""Entity extraction (people, countries, organizations) for the side panels. No Qt here."""

from briefing_app.entities.countries import country_name
from briefing_app.entities.extractor import (
    extract_entities,
    merge_people_across,
    resolve_people,
    spelling_preference,
)
from briefing_app.entities.model import DocumentEntities, Entity, EntityType, Mention
from briefing_app.entities.names import display_name, same_name, spelling_key
from briefing_app.entities.organizations import resolve_organization

__all__ = [
    "DocumentEntities",
    "Entity",
    "EntityType",
    "Mention",
    "country_name",
    "display_name",
    "extract_entities",
    "merge_people_across",
    "resolve_organization",
    "resolve_people",
    "same_name",
    "spelling_key",
    "spelling_preference",
]
