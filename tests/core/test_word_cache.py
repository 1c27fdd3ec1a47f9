"""The lemma dictionary's cache: the same table whether decoded or read back, and never in
the way (damaged or unwritable cache folders only cost speed)."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from briefing_app.search import word_cache as lemma_store


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(lemma_store.CACHE_ENV_VAR, str(folder))
    return folder


def test_the_cached_table_is_the_decoded_one(cache: Path) -> None:
    decoded = lemma_store.load_forms("en")
    assert decoded[b"children"] == b"child"
    [stored] = cache.glob("lemmas-en-simplemma-*.marshal")
    assert lemma_store.load_forms("en") == decoded
    assert stored.stat().st_size > 0


def test_a_damaged_cache_file_is_decoded_again_and_replaced(cache: Path) -> None:
    lemma_store.load_forms("en")
    [stored] = cache.glob("lemmas-en-simplemma-*.marshal")
    stored.write_bytes(b"\x00not marshal")
    assert lemma_store.load_forms("en")[b"women"] == b"woman"
    assert lemma_store.load_forms("en")[b"crises"] == b"crisis"
    assert stored.stat().st_size > 100


def test_an_unwritable_cache_folder_costs_nothing_but_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(lemma_store.CACHE_ENV_VAR, str(blocker / "cache"))
    assert lemma_store.load_forms("en")[b"spoke"] == b"speak"


def test_without_package_metadata_the_module_version_keys_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> str:
        raise lemma_store.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(lemma_store.metadata, "version", missing)
    assert lemma_store.load_forms("en")[b"analyses"] == b"analysis"
    assert list(cache.glob("lemmas-en-simplemma-2.0.0-*.marshal"))


def test_the_lemma_set_and_the_splitter_word_list_come_back_the_same(cache: Path) -> None:
    from briefing_app.resources import resource_path
    from briefing_app.search.analysis import _WORDLIST, DutchCompoundSplitter

    lemmas = lemma_store.load_lemmas("nl")
    assert {"kind", "organisatie", "uitbreiden"} <= lemmas
    assert lemma_store.load_lemmas("nl") == lemmas

    path = resource_path(*_WORDLIST)
    decoded = DutchCompoundSplitter.from_file(path).split("ziekenhuisbedden")
    [stored] = cache.glob("splitter-*.marshal")
    assert DutchCompoundSplitter.from_file(path).split("ziekenhuisbedden") == decoded
    assert marshal.loads(stored.read_bytes()) == DutchCompoundSplitter.read_word_list(path)
