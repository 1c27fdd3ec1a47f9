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
    # Tables this process holds already would answer without the folder.
    lemma_store.forms_table.cache_clear()
    lemma_store.lemmas_table.cache_clear()
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
    lemma_store.forms_table.cache_clear()  # as a new process would
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


def test_a_word_table_answers_from_its_file_until_a_process_looks_up_many_words(
    cache: Path,
) -> None:
    builds: list[int] = []

    def build() -> dict[str, float]:
        builds.append(1)
        return {"kind": 5.0, "kinderen": 4.5}

    lemma_store.WordTable("zipf-test", dict, build).whole()  # kept for the next process
    [stored] = cache.glob("zipf-test-*.marshal")
    stored.unlink()  # so that loading the whole table would have to build it again
    lemma_store.WordTable("zipf-test", dict, build).get("kind")  # writes the lookup file
    assert len(builds) == 2 and list(cache.glob("zipf-test-*.sqlite3"))

    stored.unlink()
    fresh = lemma_store.WordTable("zipf-test", dict, build, load_after=3)
    assert fresh.get("kinderen") == 4.5 and "kind" in fresh and "kindje" not in fresh
    assert len(builds) == 2  # three lookups: answered by the file
    assert fresh.get("kind") == 5.0 and len(builds) == 3  # the fourth loads the table


def test_a_damaged_lookup_file_is_written_again(cache: Path) -> None:
    table = lemma_store.lemmas_table("en")
    assert "child" in table
    [stored] = cache.glob("lemma-set-en-*.sqlite3")
    stored.write_bytes(b"not a database" * 100)
    fresh = lemma_store.WordTable(table.name, frozenset, lambda: frozenset({"child"}))
    assert "child" in fresh and "childs" not in fresh
    assert stored.read_bytes().startswith(b"SQLite format 3")


def test_the_lemma_set_and_the_splitter_word_list_come_back_the_same(cache: Path) -> None:
    from briefing_app.resources import resource_path
    from briefing_app.search.analysis import _WORDLIST, DutchCompoundSplitter

    lemmas = lemma_store.load_lemmas("nl")
    assert {"kind", "organisatie", "uitbreiden"} <= lemmas
    assert lemma_store.load_lemmas("nl") == lemmas

    path = resource_path(*_WORDLIST)
    decoded = DutchCompoundSplitter.from_file(path).split("ziekenhuisbedden")
    assert DutchCompoundSplitter.from_file(path).split("ziekenhuisbedden") == decoded
    zipf, never_split = DutchCompoundSplitter.read_word_list(path)
    [stored_zipf] = cache.glob("splitter-zipf-*.marshal")
    [stored_never] = cache.glob("splitter-never-*.marshal")
    assert marshal.loads(stored_zipf.read_bytes()) == zipf
    assert marshal.loads(stored_never.read_bytes()) == frozenset(never_split)
