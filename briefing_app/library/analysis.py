"""One file in, everything the library stores about it out. A pure function of the file, so
it can run in worker processes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing_app.documents import Document, DocumentError, read_document
from briefing_app.entities import DocumentEntities, extract_entities
from briefing_app.entities.corrections import Corrections
from briefing_app.entities.evidence import first_mention
from briefing_app.library.catalog import CatalogEntry, EntityRow, now_iso
from briefing_app.library.duplicates import fingerprint
from briefing_app.search import IndexRecord
from briefing_app.search.index import PreparedRecord, prepare_record


@dataclass(frozen=True)
class AnalysedFile:
    entry: CatalogEntry
    # What the index gets: a record with its text analysed already (worker processes, which
    # then send only this), or a plain record.
    indexable: IndexRecord | PreparedRecord
    entities: list[EntityRow]


@dataclass(frozen=True)
class FailedFile:
    path: str
    reason: str


def document_id(path: Path | str) -> str:
    """Stable id from the absolute path: ids survive index rebuilds."""
    return hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:12]


def analyse_file(
    path: Path, max_bytes: int, corrections: Corrections | None = None, *, prepare: bool = False
) -> AnalysedFile | FailedFile:
    """`prepare` also analyses the text for the index (see `prepare_record`)."""
    try:
        document = read_document(path, max_bytes=max_bytes)
    except DocumentError as error:
        return FailedFile(str(error.path), error.reason)
    analysed = analyse_document(document, corrections)
    if not prepare:
        return analysed
    record = analysed.indexable
    assert isinstance(record, IndexRecord)
    return AnalysedFile(analysed.entry, prepare_record(record), analysed.entities)


def entity_text(document: Document) -> str:
    """What entities are extracted from: the title and the body without page furniture."""
    return f"{document.title}\n\n{document.searchable_text}"


def analyse_document(document: Document, corrections: Corrections | None = None) -> AnalysedFile:
    doc_id = document_id(document.path)
    text = entity_text(document)
    entities = extract_entities(text, document.language)
    if corrections is not None:
        entities = corrections.apply(entities, text)
    rows = _entity_rows(entities, text)
    entry = catalog_entry(document, doc_id)
    record = index_record(
        entry, document.searchable_text, rows, page_starts=document.searchable_page_starts
    )
    return AnalysedFile(entry, record, rows)


def catalog_entry(document: Document, doc_id: str | None = None) -> CatalogEntry:
    """What the catalog keeps about a document (its id from the path unless given)."""
    return CatalogEntry(
        id=doc_id or document_id(document.path),
        path=str(document.path),
        content_hash=document.content_hash,
        size=document.size,
        mtime=document.mtime,
        language=document.language,
        title=document.title,
        date=document.date,
        kind=str(document.kind),
        source=document.source,
        tags=document.tags,
        warnings=document.warnings,
        imported_at=now_iso(),
        fingerprint=fingerprint(document.searchable_text),
    )


def index_record(
    entry: CatalogEntry,
    body: str,
    entities: list[EntityRow],
    *,
    page_starts: tuple[int, ...] = (),
) -> IndexRecord:
    by_type: dict[str, list[EntityRow]] = {"person": [], "country": [], "org": []}
    for row in entities:
        by_type.setdefault(row.type, []).append(row)
    aliases = tuple(f"{row.type}:{alias}" for row in entities for alias in (row.name, *row.aliases))
    return IndexRecord(
        id=entry.id,
        path=entry.path,
        title=entry.title,
        body=body,
        language=entry.language,
        date=entry.date,
        kind=entry.kind,
        source=entry.source,
        tags=entry.tags,
        content_hash=entry.content_hash,
        people=tuple(row.key for row in by_type["person"]),
        countries=tuple(row.key for row in by_type["country"]),
        organizations=tuple(row.key for row in by_type["org"]),
        entity_aliases=aliases,
        page_starts=page_starts,
    )


def _entity_rows(entities: DocumentEntities, text: str) -> list[EntityRow]:
    rows = []
    for group in (entities.people, entities.countries, entities.organizations):
        for entity in group:
            rows.append(
                EntityRow(
                    type=str(entity.type),
                    key=entity.key,
                    name=entity.name,
                    count=entity.count,
                    aliases=tuple(entity.aliases),
                    evidence=first_mention(text, entity.spans, entity.reason).to_json(),
                )
            )
    return rows
