"""User corrections to extracted entities: rename, merge, change type, hide.

Corrections are user data: kept beside the library (not in the index), applied after every
extraction, so they survive re-imports and index rebuilds; exportable as a JSON file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

from briefing_app.entities.model import DocumentEntities, Entity, EntityType

FORMAT_VERSION = 1


class Action(StrEnum):
    RENAME = "rename"  # value: the new display name (and key, for people and organizations)
    MERGE = "merge"  # value: the key of the entity to merge into
    RETYPE = "retype"  # value: the new type (person | country | org)
    HIDE = "hide"  # a false positive: never show it
    ADD = "add"  # a missed entity: key is the text that names it, value the entity's key


class CorrectionError(ValueError):
    """A correction that cannot be stored or applied; the message is for the user."""


@dataclass(frozen=True)
class Correction:
    action: Action
    type: EntityType
    key: str
    value: str = ""


class Corrections:
    """An ordered list of corrections; later ones apply to the result of earlier ones."""

    def __init__(self, items: Iterable[Correction] = ()) -> None:
        self.items: list[Correction] = list(items)

    # -- editing ---------------------------------------------------------------------------

    def rename(self, entity_type: EntityType, key: str, new_name: str) -> Correction:
        new_name = " ".join(new_name.split())
        if not new_name:
            raise CorrectionError("A new name cannot be empty.")
        if entity_type == EntityType.COUNTRY:
            raise CorrectionError("Countries are named by their ISO code and cannot be renamed.")
        return self._add(Correction(Action.RENAME, entity_type, key, new_name))

    def merge(self, entity_type: EntityType, key: str, into_key: str) -> Correction:
        if key == into_key:
            raise CorrectionError("An entity cannot be merged into itself.")
        return self._add(Correction(Action.MERGE, entity_type, key, into_key))

    def retype(self, entity_type: EntityType, key: str, new_type: EntityType) -> Correction:
        if new_type == entity_type:
            raise CorrectionError(f"It is already of type {new_type}.")
        if EntityType.COUNTRY in (new_type, entity_type):
            raise CorrectionError(
                "Countries come from their ISO codes; only people and "
                "organizations can change type."
            )
        return self._add(Correction(Action.RETYPE, entity_type, key, str(new_type)))

    def hide(self, entity_type: EntityType, key: str) -> Correction:
        return self._add(Correction(Action.HIDE, entity_type, key))

    def mark(self, entity_type: EntityType, key: str, text: str) -> Correction:
        """`text` names the entity (`entity_type`, `key`) wherever it stands in a document:
        "Mark as person" on "Van der Lee" in the reader (key "Van der Lee"), "Mark as
        country" on "Holland" (key "NL")."""
        text = " ".join(text.split())
        key = " ".join(key.split())
        if not text or not key:
            raise CorrectionError("Select the words that name it first.")
        return self._add(Correction(Action.ADD, entity_type, text, key))

    def remove(self, correction: Correction) -> None:
        self.items.remove(correction)

    def withdraw(self, corrections: Iterable[Correction]) -> list[Correction]:
        """Takes these corrections out again (an undo); returns those that were there."""
        gone = [c for c in dict.fromkeys(corrections) if c in self.items]
        for correction in gone:
            self.items.remove(correction)
        return gone

    def hidden(self) -> list[Correction]:
        """The hide corrections, oldest first."""
        return [c for c in self.items if c.action == Action.HIDE]

    def unhide(self, entity_type: EntityType, keys: Iterable[str]) -> list[Correction]:
        """Shows the entities of this type and these keys again; returns the hides removed."""
        wanted = set(keys)
        return self.withdraw(c for c in self.hidden() if c.type == entity_type and c.key in wanted)

    def resolve(self, entity_type: EntityType, key: str) -> tuple[EntityType, str] | None:
        """Type and key of the entity (`entity_type`, `key`) once every correction applies
        (renames, merges and retypes followed in order, as `apply` does); None when hidden."""
        kind = entity_type
        for correction in self.items:
            if correction.type != kind or correction.key != key:
                continue
            if correction.action == Action.HIDE:
                return None
            if correction.action == Action.RETYPE:
                kind = EntityType(correction.value)
            elif correction.action in (Action.RENAME, Action.MERGE):
                key = correction.value
        return kind, key

    def names_for(self, entity_type: EntityType, key: str) -> set[str]:
        """`key` and every key that a rename or merge of this type turned into it."""
        names = {key}
        changed = True
        while changed:
            changed = False
            for c in self.items:
                if (
                    c.type == entity_type
                    and c.action in (Action.RENAME, Action.MERGE)
                    and c.value in names
                    and c.key not in names
                ):
                    names.add(c.key)
                    changed = True
        return names

    def _add(self, correction: Correction) -> Correction:
        if correction not in self.items:
            self.items.append(correction)
        return correction

    # -- applying --------------------------------------------------------------------------

    def apply(self, entities: DocumentEntities, text: str | None = None) -> DocumentEntities:
        """The entities with every correction applied in order; an added entity (`mark`) is
        found in `text`, the text the entities were extracted from (without it, it is not)."""
        if not self.items:
            return entities
        pool = [
            replace(e, aliases=list(e.aliases), spans=list(e.spans))
            for e in (*entities.people, *entities.countries, *entities.organizations)
        ]
        for correction in self.items:
            if correction.action == Action.ADD:
                pool = _add_marked(correction, pool, text)
            else:
                pool = _apply_one(correction, pool)
        by_type: dict[EntityType, list[Entity]] = {t: [] for t in EntityType}
        for entity in pool:
            by_type[entity.type].append(entity)
        for group in by_type.values():
            group.sort(key=lambda e: (-e.count, e.name.lower()))
        return DocumentEntities(
            people=by_type[EntityType.PERSON],
            countries=by_type[EntityType.COUNTRY],
            organizations=by_type[EntityType.ORGANIZATION],
        )

    # -- files -----------------------------------------------------------------------------

    def to_json(self) -> str:
        payload = {
            "format": "briefing-entity-corrections",
            "version": FORMAT_VERSION,
            "corrections": [{k: str(v) for k, v in asdict(c).items()} for c in self.items],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Corrections:
        try:
            payload = json.loads(text)
            items = [
                Correction(
                    Action(raw["action"]),
                    EntityType(raw["type"]),
                    str(raw["key"]),
                    str(raw.get("value", "")),
                )
                for raw in payload["corrections"]
            ]
        except (ValueError, KeyError, TypeError) as error:
            raise CorrectionError(f"Not a corrections file: {error}") from error
        return cls(items)

    def merged_with(self, other: Corrections) -> Corrections:
        """This list plus the corrections of `other` it does not have yet (for imports)."""
        return Corrections([*self.items, *(c for c in other.items if c not in self.items)])


def _apply_one(correction: Correction, pool: list[Entity]) -> list[Entity]:
    target = next((e for e in pool if e.type == correction.type and e.key == correction.key), None)
    if target is None:
        return pool
    if correction.action == Action.HIDE:
        return [e for e in pool if e is not target]
    if correction.action == Action.RENAME:
        old_name = target.name
        target.key = target.name = correction.value
        if old_name not in target.aliases and old_name != correction.value:
            target.aliases.append(old_name)
        return _fold_duplicates(pool, target)
    if correction.action == Action.RETYPE:
        target.type = EntityType(correction.value)
        return _fold_duplicates(pool, target)
    # MERGE: into an entity of the same type present in this document, else rename to it.
    into = next((e for e in pool if e.type == correction.type and e.key == correction.value), None)
    if into is None:
        target.aliases.append(target.name) if target.name not in target.aliases else None
        target.key = correction.value
        target.name = correction.value
        return pool
    _absorb(into, target)
    return [e for e in pool if e is not target]


def _add_marked(correction: Correction, pool: list[Entity], text: str | None) -> list[Entity]:
    """The entity a `mark` correction names, with its mentions in `text`; an entity of another
    type named just so ("Van der Lee" taken for an organization) becomes this one."""
    spans = marked_spans(text or "", correction.key)
    if not spans:
        return pool
    written = text[spans[0][0] : spans[0][1]] if text else correction.key
    folded = correction.key.casefold()
    retyped = [
        e
        for e in pool
        if e.type != correction.type and (e.key.casefold() == folded or e.name.casefold() == folded)
    ]
    pool = [e for e in pool if not any(e is r for r in retyped)]
    target = next(
        (e for e in pool if e.type == correction.type and e.key == correction.value), None
    )
    if target is None:
        name = correction.value if correction.type != EntityType.COUNTRY else written
        target = Entity(correction.type, correction.value, name, reason="marked")
        pool.append(target)
    new = [span for span in spans if span not in target.spans]
    target.count += len(new)
    target.spans = sorted(target.spans + new)
    if written != target.name and written not in target.aliases:
        target.aliases.append(written)
    for other in retyped:  # its mentions are (mostly) the marked ones: count each once
        extra = [span for span in other.spans if span not in target.spans]
        target.count += len(extra)
        target.spans = sorted(target.spans + extra)
        for alias in (other.name, *other.aliases):
            if alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
    return pool


def marked_spans(text: str, words: str) -> list[tuple[int, int]]:
    """Where `words` stand in `text` as whole words, in any spacing and case but for the
    last word's first letter: "Van der Lee" is also "van der Lee", "Bos" is not "bos"."""
    parts = words.split()
    if not parts or not text:
        return []
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(p) for p in parts) + r"(?!\w)"
    capital = parts[-1][:1].isupper()
    found = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        last = match.group().split()[-1]
        if last[:1].isupper() == capital:
            found.append(match.span())
    return found


def _fold_duplicates(pool: list[Entity], changed: Entity) -> list[Entity]:
    """After a rename or retype two entries may be the same entity: keep one."""
    twin = next(
        (e for e in pool if e is not changed and e.type == changed.type and e.key == changed.key),
        None,
    )
    if twin is None:
        return pool
    _absorb(twin, changed)
    return [e for e in pool if e is not changed]


def _absorb(into: Entity, other: Entity) -> None:
    into.count += other.count
    into.spans = sorted(into.spans + other.spans)
    for alias in (other.name, *other.aliases):
        if alias != into.name and alias not in into.aliases:
            into.aliases.append(alias)
