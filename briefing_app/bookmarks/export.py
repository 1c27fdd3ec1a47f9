"""Briefings out of bookmarks: Markdown for reading, W3C Web Annotations for exchange."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal
from urllib.parse import unquote, urlparse

from briefing_app.bookmarks.citation import Citation
from briefing_app.bookmarks.model import Anchor, Bookmark, BookmarkStatus, utc_now
from briefing_app.bookmarks.store import BookmarkStore

GroupBy = Literal["document", "tag", "entity"]
# A bookmark's citation: its document's title, issuer, date, page and file.
Cite = Callable[[Bookmark], Citation]
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ID_PREFIX = "urn:briefing:bookmark:"
_UNGROUPED = {"tag": "Untagged / Zonder tag", "entity": "No entities / Zonder entiteiten"}
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = re.compile(r"^(\s*)([#+\-=>|]|\d+[.)])")


class BookmarkImportError(ValueError):
    """The file is not a Web Annotation collection this program can read."""


# -- Markdown ---------------------------------------------------------------------------------


def to_markdown(
    bookmarks: Iterable[Bookmark],
    *,
    group_by: GroupBy = "document",
    title: str | None = None,
    entity_label: Callable[[str], str] | None = None,
    now: datetime | None = None,
    cite: Cite | None = None,
) -> str:
    """A readable briefing: a section per group, each quote with its note and a citation.

    A bookmark with several tags (or entities) appears under each; `entity_label` turns
    "country:NL" into a display name (default: "NL (country)"); `cite` gives a bookmark's
    citation with what the bookmark does not know (issuer, page).
    """
    items = list(bookmarks)
    lines = [f"# {_escape(title or 'Briefing')}", ""]
    lines += [f"*{generated_line(len(items), now)}*", ""]
    sections = briefing_sections(items, group_by, entity_label)
    for heading, members in sections:
        lines += [f"## {_escape(heading)}", ""]
        for bookmark in members:
            lines += _passage(bookmark, (cite or Citation.of_bookmark)(bookmark))
    return "\n".join(lines).rstrip() + "\n"


def generated_line(count: int, now: datetime | None = None) -> str:
    """ "2024-05-01 09:30 UTC · 3 passages": when a briefing was made, and of how much."""
    generated = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{generated} · {count} {_plural(count)}"


def briefing_sections(
    bookmarks: Iterable[Bookmark],
    group_by: GroupBy = "document",
    entity_label: Callable[[str], str] | None = None,
) -> list[tuple[str, list[Bookmark]]]:
    """The briefing's sections in order: (heading, passages in reading order). Every writer
    (Markdown, DOCX) groups the same way."""
    items = sorted(bookmarks, key=_reading_order)
    return _groups(items, group_by, entity_label or _default_entity_label)


def _plural(count: int) -> str:
    return "passage" if count == 1 else "passages"


def _reading_order(b: Bookmark) -> tuple[str, str, str, int]:
    return (b.doc_date or "", b.doc_title.casefold(), b.doc_path, b.anchor.start)


def _default_entity_label(entity: str) -> str:
    kind, _, key = entity.partition(":")
    return f"{key} ({kind})" if key else entity


def _groups(
    items: list[Bookmark], group_by: GroupBy, entity_label: Callable[[str], str]
) -> list[tuple[str, list[Bookmark]]]:
    if group_by == "document":
        documents: dict[str, list[Bookmark]] = {}
        for b in items:
            documents.setdefault(b.doc_path, []).append(b)
        return [(_document_heading(members[0]), members) for members in documents.values()]
    if group_by not in ("tag", "entity"):
        raise ValueError(f"cannot group bookmarks by {group_by!r}")
    groups: dict[str, tuple[str, list[Bookmark]]] = {}
    loose: list[Bookmark] = []
    for b in items:
        keys = b.tags if group_by == "tag" else b.entities
        for key in keys:
            label = key if group_by == "tag" else entity_label(key)
            groups.setdefault(key.casefold(), (label, []))[1].append(b)
        if not keys:
            loose.append(b)
    ordered = sorted(groups.values(), key=lambda group: group[0].casefold())
    if loose:
        ordered.append((_UNGROUPED[group_by], loose))
    return ordered


def _document_heading(b: Bookmark) -> str:
    name = b.doc_title or PurePosixPath(b.doc_path).name
    return f"{name} ({b.doc_date})" if b.doc_date else name


def _passage(b: Bookmark, citation: Citation) -> list[str]:
    lines = [f"> {_escape(line)}" if line.strip() else ">" for line in b.quote.strip().splitlines()]
    lines.append("")
    if b.note.strip():
        lines += [b.note.strip(), ""]  # the note already is Markdown
    lines += ["— " + citation_markdown(citation), ""]
    extras = []
    if b.tags:
        extras.append("Tags: " + ", ".join(_escape(tag) for tag in b.tags))
    if b.status is not BookmarkStatus.ANCHORED and b.status is not BookmarkStatus.MOVED:
        extras.append(f"Status: {b.status}")
    if extras:
        lines += [" · ".join(extras), ""]
    return lines


def citation_markdown(citation: Citation) -> str:
    """ "*Title*, Issuer, 2018-03, p. 3, `/path/file.pdf`" (the title in italics only when
    the document has one)."""
    parts = [
        f"*{_escape(citation.title)}*" if citation.title else None,
        _escape(citation.source) if citation.source else None,
        citation.date,
        citation.page_text,
        f"`{citation.path}`",
    ]
    return ", ".join(part for part in parts if part)


def _escape(text: str) -> str:
    """Keep quoted text literal: no accidental emphasis, links, headings or list items."""
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


# -- W3C Web Annotations ----------------------------------------------------------------------


def to_web_annotations(bookmarks: Iterable[Bookmark]) -> dict[str, Any]:
    """An AnnotationCollection (https://www.w3.org/TR/annotation-model/); briefing:* keys
    carry what the model has no term for, so an export → import round trip is lossless."""
    items = [_annotation(b) for b in bookmarks]
    return {
        "@context": ANNOTATION_CONTEXT,
        "type": "AnnotationCollection",
        "generated": utc_now(),
        "total": len(items),
        "items": items,
    }


def _annotation(b: Bookmark) -> dict[str, Any]:
    body: list[dict[str, str]] = []
    if b.note:
        body.append(
            {
                "type": "TextualBody",
                "value": b.note,
                "format": "text/markdown",
                "purpose": "commenting",
            }
        )
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in b.tags]
    a = b.anchor
    target: dict[str, Any] = {
        "source": _file_uri(b.doc_path),
        "briefing:path": b.doc_path,
        "briefing:contentHash": a.content_hash,
        "briefing:title": b.doc_title,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    if b.doc_date:
        target["briefing:date"] = b.doc_date
    if b.doc_content_hash != a.content_hash:
        target["briefing:documentHash"] = b.doc_content_hash
    annotation: dict[str, Any] = {
        "type": "Annotation",
        "id": ID_PREFIX + b.id,
        "created": b.created,
        "modified": b.updated,
        "body": body,
        "target": target,
        "briefing:status": str(b.status),
        "briefing:entities": list(b.entities),
    }
    if b.previous_quote is not None:
        annotation["briefing:previousQuote"] = b.previous_quote
    return annotation


def _file_uri(path: str) -> str:
    posix = Path(path)
    return posix.as_uri() if posix.is_absolute() else "file:" + path


def from_web_annotations(data: Any) -> list[Bookmark]:
    """Bookmarks from a parsed Web Annotation JSON document: a collection, a list of
    annotations or one annotation. Raises BookmarkImportError naming the first problem."""
    if isinstance(data, Mapping) and data.get("type") == "AnnotationCollection":
        items = data.get("items")
    elif isinstance(data, Mapping):
        items = [data]
    else:
        items = data
    if not isinstance(items, list):
        raise BookmarkImportError("expected an AnnotationCollection with a list of items")
    return [_bookmark(item, number) for number, item in enumerate(items, start=1)]


def _bookmark(item: Any, number: int) -> Bookmark:
    def fail(problem: str) -> BookmarkImportError:
        return BookmarkImportError(f"annotation {number}: {problem}")

    if not isinstance(item, Mapping) or item.get("type") != "Annotation":
        raise fail('not an object of type "Annotation"')
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, Mapping):
        raise fail("no target")
    selectors = target.get("selector", [])
    if isinstance(selectors, Mapping):
        selectors = [selectors]
    if not isinstance(selectors, list):
        raise fail("selector must be an object or a list")
    by_type = {s.get("type"): s for s in selectors if isinstance(s, Mapping)}
    quote_selector = by_type.get("TextQuoteSelector")
    if quote_selector is None or not _is_text(quote_selector.get("exact"), nonblank=True):
        raise fail("no TextQuoteSelector with a non-empty exact quote")
    quote = quote_selector["exact"]
    prefix, suffix = quote_selector.get("prefix", ""), quote_selector.get("suffix", "")
    if not (_is_text(prefix) and _is_text(suffix)):
        raise fail("prefix and suffix must be strings")
    content_hash = target.get("briefing:contentHash", "")
    position = by_type.get("TextPositionSelector")
    if position is not None:
        start: Any = position.get("start")
        end: Any = position.get("end")
        if not (_is_offset(start) and _is_offset(end) and start <= end):
            raise fail("TextPositionSelector needs integer offsets with start <= end")
    else:
        # Positions unknown: an empty hash makes the next reconcile search for the quote.
        start, end, content_hash = 0, len(quote), ""
    path = target.get("briefing:path") or _path_from_uri(target.get("source"))
    if not path:
        raise fail("the target names no source file")

    notes: list[str] = []
    tags: list[str] = []
    bodies = item.get("body", [])
    for body in [bodies] if isinstance(bodies, Mapping | str) else bodies:
        if isinstance(body, str):
            notes.append(body)
        elif isinstance(body, Mapping) and _is_text(body.get("value")):
            (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    try:
        status = BookmarkStatus(item.get("briefing:status", BookmarkStatus.ANCHORED))
    except ValueError:
        raise fail(f"unknown status {item.get('briefing:status')!r}") from None
    entities = item.get("briefing:entities", [])
    if not isinstance(entities, list) or not all(_is_text(e) for e in entities):
        raise fail("briefing:entities must be a list of strings")
    created = item.get("created") or utc_now()
    anchor = Anchor(quote, prefix, suffix, start, end, content_hash)
    return Bookmark(
        id=_bookmark_id(item.get("id")),
        doc_content_hash=target.get("briefing:documentHash", content_hash),
        doc_path=path,
        doc_title=target.get("briefing:title", ""),
        doc_date=target.get("briefing:date"),
        anchor=anchor,
        note="\n\n".join(notes),
        tags=tuple(tags),
        entities=tuple(entities),
        status=status,
        previous_quote=item.get("briefing:previousQuote"),
        created=created,
        updated=item.get("modified") or created,
    )


def _is_text(value: Any, nonblank: bool = False) -> bool:
    return isinstance(value, str) and (not nonblank or bool(value.strip()))


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _bookmark_id(annotation_id: Any) -> str:
    if isinstance(annotation_id, str) and annotation_id.startswith(ID_PREFIX):
        return annotation_id.removeprefix(ID_PREFIX)
    if isinstance(annotation_id, str) and annotation_id:
        # Another tool's id: derive a stable one, so importing the file twice adds nothing.
        return uuid.uuid5(uuid.NAMESPACE_URL, annotation_id).hex[:12]
    return uuid.uuid4().hex[:12]


def _path_from_uri(source: Any) -> str | None:
    if not isinstance(source, str) or not source:
        return None
    parsed = urlparse(source)
    if parsed.scheme == "file":
        return unquote(parsed.path) or None
    return source


def merge_import(store: BookmarkStore, bookmarks: Iterable[Bookmark]) -> tuple[int, int]:
    """Add bookmarks that are not there yet; returns (added, skipped as duplicates).

    A duplicate has the same id, or the same quote at the same offset of the same content.
    """
    added = skipped = 0
    for bookmark in bookmarks:
        if store.get(bookmark.id) is not None or _has_twin(store, bookmark):
            skipped += 1
            continue
        store.add(bookmark)
        added += 1
    return added, skipped


def _has_twin(store: BookmarkStore, bookmark: Bookmark) -> bool:
    a = bookmark.anchor
    hashes = {a.content_hash, bookmark.doc_content_hash} - {""}
    candidates = [b for h in hashes for b in store.for_document(content_hash=h)]
    return any(
        b.quote == a.quote
        and b.anchor.start == a.start
        and {b.anchor.content_hash, b.doc_content_hash} & hashes
        for b in candidates
    )
