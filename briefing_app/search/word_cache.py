"""Word tables kept decoded in the user's cache folder: simplemma's lemma dictionaries and
the compound splitter's word list.

simplemma keeps each dictionary front-coded and LZMA-compressed; decoding one takes 0.5-1 s
(Dutch), and reading the splitter's word list another 0.2 s, in every process that analyses
text: each import worker, the search process, each `briefing search`. Decoded once, each
table is kept as a marshal file, which loads in a tenth of that. Each file is a cache of a
pure function of installed files: keyed by their version, rebuilt when missing or
unreadable, and never needed (without a writable cache folder each process decodes the
tables itself).
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

# Bump when what is stored changes.
_FORMAT = 2
CACHE_ENV_VAR = "BRIEFING_CACHE_DIR"

T = TypeVar("T")


def cache_dir() -> Path:
    """$BRIEFING_CACHE_DIR, else the user's cache folder for Briefing."""
    return Path(
        os.environ.get(CACHE_ENV_VAR) or platformdirs.user_cache_dir("Briefing", appauthor=False)
    )


def cached(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """The value stored under `name` (a marshal-able `kind`), built and stored when missing,
    damaged or of another kind. `name` must change whenever `build` would give another
    value."""
    path = cache_dir() / f"{name}-v{_FORMAT}.marshal"
    try:
        stored: Any = marshal.loads(path.read_bytes())  # (marshal.load reads piecemeal)
        if isinstance(stored, kind):
            return stored
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or damaged: built again below
    value = build()
    _store(path, value)
    return value


def load_forms(language: str) -> dict[bytes, bytes]:
    """simplemma's table of a language: form -> lemma, both UTF-8 (separable Dutch verbs
    written "uit_breiden")."""
    return cached(
        f"lemmas-{language}-simplemma-{_simplemma_version()}", dict, lambda: _decode(language)
    )


def load_lemmas(language: str) -> frozenset[str]:
    """The lemmas of simplemma's table of a language, as written and lower-cased, without
    the underscore of separable verbs."""

    def build() -> frozenset[str]:
        values = set(load_forms(language).values())
        lemmas = {lemma.decode().replace("_", "") for lemma in values}
        return frozenset(lemmas | {lemma.lower() for lemma in lemmas})

    return cached(f"lemma-set-{language}-simplemma-{_simplemma_version()}", frozenset, build)


def file_key(path: Path) -> str:
    """A cache name part that changes whenever the file does."""
    info = path.stat()
    return f"{path.stem}-{info.st_size}-{info.st_mtime_ns}"


def _simplemma_version() -> str:
    try:
        return metadata.version("simplemma")
    except metadata.PackageNotFoundError:  # a frozen bundle may lack the package metadata
        import simplemma

        return str(getattr(simplemma, "__version__", "unknown"))


def _decode(language: str) -> dict[bytes, bytes]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    mapping = DefaultDictionaryFactory().get_dictionary(language)
    raw = getattr(mapping, "_dict", None)  # simplemma keeps a bytes dict behind its Mapping
    if isinstance(raw, dict):
        return raw
    return {form.encode(): lemma.encode() for form, lemma in mapping.items()}


def _store(path: Path, value: Any) -> None:
    """Write atomically, so a process reading meanwhile sees the whole file or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(value))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass  # a read-only or full cache folder costs speed only
