"""The library-wide rules for entities' names, kept in the catalog between processes.

Which person a surname, a first part or another spelling stands for depends on every name in
the library ("Blok" is "Stef Blok" only where the library knows one Stef Blok), and so does
which keys of another government's ministry are one organization. Computing them reads every
entity row (a second and more at 50,000 documents); a fresh process (`briefing search`, the
window's search process) finds them in the catalog's `derived` table instead, stored for the
catalog revision they were computed at and the code that computed them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from briefing_app.disk_cache import code_stamp
from briefing_app.entities import (
    EntityType,
    display_name,
    resolve_organization,
    resolve_people,
    spelling_preference,
)
from briefing_app.entities.stamp import entities_stamp
from briefing_app.library.catalog import Catalog


@dataclass(frozen=True)
class PeopleRule:
    # name -> the name the library shows for that person, for the names that differ from it
    resolution: dict[str, str]
    known: frozenset[str]  # every person's name in the catalog


class EntityRules:
    """The rules of one catalog, named in `language` ("en" or "nl")."""

    def __init__(self, catalog: Catalog, language: str) -> None:
        self.catalog = catalog
        self.language = language
        stamp = _rules_stamp()
        self._people_name = f"people-rule/{language}/{stamp}"
        self._organizations_name = f"organization-rule/{language}/{stamp}"
        # (catalog generation, revision, rule): checked against the generation on each use
        self._people: tuple[tuple[int, int], int, PeopleRule] | None = None
        self._preference: dict[str, float] | None = None  # what `_people` was computed from
        self._organizations: tuple[tuple[int, int], int, dict[str, str]] | None = None
        self._organization_keys: frozenset[str] = frozenset()  # what it was computed from

    def people(self) -> PeopleRule:
        generation = self.catalog.generation()
        if self._people is not None and self._people[0] == generation:
            return self._people[2]
        revision = self.catalog.revision()
        if self._people is not None and self._people[1] == revision:
            rule = self._people[2]  # another write (bookmarks, duplicates): same documents
        else:
            rule = self._stored_people(revision) or self._computed_people(revision)
        self._people = (generation, revision, rule)
        return rule

    def _stored_people(self, revision: int) -> PeopleRule | None:
        stored = self.catalog.derived(self._people_name, revision)
        if stored is None:
            return None
        value = json.loads(stored)
        return PeopleRule(value["resolution"], frozenset(value["known"]))

    def _computed_people(self, revision: int) -> PeopleRule:
        names, preference = self.preference()
        if self._people is not None and self._preference == preference:
            # Most changes (a re-imported file) leave every name and its counts as they
            # were: the rule is the same.
            rule = self._people[2]
        else:
            rule = PeopleRule(resolve_people(names, preference), frozenset(names))
        self._preference = preference
        value = {"resolution": rule.resolution, "known": sorted(rule.known)}
        self.catalog.store_derived(self._people_name, revision, json.dumps(value))
        return rule

    def preference(self) -> tuple[list[str], dict[str, float]]:
        """Every person's name in the catalog, ranked by the documents in the rules' language
        that use it, then by all documents that do."""
        preference = spelling_preference(self.catalog.person_documents(), self.language)
        return list(preference), preference

    def organizations(self) -> dict[str, str]:
        """Another country's ministry named in both languages is one organization ("UK
        Ministry of Defence", "Britse ministerie van Defensie"), under its key in the rules'
        language when the library has that one: keys -> that key, for the keys that differ."""
        generation = self.catalog.generation()
        if self._organizations is not None and self._organizations[0] == generation:
            return self._organizations[2]
        revision = self.catalog.revision()
        if self._organizations is not None and self._organizations[1] == revision:
            resolution = self._organizations[2]
        else:
            stored = self.catalog.derived(self._organizations_name, revision)
            if stored is not None:
                resolution = json.loads(stored)
            else:
                resolution = self._computed_organizations()
                self.catalog.store_derived(
                    self._organizations_name, revision, json.dumps(resolution)
                )
        self._organizations = (generation, revision, resolution)
        return resolution

    def _computed_organizations(self) -> dict[str, str]:
        known = self.catalog.organization_keys()
        if self._organizations is not None and self._organization_keys == known:
            return self._organizations[2]  # the same organizations: the same rule
        self._organization_keys = known
        groups: dict[str, list[str]] = {}
        for key in known:
            shown = display_name(EntityType.ORGANIZATION, key, self.language)
            if shown != key and resolve_organization(key) != key:
                groups.setdefault(shown, []).append(key)
        resolution: dict[str, str] = {}
        for shown, keys in groups.items():
            if shown in known or len(keys) > 1:
                target = shown if shown in known else min(keys)
                resolution.update({key: target for key in keys if key != target})
        return resolution

    def refresh(self) -> None:
        """Computes and keeps both rules now (after an import), so the next process to
        search finds them ready."""
        self.people()
        self.organizations()


def _rules_stamp() -> str:
    """What the rules are computed by: a stored rule of other code or gazetteers is not used."""
    return f"{entities_stamp()}-{code_stamp(sys.modules[__name__])}"
