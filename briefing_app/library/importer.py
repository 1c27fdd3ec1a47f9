"""Importing files and folders: incremental (unchanged files are skipped), batch-committed
(documents become searchable while a long import goes on), never stopped by one bad file."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing_app.documents import SUPPORTED_SUFFIXES
from briefing_app.entities.corrections import Corrections
from briefing_app.library.analysis import AnalysedFile, FailedFile, analyse_file
from briefing_app.library.catalog import Catalog
from briefing_app.search import SearchIndex

BATCH_SIZE = 200  # documents per commit: searchable early, without a commit per file


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
    files: list[Path] = []
    folders: list[Path] = []
    failed: list[FailedFile] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            failed.append(FailedFile(str(path), "no such file or folder"))
            continue
        path = path.resolve()
        if path.is_dir():
            folders.append(path)
            for found in _walk(path, failed):
                if found not in seen:
                    seen.add(found)
                    files.append(found)
        elif path not in seen:
            seen.add(path)
            files.append(path)
    return files, folders, failed


def _walk(folder: Path, failed: list[FailedFile]) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        failed.append(FailedFile(str(error.filename), f"cannot read folder ({error.strerror})"))

    for root, dirs, names in os.walk(folder, onerror=on_error, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop: walked already
            dirs[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path.resolve()
            else:
                failed.append(
                    FailedFile(
                        str(path),
                        f"unsupported file type {path.suffix or '(no extension)'} "
                        f"(Briefing reads {', '.join(sorted(SUPPORTED_SUFFIXES))})",
                    )
                )


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
        files, folders, report.failed = discover(paths)
        for folder in folders:
            self._catalog.add_root(str(folder))
        pending: list[tuple[AnalysedFile, bool]] = []
        for done, path in enumerate(files, start=1):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if progress is not None:
                progress(ImportProgress(done, len(files), str(path)))
            self._import_one(path, report, pending, force)
            if len(pending) >= BATCH_SIZE:
                self._flush(pending)
        self._flush(pending)
        if not report.cancelled:
            self._remove_missing(folders, prune, report)
        return report

    def _import_one(
        self,
        path: Path,
        report: ImportReport,
        pending: list[tuple[AnalysedFile, bool]],
        force: bool,
    ) -> None:
        key = str(path)
        existing = self._catalog.get_by_path(key)
        if existing is not None and not force:
            try:
                stat = path.stat()
            except OSError as error:
                report.failed.append(FailedFile(key, f"cannot read ({error.strerror})"))
                return
            if stat.st_size == existing.size and stat.st_mtime == existing.mtime:
                report.unchanged.append(key)
                return
        result = analyse_file(path, self._max_bytes, self._corrections)
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
        pending.append((result, existing is not None))

    def _flush(self, pending: list[tuple[AnalysedFile, bool]]) -> None:
        if not pending:
            return
        # Index first, catalog second: a crash in between leaves documents the catalog does
        # not know yet, which the next import simply indexes again.
        with self._index.writing() as writer:
            for analysed, _ in pending:
                writer.upsert(analysed.record)
        self._catalog.save(
            [analysed.entry for analysed, _ in pending],
            {analysed.entry.id: analysed.entities for analysed, _ in pending},
        )
        self._committed += len(pending)
        pending.clear()
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
