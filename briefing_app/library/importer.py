"""Importing files and folders: incremental (unchanged files are skipped), batch-committed
(documents become searchable while a long import goes on), never stopped by one bad file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from briefing_app.documents import SUPPORTED_SUFFIXES
from briefing_app.entities.corrections import Corrections
from briefing_app.library.analysis import AnalysedFile, FailedFile, analyse_file
from briefing_app.library.catalog import Catalog, CatalogEntry, EntityRow
from briefing_app.library.workers import analyse_files
from briefing_app.search import IndexWriteSession, SearchIndex

# Documents per commit. The first commit is small so the first documents are searchable within
# a second; later ones grow x4 up to a quarter of the import (at least MIN_BATCH_CAP, at most
# MAX_BATCH_CAP). Each commit leaves a segment that every search visits and that is too costly
# to merge away (a merge re-sorts all its postings in Python), so big imports commit big; and
# the writer's cost is partly per posting block, which a bigger commit shares among more
# documents.
# The writer's pool holds a commit's postings (~36 bytes each), hence the cap.
FIRST_BATCH_SIZE = 8
MIN_BATCH_CAP = 1000
MAX_BATCH_CAP = 6144
BULK_LOOKUP = 200


@dataclass
class ImportProgress:
    done: int
    total: int
    path: str


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


ProgressCallback = Callable[[ImportProgress], None]
CancelCheck = Callable[[], bool]
CommitCallback = Callable[[int], None]  # documents committed so far


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Path], list[FailedFile]]:
    """Files to import, folders that were walked, and paths that cannot be imported at all."""
    folders: list[Path] = []
    failed: list[FailedFile] = []
    files = list(discover_lazily(paths, folders, failed))
    return files, folders, failed


def discover_lazily(
    paths: Iterable[Path], folders: list[Path], failed: list[FailedFile]
) -> Iterator[Path]:
    """The files to import, as they are found; the folders walked and the paths that cannot be
    imported are appended to `folders` and `failed` meanwhile (complete once it is exhausted)."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            failed.append(FailedFile(printable(path), "no such file or folder"))
            continue
        if not _is_utf8(str(path)):
            failed.append(FailedFile(printable(path), "file name is not valid UTF-8"))
            continue
        path = path.resolve()
        if path.is_dir():
            folders.append(path)
            for found in _walk(path, failed):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif path not in seen:
            seen.add(path)
            yield path


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes arrive as lone surrogates
        return False
    return True


def printable(path: Path) -> str:
    """A path that can be printed and stored whatever bytes its name has."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _walk(folder: Path, failed: list[FailedFile]) -> Iterator[Path]:
    """The importable files under `folder`, in os.walk's top-down order (folders and names
    sorted, dot-names skipped, links followed, each folder once); what cannot be imported is
    added to `failed`. Directory entries, not Path objects, until a file is kept: making a Path
    per file and asking it whether it is a link (a system call) costs ~15 us a file, which at
    50,000 files would be most of an import's first second."""
    visited: set[tuple[int, int]] = set()
    pending = [os.fspath(folder)]
    while pending:
        root = pending.pop()
        try:
            with os.scandir(root) as found:
                entries = list(found)
            stat = os.stat(root)
        except OSError as error:
            failed.append(FailedFile(str(error.filename), f"cannot read folder ({error.strerror})"))
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop: walked already
            continue
        visited.add((stat.st_dev, stat.st_ino))
        folders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()  # follows links, as os.walk(followlinks=True)
            except OSError:
                is_folder = False
            (folders if is_folder else files).append(entry)
        # Depth first, each folder's files before its subfolders, as os.walk(topdown=True).
        pending.extend(entry.path for entry in sorted(folders, key=_name, reverse=True))
        # Resolved once per folder: a file that is not a link resolves to it plus its name.
        real_root = Path(os.path.realpath(root))
        for entry in sorted(files, key=_name):
            name = entry.name
            if not _is_utf8(name):
                # SQLite (and most tools) cannot store such a name; say so instead of failing.
                failed.append(
                    FailedFile(printable(Path(entry.path)), "file name is not valid UTF-8")
                )
            elif os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                if not entry.is_symlink():
                    yield real_root / name
                elif not os.path.exists(entry.path):
                    failed.append(FailedFile(entry.path, "broken link: its target is missing"))
                else:
                    yield Path(entry.path).resolve()
            else:
                suffix = Path(name).suffix
                failed.append(
                    FailedFile(
                        entry.path,
                        f"unsupported file type {suffix or '(no extension)'} "
                        f"(Briefing reads {', '.join(sorted(SUPPORTED_SUFFIXES))})",
                    )
                )


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


_ANALYSE, _UNCHANGED = object(), object()


def _state(path: Path, entry: CatalogEntry | None, force: bool) -> object:
    """_ANALYSE (new, changed or forced), _UNCHANGED (same size and time as imported), or why
    the file cannot be read. Cheap: a stat at most; a changed time is confirmed by the hash."""
    if entry is None or force:
        return _ANALYSE
    try:
        stat = path.stat()
    except OSError as error:
        return f"cannot read ({error.strerror})"
    if stat.st_size == entry.size and stat.st_mtime == entry.mtime:
        return _UNCHANGED
    return _ANALYSE


class Importer:
    def __init__(
        self,
        catalog: Catalog,
        index: SearchIndex,
        *,
        max_bytes: int,
        corrections: Corrections | None = None,
    ) -> None:
        self._catalog = catalog
        self._index = index
        self._max_bytes = max_bytes
        self._corrections = corrections
        self._committed = 0
        self._on_commit: CommitCallback | None = None

    def run(
        self,
        paths: Iterable[Path],
        *,
        prune: bool = False,
        force: bool = False,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        committed: CommitCallback | None = None,
    ) -> ImportReport:
        """Import `paths`; `force` re-analyses files even when they did not change."""
        report = ImportReport()
        self._on_commit = committed
        folders: list[Path] = []
        discovery_failed: list[FailedFile] = []
        found = discover_lazily(paths, folders, discovery_failed)
        # The first files are imported, and committed, before the rest of the folders is
        # walked (50,000 files take ~0.5 s): the first documents are searchable that much
        # sooner. Their report, and their progress, follow the walk, so both stay in file order.
        head = list(islice(found, FIRST_BATCH_SIZE))
        head_report = ImportReport()
        head_done = 0
        batch = _OpenBatch(self._index)
        commits = 0
        try:
            for path in head:
                if cancelled is not None and cancelled():
                    head_report.cancelled = True
                    break
                head_done += 1
                entry = self._catalog.get_by_path(str(path))
                state = _state(path, entry, force)
                if state is _UNCHANGED:
                    head_report.unchanged.append(str(path))
                elif isinstance(state, str):
                    head_report.failed.append(FailedFile(str(path), state))
                else:
                    result = analyse_file(path, self._max_bytes, self._corrections, prepare=True)
                    self._import_one(path, result, entry, head_report, batch, force)
            if len(batch):
                self._commit(batch)
                commits += 1
        except BaseException:
            batch.abandon()
            raise
        files = head + list(found)
        for folder in folders:
            self._catalog.add_root(str(folder))
        for kind in ("added", "updated", "unchanged"):
            getattr(report, kind).extend(getattr(head_report, kind))
        report.failed = discovery_failed + head_report.failed
        report.cancelled = head_report.cancelled
        if progress is not None:
            for done, path in enumerate(head[:head_done], start=1):
                progress(ImportProgress(done, len(files), str(path)))
        rest = [] if report.cancelled else files[len(head) :]
        # First pass over the rest (cheap, stat only): which files need analysing at all.
        existing: dict[Path, CatalogEntry | None] = {}
        unreadable: dict[Path, str] = {}
        to_analyse: list[Path] = []
        # Many files: one catalog query instead of one per file (re-scans of big libraries).
        known = {e.path: e for e in self._catalog.all()} if len(rest) >= BULK_LOOKUP else None
        for path in rest:
            key = str(path)
            entry = known.get(key) if known is not None else self._catalog.get_by_path(key)
            existing[path] = entry
            state = _state(path, entry, force)
            if state is _ANALYSE:
                to_analyse.append(path)
            elif isinstance(state, str):
                unreadable[path] = state
        analysed = analyse_files(to_analyse, self._max_bytes, self._corrections)
        pending_paths = set(to_analyse)
        batch_size = FIRST_BATCH_SIZE * 4 if commits else FIRST_BATCH_SIZE
        batch_cap = min(MAX_BATCH_CAP, max(MIN_BATCH_CAP, len(to_analyse) // 4))
        try:
            for done, path in enumerate(rest, start=len(head) + 1):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if progress is not None:
                    progress(ImportProgress(done, len(files), str(path)))
                if path in unreadable:
                    report.failed.append(FailedFile(str(path), unreadable[path]))
                    continue
                if path not in pending_paths:
                    report.unchanged.append(str(path))
                    continue
                self._import_one(path, next(analysed), existing[path], report, batch, force)
                if len(batch) >= batch_size:
                    self._commit(batch)
                    commits += 1
                    batch_size = min(batch_cap, batch_size * 4)
        except BaseException:
            batch.abandon()
            raise
        finally:
            analysed.close()
        if len(batch):
            self._commit(batch)
            commits += 1
        if commits > 1:
            self._index.merge_segments()
        if not report.cancelled:
            self._remove_missing(folders, prune, report)
        return report

    def _import_one(
        self,
        path: Path,
        result: AnalysedFile | FailedFile,
        existing: CatalogEntry | None,
        report: ImportReport,
        batch: _OpenBatch,
        force: bool,
    ) -> None:
        key = str(path)
        if isinstance(result, FailedFile):
            report.failed.append(result)
            return
        if (
            existing is not None
            and existing.content_hash == result.entry.content_hash
            and not force
        ):
            self._catalog.touch(existing.id, result.entry.mtime)
            report.unchanged.append(key)
            return
        (report.updated if existing is not None else report.added).append(key)
        batch.add(result)

    def _commit(self, batch: _OpenBatch) -> None:
        # Index first, catalog second: a crash in between leaves documents the catalog does
        # not know yet, which the next import simply indexes again.
        entries, entities = batch.commit()
        self._catalog.save(entries, entities)
        self._committed += len(entries)
        if self._on_commit is not None:
            self._on_commit(self._committed)

    def _remove_missing(self, folders: list[Path], prune: bool, report: ImportReport) -> None:
        candidates: dict[str, str] = {}
        for folder in folders:
            candidates.update(self._catalog.paths_under(str(folder)))
        if prune:
            candidates.update({entry.path: entry.id for entry in self._catalog.all()})
        gone = {path: doc_id for path, doc_id in candidates.items() if not Path(path).exists()}
        if not gone:
            return
        with self._index.writing() as writer:
            for doc_id in gone.values():
                writer.delete(doc_id)
        self._catalog.remove(gone.values())
        report.removed.extend(sorted(gone))


class _OpenBatch:
    """A commit being filled: each document goes to the index writer as it arrives, and only
    its catalog entry waits here for the commit."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        self._writing: ExitStack | None = None
        self._session: IndexWriteSession | None = None
        self._entries: list[CatalogEntry] = []
        self._entities: dict[str, list[EntityRow]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, analysed: AnalysedFile) -> None:
        if self._session is None:
            self._writing = ExitStack()
            self._session = self._writing.enter_context(self._index.writing(merge=False))
        self._session.upsert(analysed.indexable)
        self._entries.append(analysed.entry)
        self._entities[analysed.entry.id] = analysed.entities

    def commit(self) -> tuple[list[CatalogEntry], dict[str, list[EntityRow]]]:
        done = (self._entries, self._entities)
        writing, self._writing, self._session = self._writing, None, None
        self._entries, self._entities = [], {}
        if writing is not None:
            writing.close()  # leaves `writing()` normally: commits
        return done

    def abandon(self) -> None:
        writing, self._writing, self._session = self._writing, None, None
        self._entries, self._entities = [], {}
        if writing is not None:
            # Leaves `writing()` with an error: the writer cancels, nothing is committed.
            writing.__exit__(RuntimeError, RuntimeError("import abandoned"), None)
