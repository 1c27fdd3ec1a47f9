"""Every name an entity goes by, so that a search for one finds the others.

"EU", "Europese Unie" and "European Union" are one organization; "VS", "Verenigde Staten"
and "United States" one country. The table holds, per entity, its names in Dutch and English:
the organizations gazetteer (names and acronyms), the countries' names from CLDR and the
curated list (never their adjectives: "Dutch" is not "Netherlands"), and the user's
corrections (a rename or merge makes the names one entity; a hidden entity expands nothing).

Which typed words name an entity (`AliasTable.names_for`):
- names with two or more capitals and no space (EU, VN, VS, KMar, VN-Veiligheidsraad) only
  when typed with two capitals or more (KMAR too): "un", "vs" and "eu" are ordinary words;
- one-word names of organizations and people (Europol, Kamer) only with a capital first
  letter, as they are written; one-word country names (duitsland) and names of more than one
  word (europese unie) in any case; accents never matter.

Which names are searched for on another name's behalf (the table's targets), leaving out
the names that, searched for, would find other things (typed, they still expand):
- a country's name that another country's longer name holds ("Korea" is in "Noord-Korea",
  "Ireland" in "Northern Ireland"), or that ends a region's name ("America" of "Latin
  America");
- an acronym or a one-word name of an organization or person that is an everyday word once
  lower-cased, as the index sees it ("US", "WHO", "Kamer", "Shell"), or that begins a
  look-alike ("Meta-analyse").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from briefing_app.disk_cache import cached
from briefing_app.entities.corrections import Action, Correction, Corrections
from briefing_app.entities.countries import country_blockers, country_names
from briefing_app.entities.model import EntityType
from briefing_app.entities.organizations import (
    name_variants,
    organization_blockers,
    organization_records,
    resolve_organization,
)
from briefing_app.entities.stamp import entities_stamp
from briefing_app.folding import fold as fold_text
from briefing_app.resources import resource_path

# Words as the search index splits them ("U.S." is one word, "Bosnië-Herzegovina" two).
_WORD = re.compile(r"\w+(?:\.\w+)*")
# Characters the query language reads itself: a name holding one is never searched for.
_QUERY_SYNTAX = re.compile(r"[\"():~*?^\[\]{}]")
_OPERATORS = {"AND", "OR", "NOT", "TO"}

Node = tuple[str, str]  # (entity type, key)


@lru_cache(maxsize=20_000)
def fold(name: str) -> str:
    """Comparison form: case, accents, apostrophes and spacing do not matter."""
    return " ".join(fold_text(name).split())


@lru_cache(maxsize=20_000)
def words(name: str) -> tuple[str, ...]:
    """The name's words as the index sees them (folded)."""
    return tuple(_WORD.findall(fold(name)))


def is_acronym_shaped(name: str) -> bool:
    """EU, VN, KMar, VN-Veiligheidsraad: one word with two or more capitals."""
    return " " not in name and sum(1 for c in name if c.isupper()) >= 2


@dataclass
class AliasTable:
    """Names -> the other names of the same entity."""

    # fold(name) -> group ids, for names written with two or more capitals (case matters)
    acronyms: dict[str, set[int]] = field(default_factory=dict)
    # fold(name) -> (group id, whether it must be typed with a capital first letter)
    names: dict[str, set[tuple[int, bool]]] = field(default_factory=dict)
    # per group: the names searched for on its behalf, preferred first
    targets: list[tuple[str, ...]] = field(default_factory=list)
    longest: int = 1  # words in the longest name

    def names_for(self, typed: str) -> list[str]:
        """The names of the one entity `typed` names, preferred first ([] for none, or for a
        name of more than one entity). `typed` itself may be among them."""
        typed = " ".join(typed.split())
        if not typed:
            return []
        key = fold(typed)
        groups: set[int] = set()
        if is_acronym_shaped(typed):
            groups = set(self.acronyms.get(key, ()))
        if not groups:
            capital = typed[0].isupper()
            groups = {
                g for g, needs_capital in self.names.get(key, ()) if capital or not needs_capital
            }
        if len(groups) != 1:
            return []
        return list(self.targets[groups.pop()])


@dataclass
class _Group:
    names: list[str]
    countries: set[str] = field(default_factory=set)  # names that came from a country
    corrected: set[str] = field(default_factory=set)  # names that came from a correction


def alias_table(corrections: Corrections | None = None) -> AliasTable:
    """The table for the gazetteers and these corrections (built once per distinct list, and
    kept in the cache folder for the next process)."""
    return _kept_table(tuple(corrections.items) if corrections is not None else ())


@lru_cache(maxsize=4)  # a table per list of corrections; a correction makes a new list
def _kept_table(items: tuple[Correction, ...]) -> AliasTable:
    name = f"aliases-{entities_stamp()}-{hashlib.blake2b(repr(items).encode()).hexdigest()[:16]}"
    stored = cached(name, tuple, lambda: _as_tuple(_table(items)))
    acronyms, names, targets, longest = stored
    return AliasTable(acronyms, names, targets, longest)


def _as_tuple(table: AliasTable) -> tuple[Any, ...]:
    return (table.acronyms, table.names, table.targets, table.longest)


@cache
def _lines(name: str) -> frozenset[str]:
    lines = resource_path("gazetteers", name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_a_word(name: str, group: _Group) -> bool:
    """A one-word name that is also an everyday word once lower-cased: the gazetteers' are
    listed (scripts/make_alias_word_names.py), the user's are looked up in the word list."""
    if name in group.corrected:
        return name.lower() in _lines("person_common_words.txt")
    return name in _lines("alias_word_names.txt")


def _gazetteer_nodes() -> dict[Node, _Group]:
    nodes: dict[Node, _Group] = {}
    for record in organization_records():
        names = [v for name in record.names for v in name_variants(name)]
        nodes[(EntityType.ORGANIZATION.value, record.canonical)] = _Group(names)
    for code, country in sorted(country_names().items()):
        nodes[(EntityType.COUNTRY.value, code)] = _Group(list(country), set(country))
    return nodes


def _table(items: tuple[Correction, ...]) -> AliasTable:
    nodes = _gazetteer_nodes()
    parent: dict[Node, Node] = {node: node for node in nodes}

    def find(node: Node) -> Node:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def node_of(entity_type: str, key: str) -> Node | None:
        if entity_type == EntityType.COUNTRY:
            node = (entity_type, key.upper())
            return node if node in nodes else None
        if entity_type == EntityType.ORGANIZATION:
            key = resolve_organization(key) or key
        node = (entity_type, key)
        if node not in nodes:
            nodes[node] = _Group([key], corrected={key})
            parent[node] = node
        return node

    hidden: set[Node] = set()
    for item in items:
        first = node_of(item.type, item.key)
        if first is None:
            continue
        if item.action == Action.HIDE:
            hidden.add(first)
        elif item.action in (Action.RENAME, Action.MERGE):
            second = node_of(item.type, item.value)
            if second is not None:
                parent[find(first)] = find(second)

    merged: dict[Node, _Group] = {}
    for node, group in nodes.items():
        if node in hidden:
            continue
        into = merged.setdefault(find(node), _Group([]))
        into.names.extend(group.names)
        into.countries |= group.countries
        into.corrected |= group.corrected
    groups = [
        _Group(list(dict.fromkeys(g.names)), g.countries, g.corrected)
        for g in merged.values()
        if len(set(map(fold, g.names))) > 1
    ]
    return _build(groups)


def _build(groups: list[_Group]) -> AliasTable:
    table = AliasTable()
    # Every run of words of every country name, with the groups whose names hold it.
    inside: dict[tuple[str, ...], set[int]] = {}
    for index, group in enumerate(groups):
        for name in group.countries:
            for run in _runs(words(name)):
                inside.setdefault(run, set()).add(index)
    ends_a_blocker = {words(b)[-n:] for b in country_blockers() for n in range(1, len(words(b)))}
    in_a_blocker = {run for b in organization_blockers() for run in _runs(words(b))}
    for index, group in enumerate(groups):
        targets: list[str] = []
        for name in group.names:
            if _QUERY_SYNTAX.search(name) or not words(name) or _OPERATORS & set(name.split()):
                continue
            key = fold(name)
            if is_acronym_shaped(name):
                table.acronyms.setdefault(key, set()).add(index)
            else:
                needs_capital = " " not in name and name not in group.countries
                table.names.setdefault(key, set()).add((index, needs_capital))
            table.longest = max(table.longest, len(name.split()))
            if _searchable(name, group, index, inside, ends_a_blocker, in_a_blocker):
                targets.append(name)
        table.targets.append(tuple(targets))
    return table


def _searchable(
    name: str,
    group: _Group,
    index: int,
    inside: dict[tuple[str, ...], set[int]],
    ends_a_blocker: set[tuple[str, ...]],
    in_a_blocker: set[tuple[str, ...]],
) -> bool:
    found = words(name)
    if name in group.countries and inside.get(found, set()) - {index}:
        return False  # another country's name holds it (or is it): "Korea", "Congo"
    if found in ends_a_blocker:
        return False  # "America" of "Latin America"
    if " " in name:
        return True
    if is_acronym_shaped(name) or name not in group.countries:
        # The index ignores case: "US" would find "us", "WHO" "who", "Kamer" every "kamer".
        return not _is_a_word(name, group) and found not in in_a_blocker
    return True


def _runs(sequence: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    for start in range(len(sequence)):
        for end in range(start + 1, len(sequence) + 1):
            yield sequence[start:end]
