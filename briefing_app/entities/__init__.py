"""Entity extraction (people, countries, organizations) for the side panels. No Qt here."""

from briefing_app.entities.countries import country_name
from briefing_app.entities.extractor import (
    extract_entities,
    merge_surnames_across,
    resolve_surnames,
)
from briefing_app.entities.model import DocumentEntities, Entity, EntityType, Mention
from briefing_app.entities.organizations import resolve_organization

__all__ = [
    "DocumentEntities",
    "Entity",
    "EntityType",
    "Mention",
    "country_name",
    "extract_entities",
    "merge_surnames_across",
    "resolve_organization",
    "resolve_surnames",
]
