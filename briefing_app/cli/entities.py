"""Entity commands: extract from files, the library-wide table, and user corrections."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from briefing_app.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Style,
    counted,
    language_of,
)
from briefing_app.documents import Document, DocumentError, read_document
from briefing_app.entities import (
    DocumentEntities,
    Entity,
    EntityType,
    country_name,
    display_name,
    extract_entities,
    merge_people_across,
    resolve_organization,
    spelling_preference,
)
from briefing_app.library import EntityRow, Library
from briefing_app.library.analysis import entity_text

# -- entities FILE... ------------------------------------------------------------------------


def extract_files(args: argparse.Namespace) -> int:
    if not args.files:
        print("Give one or more FILEs, or --library.", file=sys.stderr)
        return EXIT_USAGE
    results: list[dict[str, Any]] = []
    failed = False
    language = language_of(args)
    documents: dict[int, Document] = {}
    found: dict[int, DocumentEntities] = {}
    for name in args.files:
        try:
            document = read_document(Path(name))
        except DocumentError as error:
            print(f"{name}: {error.reason}", file=sys.stderr)
            failed = True
            continue
        documents[len(documents)] = document
        found[len(found)] = extract_entities(entity_text(document), document.language, language)
    # The files are read together as a library would read them: one person one name, in the
    # spelling of `language` ("Poetin" and "Putin"; "Blok" for the "Stef Blok" of another).
    uses = [(p.name, documents[k].language, 1) for k, doc in found.items() for p in doc.people]
    found = merge_people_across(found, spelling_preference(uses, language))
    for k, document in documents.items():
        results.append(
            {
                "path": str(document.path),
                "title": document.title,
                "date": document.date,
                "language": document.language,
                **entities_json(found[k], language),
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        out = Style(sys.stdout)
        for item in results:
            print(out.bold(item["title"]) + out.dim(f"  {item['path']}"))
            for label, key in (
                ("People", "people"),
                ("Countries", "countries"),
                ("Organizations", "organizations"),
            ):
                names = ", ".join(f"{e['name']} ({e['count']})" for e in item[key])
                print(f"  {label + ':':<15}{names or out.dim('none')}")
            print()
    return EXIT_FAILED if failed else EXIT_OK


def entities_json(found: DocumentEntities, language: str = "en") -> dict[str, list[dict[str, Any]]]:
    """The panels as JSON, countries and known organizations named in `language`."""
    return {
        "people": [{"name": e.name, "aliases": e.aliases, "count": e.count} for e in found.people],
        "countries": [
            {"code": e.key, "name": country_name(e.key, language), "count": e.count}
            for e in found.countries
        ],
        "organizations": [_organization_json(e, language) for e in found.organizations],
    }


def _organization_json(entity: Entity, language: str) -> dict[str, Any]:
    name = display_name(entity.type, entity.key, language, entity.name)
    aliases = [a for a in dict.fromkeys([entity.name, *entity.aliases]) if a != name]
    return {"name": name, "aliases": aliases, "count": entity.count}


# -- entities --library ----------------------------------------------------------------------


def cmd_library_entities(library: Library, args: argparse.Namespace) -> int:
    table = library.entity_table(args.type)
    if args.json:
        print(
            json.dumps(
                [_row_json(library, row, docs) for row, docs in table], indent=2, ensure_ascii=False
            )
        )
        return EXIT_OK
    out = Style(sys.stdout)
    print(out.dim(f"{'type':<8}{'documents':>10}{'mentions':>10}  name"))
    for row, docs in table:
        name = row.name
        aliases = out.dim(f"  ({', '.join(row.aliases)})") if row.aliases else ""
        print(f"{row.type:<8}{docs:>10}{row.count:>10}  {name}{aliases}")
    return EXIT_OK


def _row_json(library: Library, row: EntityRow, docs: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": row.type,
        "name": row.name,
        "documents": docs,
        "mentions": row.count,
        "aliases": list(row.aliases),
    }
    if row.type == "country":
        item["code"] = row.key
    return item


# -- entity rename|merge|retype|hide|list|export|import ---------------------------------------


def cmd_entity(library: Library, args: argparse.Namespace) -> int:
    if args.action == "list":
        items = [
            {"action": str(c.action), "type": str(c.type), "key": c.key, "value": c.value}
            for c in library.corrections.items
        ]
        if args.json:
            print(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for item in items:
                value = f" → {item['value']}" if item["value"] else ""
                print(f"{item['action']:<7} {item['type']:<8} {item['key']}{value}")
        return EXIT_OK
    if args.action == "export":
        count = library.export_corrections(Path(args.file))
        print(f"Wrote {counted(count, 'correction')} to {args.file}.", file=sys.stderr)
        return EXIT_OK
    if args.action == "import":
        added = library.import_corrections(Path(args.file))
        print(f"Added {counted(added, 'correction')}.", file=sys.stderr)
        return EXIT_OK
    key = _entity_key(library, args.type, args.name)
    value = {
        "rename": lambda: args.new_name,
        "merge": lambda: _entity_key(library, args.type, args.into),
        "retype": lambda: args.new_type,
        "hide": lambda: "",
    }[args.action]()
    updated = library.correct_entity(args.action, args.type, key, value)
    print(f"Saved; {counted(len(updated), 'document')} updated.", file=sys.stderr)
    return EXIT_OK


def _entity_key(library: Library, entity_type: str, name: str) -> str:
    """The stored key for what the user typed: any alias of an organization, a country's
    name or code, or a surname that stands for one full name."""
    if entity_type == EntityType.ORGANIZATION:
        return resolve_organization(name) or name
    if entity_type == EntityType.COUNTRY:
        return library.country_code(name)
    return library.person_names(name)[0]
