"""simplemma's lemma dictionary of a language, loaded fast.

simplemma keeps each dictionary front-coded and LZMA-compressed; decoding one takes 0.5-1 s
(Dutch) and happens in every process that analyses text: each import worker, the search
process, each `briefing search`. The decoded table is kept in the user's cache folder as a
marshal file, which loads in a tenth of that. It is a cache of a pure function of the
installed simplemma: keyed by its version, rebuilt when missing or unreadable, and never
needed (without a writable cache folder each process decodes the dictionary itself).
"""

from __future__ import annotations

import marshal
import os
import tempfile
from importlib import metadata
from pathlib import Path

import platformdirs

# Bump when what is stored changes.
_FORMAT = 1
CACHE_ENV_VAR = "BRIEFING_CACHE_DIR"


def cache_dir() -> Path:
    """$BRIEFING_CACHE_DIR, else the user's cache folder for Briefing."""
    return Path(
        os.environ.get(CACHE_ENV_VAR) or platformdirs.user_cache_dir("Briefing", appauthor=False)
    )


def _simplemma_version() -> str:
    try:
        return metadata.version("simplemma")
    except metadata.PackageNotFoundError:  # a frozen bundle may lack the package metadata
        import simplemma

        return str(getattr(simplemma, "__version__", "unknown"))


def _cache_file(language: str) -> Path:
    version = _simplemma_version()
    return cache_dir() / f"lemmas-{language}-simplemma-{version}-v{_FORMAT}.marshal"


def load_forms(language: str) -> dict[bytes, bytes]:
    """simplemma's table of a language: form -> lemma, both UTF-8 (separable Dutch verbs
    written "uit_breiden")."""
    path = _cache_file(language)
    try:
        stored = marshal.loads(path.read_bytes())  # (marshal.load reads a file piecemeal)
        if isinstance(stored, dict):
            return stored
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or damaged: decode it again below
    forms = _decode(language)
    _store(path, forms)
    return forms


def _decode(language: str) -> dict[bytes, bytes]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    mapping = DefaultDictionaryFactory().get_dictionary(language)
    raw = getattr(mapping, "_dict", None)  # simplemma keeps a bytes dict behind its Mapping
    if isinstance(raw, dict):
        return raw
    return {form.encode(): lemma.encode() for form, lemma in mapping.items()}


def _store(path: Path, forms: dict[bytes, bytes]) -> None:
    """Write atomically, so a process reading meanwhile sees the whole file or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(forms))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder costs speed only
