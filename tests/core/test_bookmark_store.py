"""Saving bookmarks: round trips, filters, undo, schema version, re-anchoring, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkNotFoundError,
    BookmarkStatus,
    BookmarkStore,
    BookmarkStoreError,
    make_anchor,
    reconcile_document,
)
from briefing_app.bookmarks import store as store_module
from briefing_app.bookmarks.store import SCHEMA_VERSION

REPO = Path(__file__).resolve().parents[2]
TEXT = (
    "Minister Blok sprak in Brussel met de NAVO over cyberdreigingen. "
    "De NCTV waarschuwt voor ransomware bij ziekenhuizen. "
    "Mark Rutte opende de conferentie in Den Haag."
)


def bookmark(quote: str, *, text: str = TEXT, path: str = "/lib/a.txt", **fields) -> Bookmark:
    start = text.index(quote)
    return Bookmark(
        doc_content_hash="hash-a",
        doc_path=path,
        doc_title="Cyberdreigingen",
        doc_date="2018-11",
        anchor=make_anchor(text, start, start + len(quote), "hash-a"),
        **fields,
    )


@pytest.fixture
def store(tmp_path: Path):
    with BookmarkStore(tmp_path / "bookmarks.sqlite3") as opened:
        yield opened


@pytest.fixture
def three(store: BookmarkStore) -> list[Bookmark]:
    return [
        store.add(
            bookmark(
                "Minister Blok sprak in Brussel",
                note="Zie **ook** de Kamerbrief.",
                tags=("NAVO", "cyber"),
                entities=("person:Blok", "org:NAVO"),
            )
        ),
        store.add(
            bookmark(
                "De NCTV waarschuwt voor ransomware",
                tags=("cyber",),
                entities=("org:NCTV",),
                status=BookmarkStatus.ORPHANED,
            )
        ),
        store.add(
            bookmark(
                "Mark Rutte opende de conferentie",
                path="/lib/b.txt",
                entities=("person:Mark Rutte", "country:NL"),
            )
        ),
    ]


def test_round_trip_keeps_every_field(store: BookmarkStore, three: list[Bookmark]):
    for saved in three:
        assert store.get(saved.id) == saved
    assert store.list() == three
    assert store.get("missing") is None


def test_reopening_keeps_the_data(tmp_path: Path):
    path = tmp_path / "data" / "bookmarks.sqlite3"
    with BookmarkStore(path) as first:
        saved = first.add(bookmark("Mark Rutte opende", note="é 👍🏽"))
    with BookmarkStore(path) as again:
        assert again.list() == [saved]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, [0, 1, 2], id="all"),
        pytest.param({"tag": "cyber"}, [0, 1], id="tag"),
        pytest.param({"tag": "navo"}, [0], id="tag-case-insensitive"),
        pytest.param({"tag": "onbekend"}, [], id="unknown-tag"),
        pytest.param({"entity": "org:NCTV"}, [1], id="entity-type-key"),
        pytest.param({"entity": "mark rutte"}, [2], id="entity-key-case-insensitive"),
        pytest.param({"entity": "NL"}, [2], id="country-code"),
        pytest.param({"status": "orphaned"}, [1], id="status"),
        pytest.param({"status": BookmarkStatus.ANCHORED}, [0, 2], id="status-enum"),
        pytest.param({"doc_path": "/lib/b.txt"}, [2], id="document-path"),
        pytest.param({"doc_content_hash": "hash-a"}, [0, 1, 2], id="content-hash"),
        pytest.param({"text": "KAMERBRIEF"}, [0], id="text-in-note"),
        pytest.param({"text": "ransomware"}, [1], id="text-in-quote"),
        pytest.param({"text": "navo"}, [0], id="text-in-tags"),
        pytest.param({"tag": "cyber", "status": "anchored"}, [0], id="combined"),
    ],
)
def test_list_filters(store: BookmarkStore, three: list[Bookmark], filters, expected):
    assert store.list(**filters) == [three[i] for i in expected]


def test_update_changes_note_and_tags_and_bumps_updated(store, three, monkeypatch):
    # A clock a second on, injected: no waiting for the real one to pass a millisecond.
    later = datetime.fromisoformat(three[0].created) + timedelta(seconds=1)
    stamp = later.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    monkeypatch.setattr(store_module, "utc_now", lambda: stamp)
    changed = store.update(three[0].id, note="Nieuwe notitie", tags=["Defensie", " defensie ", ""])
    assert (changed.note, changed.tags) == ("Nieuwe notitie", ("Defensie",))
    assert changed.updated == stamp > three[0].updated and changed.created == three[0].created
    assert store.get(three[0].id) == changed
    assert store.update(three[0].id, note="Alleen de notitie").tags == ("Defensie",)


def test_remove_then_restore_is_a_full_undo(store, three):
    removed = store.remove(three[1].id)
    assert removed == three[1]
    assert store.get(three[1].id) is None
    assert store.tags() == [("cyber", 1), ("NAVO", 1)]

    store.restore(removed)
    # Same id and fields; list order follows `created`, so it returns to its place.
    assert sorted(store.list(), key=lambda b: b.id) == sorted(three, key=lambda b: b.id)


@pytest.mark.parametrize("action", ["update", "remove", "reattach"])
def test_unknown_id_is_a_clear_error(store, action):
    with pytest.raises(BookmarkNotFoundError, match="nope"):
        if action == "reattach":
            store.reattach("nope", make_anchor(TEXT, 0, 5, "h"))
        else:
            getattr(store, action)("nope")


def test_adding_an_existing_id_is_refused(store, three):
    with pytest.raises(BookmarkStoreError):
        store.add(three[0])


def test_tag_and_entity_counts(store, three):
    assert store.tags() == [("cyber", 2), ("NAVO", 1)]
    assert store.entity_counts() == {
        "country:NL": 1,
        "org:NAVO": 1,
        "org:NCTV": 1,
        "person:Blok": 1,
        "person:Mark Rutte": 1,
    }


def test_for_document_by_hash_or_path_in_reading_order(store, three):
    assert store.for_document(path="/lib/b.txt") == [three[2]]
    assert store.for_document(content_hash="hash-a") == three
    assert store.for_document() == []


def test_schema_version_and_pragmas(tmp_path: Path):
    path = tmp_path / "b.sqlite3"
    with BookmarkStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_newer_schema_is_refused_not_damaged(tmp_path: Path):
    path = tmp_path / "b.sqlite3"
    BookmarkStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(BookmarkStoreError, match="schema version"):
        BookmarkStore(path)


def test_tags_and_entities_are_removed_with_their_bookmark(store, three, tmp_path):
    store.remove(three[0].id)
    db = sqlite3.connect(tmp_path / "bookmarks.sqlite3")
    orphan_rows = db.execute(
        "SELECT COUNT(*) FROM bookmark_tags WHERE bookmark_id = ?", (three[0].id,)
    ).fetchone()[0]
    db.close()
    assert orphan_rows == 0


def test_reattach_anchors_an_orphan_to_new_text(store, three):
    new_text = "Nieuwe tekst: de NCTV ziet meer ransomware."
    start = new_text.index("de NCTV")
    attached = store.reattach(three[1].id, make_anchor(new_text, start, len(new_text), "hash-b"))
    assert attached.status is BookmarkStatus.ANCHORED
    assert (attached.quote, attached.doc_content_hash) == (
        "de NCTV ziet meer ransomware.",
        "hash-b",
    )


@pytest.mark.parametrize(
    ("new_text", "status", "previous_quote"),
    [
        pytest.param("Inleiding. " + TEXT, BookmarkStatus.MOVED, None, id="moved"),
        pytest.param(
            TEXT.replace("sprak in Brussel", "sprak gisteren in Brussel"),
            BookmarkStatus.APPROXIMATE,
            "Minister Blok sprak in Brussel met de NAVO",
            id="approximate",
        ),
        pytest.param(TEXT.split(". ", 1)[1], BookmarkStatus.ORPHANED, None, id="orphaned"),
    ],
)
def test_reconcile_after_reimport(store, new_text, status, previous_quote):
    saved = store.add(bookmark("Minister Blok sprak in Brussel met de NAVO"))
    changed = reconcile_document(
        store, text=new_text, content_hash="hash-b", path="/lib/a.txt", title="Nieuw"
    )
    assert [b.id for b in changed] == [saved.id]
    now = store.get(saved.id)
    assert now is not None
    assert (now.status, now.previous_quote, now.doc_title) == (status, previous_quote, "Nieuw")
    assert now.doc_content_hash == "hash-b"
    if status is BookmarkStatus.ORPHANED:
        assert now.anchor == saved.anchor  # the quote stays on record for re-attaching
    else:
        assert new_text[now.anchor.start : now.anchor.end] == now.quote
        # A second open of the same content changes nothing and keeps the status.
        assert (
            reconcile_document(store, text=new_text, content_hash="hash-b", path="/lib/a.txt") == []
        )
        assert store.get(saved.id) == now


def test_reconcile_follows_a_library_moved_to_another_folder(store, tmp_path):
    saved = store.add(bookmark("Mark Rutte opende", path=str(tmp_path / "old" / "a.txt")))
    new_path = str(tmp_path / "new" / "a.txt")
    changed = reconcile_document(store, text=TEXT, content_hash="hash-a", path=new_path)
    assert [b.doc_path for b in changed] == [new_path]
    assert store.get(saved.id) == replace(saved, doc_path=new_path)


def test_reconcile_leaves_bookmarks_of_an_identical_copy_alone(store, tmp_path):
    original = tmp_path / "a.txt"
    original.write_text(TEXT, encoding="utf-8")
    saved = store.add(bookmark("Mark Rutte opende", path=str(original)))
    copy = str(tmp_path / "copy.txt")
    assert reconcile_document(store, text=TEXT, content_hash="hash-a", path=copy) == []
    assert store.get(saved.id) == saved


CHILD = """
import sys
from briefing_app.bookmarks import Bookmark, BookmarkStore, make_anchor
text = "Het kabinet trekt 20 miljoen euro uit voor de aanpak van ondermijning."
store = BookmarkStore(sys.argv[1])
i = 0
while True:
    i += 1
    saved = store.add(Bookmark(doc_content_hash="h", doc_path="/a.txt",
        anchor=make_anchor(text, 0, 11, "h"), note="n" * (i % 500), tags=("t%d" % (i % 7),)))
    if i % 3 == 0:
        store.update(saved.id, note="bijgewerkt")
    print(saved.id, flush=True)
"""


@pytest.mark.slow
def test_kill_9_never_loses_a_saved_bookmark_or_corrupts_the_database(tmp_path: Path):
    path = tmp_path / "bookmarks.sqlite3"
    reported: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for round_number in range(4):
        with subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True, env=env
        ) as child:
            assert child.stdout is not None
            first = child.stdout.readline()  # wait until it is writing
            time.sleep(0.15 + 0.1 * round_number)
            child.send_signal(signal.SIGKILL)
            rest = child.stdout.read()
        reported += [line for line in (first + rest).split() if line]

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with BookmarkStore(path) as store:
        kept = {b.id for b in store.list()}
    assert len(reported) > 10
    assert set(reported) <= kept
