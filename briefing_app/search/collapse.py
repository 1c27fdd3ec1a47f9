"""Near-duplicate collapsing: the hits of one group of near-duplicate documents show as one,
the best ranked, which lists the others as `similar`.

The groups come from the library (doc id -> group id, only for documents that have a near
duplicate); here they are located in the current searcher's segments once per searcher and
set of groups, so a search pays a numpy lookup for the count and a dict lookup per ranked hit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from briefing_app.search.matches import Mask, Segment
from briefing_app.search.whoosh_internals.access import segment_terms
from briefing_app.search.whoosh_internals.postings import field_doc_ids, posting_arrays

ID_FIELD = "id"


@dataclass
class Members:
    """Where the grouped documents are: global document numbers and their group numbers
    (deleted documents included: the masks leave them out)."""

    docnums: npt.NDArray[np.int64]
    groups: npt.NDArray[np.int64]
    group_of: dict[int, int]  # document number -> group number


@dataclass
class Collapsed:
    """A page walk: the representatives (best ranked of their group, or ungrouped), and per
    group number the other hits met on the way, in rank order (document number, score)."""

    page: list[tuple[int, float]] = field(default_factory=list)
    seen: dict[int, list[tuple[int, float]]] = field(default_factory=dict)


class DuplicateLocator:
    """Each segment's id -> document number table (segments never change: read once), and the
    groups' members located in the current segments (again only when either changes)."""

    def __init__(self) -> None:
        self._ids_by_segment: dict[str, dict[str, int]] = {}
        self._located: tuple[tuple[str | None, ...], Mapping[str, str], Members] | None = None

    def members(self, segments: list[Segment], groups: Mapping[str, str]) -> Members:
        key = tuple(segment.segment_id for segment in segments)
        if self._located is not None and self._located[0] == key and self._located[1] is groups:
            return self._located[2]
        alive = set(key)
        for gone in set(self._ids_by_segment) - alive:
            del self._ids_by_segment[gone]
        numbers: dict[str, int] = {}
        docnums: list[int] = []
        numbered: list[int] = []
        for segment in segments:
            table = self._segment_ids(segment)
            for doc_id, group in groups.items():
                local = table.get(doc_id)
                if local is not None:
                    docnums.append(segment.base + local)
                    numbered.append(numbers.setdefault(group, len(numbers)))
        found = Members(
            np.array(docnums, dtype=np.int64),
            np.array(numbered, dtype=np.int64),
            dict(zip(docnums, numbered, strict=True)),
        )
        self._located = (key, groups, found)
        return found

    def read_one(self, segments: list[Segment]) -> bool:
        """Reads the ids of one segment not read yet (idle time); False when none is left."""
        for segment in segments:
            if segment.segment_id is not None and segment.segment_id not in self._ids_by_segment:
                self._segment_ids(segment)
                return True
        return False

    def _segment_ids(self, segment: Segment) -> dict[str, int]:
        key = segment.segment_id
        if key is None:
            return {}
        table = self._ids_by_segment.get(key)
        if table is None:
            table = self._ids_by_segment[key] = segment_ids(segment.searcher.reader())
        return table


def segment_ids(reader: Any) -> dict[str, int]:
    """id -> document number in one segment (the last, for an id held twice: a deleted older
    version). A term held by one document has it as its smallest id in the term table: one
    walk over the table, ~5 us a document (decoding every id's posting list: ~35 us)."""
    terms = segment_terms(reader)
    if terms is None or ID_FIELD not in reader.schema:
        return {
            btext.decode("utf-8"): int(docs[-1])
            for btext, docs in field_doc_ids(reader, ID_FIELD)
            if len(docs)
        }
    table: dict[str, int] = {}
    for (fieldname, btext), info in terms.items_from(ID_FIELD, b""):
        if fieldname != ID_FIELD:
            break
        if info.doc_frequency() == 1:
            table[btext.decode("utf-8")] = int(info.min_id())
        else:
            docs = posting_arrays(reader, ID_FIELD, btext)[0]
            if len(docs):
                table[btext.decode("utf-8")] = int(docs[-1])
    return table


def hidden_count(every: Mask, members: Members) -> int:
    """How many matches a collapse hides: each matched group's members but one. `every` is
    the masks of all segments, one after the other (global document numbers)."""
    if not len(members.docnums):
        return 0
    matched = every[members.docnums]
    found = int(np.count_nonzero(matched))
    return found - len(np.unique(members.groups[matched])) if found else 0


def walk(ranked: list[tuple[int, float]], group_of: Mapping[int, int], wanted: int) -> Collapsed:
    """Representatives of the ranked hits (document number, score) until `wanted` of them;
    each group's later hits are kept aside under its number (those after the last
    representative too)."""
    out = Collapsed()
    for docnum, score in ranked:
        group = group_of.get(docnum)
        if group is None:
            if len(out.page) < wanted:
                out.page.append((docnum, score))
            continue
        if group in out.seen:
            out.seen[group].append((docnum, score))
        elif len(out.page) < wanted:
            out.seen[group] = []
            out.page.append((docnum, score))
    return out


def unranked_members(every: Mask, members: Members, group: int, known: set[int]) -> list[int]:
    """Global document numbers of the group's matching members not in `known`, in order."""
    matched = every[members.docnums] & (members.groups == group)
    return [docnum for docnum in members.docnums[matched].tolist() if docnum not in known]
