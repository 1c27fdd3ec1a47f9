"""The Library facade: the one object both front ends (CLI and GUI) talk to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing_app.documents import DEFAULT_MAX_BYTES, Document, DocumentError, read_document
from briefing_app.library.analysis import AnalysedFile, analyse_file, document_id, index_record
from briefing_app.library.catalog import Catalog, CatalogEntry, EntityRow
from briefing_app.library.importer import (
    CancelCheck,
    Importer,
    ImportReport,
    ProgressCallback,
)
from briefing_app.search import (
    IndexCorruptError,
    IndexRecord,
    SearchIndex,
    SearchRequest,
    SearchResults,
)

CATALOG_FILE = "library.sqlite3"
INDEX_DIR = "search-index"


class LibraryError(Exception):
    """Something the user must act on (a data folder that cannot be used, a missing id)."""


@dataclass(frozen=True)
class OpenedDocument:
    entry: CatalogEntry
    document: Document | None  # None when the source file cannot be read any more
    problem: str | None
    entities: list[EntityRow]


Notify = Callable[[str], None]


class Library:
    def __init__(
        self,
        data_dir: Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        notify: Notify | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.max_bytes = max_bytes
        self._notify = notify or (lambda message: None)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.catalog = Catalog(self.data_dir / CATALOG_FILE)
        except OSError as error:
            raise LibraryError(
                f"Cannot use the data folder {self.data_dir}: {error.strerror or error}"
            ) from error
        self.index = SearchIndex(self.data_dir / INDEX_DIR)
        self._open_index()

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.index.close()
        self.catalog.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open_index(self) -> None:
        try:
            self.index.open()
        except IndexCorruptError as problem:
            if self.catalog.count() == 0:
                self.index.create_empty()
                return
            self._notify(f"Rebuilding the search index from the source files ({problem}).")
            self.reindex()

    # -- importing -------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[Path | str],
        *,
        prune: bool = False,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ImportReport:
        importer = Importer(self.catalog, self.index, max_bytes=self.max_bytes)
        return importer.run(
            [Path(p) for p in paths], prune=prune, progress=progress, cancelled=cancelled
        )

    def rescan(self, *, progress: ProgressCallback | None = None) -> ImportReport:
        """Re-import every folder imported before, and drop documents whose files are gone."""
        roots = [Path(root) for root in self.catalog.roots() if Path(root).exists()]
        loose = [
            Path(entry.path)
            for entry in self.catalog.all()
            if not any(Path(entry.path).is_relative_to(root) for root in roots)
        ]
        return self.import_paths([*roots, *loose], prune=True, progress=progress)

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the index from the source files into a temporary folder, then swap."""
        entries = self.catalog.all()
        gone: list[str] = []

        def records() -> Iterable[IndexRecord]:
            for done, entry in enumerate(entries, start=1):
                if progress is not None:
                    progress(done, len(entries))
                result = analyse_file(Path(entry.path), self.max_bytes)
                if isinstance(result, AnalysedFile):
                    self.catalog.save([result.entry], {result.entry.id: result.entities})
                    yield result.record
                else:
                    gone.append(entry.id)

        count = self.index.rebuild(records())
        if gone:
            self.catalog.remove(gone)
            self._notify(f"{len(gone)} documents could not be read any more and were dropped.")
        return count

    # -- reading ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        return self.index.search(request)

    def documents(self) -> list[CatalogEntry]:
        return self.catalog.all()

    def document_count(self) -> int:
        return self.catalog.count()

    def find(self, id_or_path: str) -> CatalogEntry:
        """A document by id, unique id prefix, or path (absolute or relative to the cwd)."""
        entry = self.catalog.get(id_or_path)
        if entry is None:
            candidate = Path(id_or_path).expanduser()
            if candidate.exists() or candidate.is_absolute():
                entry = self.catalog.get_by_path(str(candidate.resolve()))
        if entry is None and len(id_or_path) >= 4:
            matches = self.catalog.find_by_id_prefix(id_or_path)
            if len(matches) == 1:
                entry = matches[0]
        if entry is None:
            raise LibraryError(f"No document with id or path '{id_or_path}' in this library.")
        return entry

    def open_document(self, id_or_path: str) -> OpenedDocument:
        entry = self.find(id_or_path)
        entities = self.catalog.entities_of(entry.id)
        try:
            document = read_document(Path(entry.path), max_bytes=self.max_bytes)
        except DocumentError as error:
            return OpenedDocument(entry, None, error.reason, entities)
        problem = None
        if document.content_hash != entry.content_hash:
            problem = "the file changed since it was imported; re-import to update the index"
        return OpenedDocument(entry, document, problem, entities)

    def entity_table(self, entity_type: str | None = None) -> list[tuple[EntityRow, int]]:
        return self.catalog.entity_table(entity_type)


__all__ = ["Library", "LibraryError", "OpenedDocument", "document_id", "index_record"]
