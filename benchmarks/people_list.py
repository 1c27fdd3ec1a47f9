"""The library-wide people list of a folder of documents, as the People panel of the whole
library would show it: each name with the number of documents and mentions.

    .venv/bin/python -m benchmarks.people_list [FOLDER ...]   (default: ../shared/data/real)

Read the list to count the entries that are not persons (issue #18: at most 1 in 50).
Documents are read and extracted as an import does (title plus body without furniture), and
surnames are resolved across the folder as the library does.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from briefing_app.documents import read_document
from briefing_app.entities import extract_entities, merge_people_across
from briefing_app.library.analysis import entity_text

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "real"
SUFFIXES = {".txt", ".md", ".markdown"}


def people_list(folders: list[Path]) -> list[tuple[str, int, int]]:
    """(name, documents, mentions), most documents first."""
    paths = sorted(p for f in folders for p in f.rglob("*") if p.suffix in SUFFIXES)
    found = {}
    for path in paths:
        if path.name.lower() == "readme.md":
            continue
        document = read_document(path)
        found[path] = extract_entities(entity_text(document), document.language)
    docs: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for entities in merge_people_across(found).values():
        for person in entities.people:
            docs[person.name] += 1
            mentions[person.name] += person.count
    return sorted(
        ((name, docs[name], mentions[name]) for name in docs),
        key=lambda row: (-row[1], -row[2], row[0].casefold()),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folders", nargs="*", type=Path)
    folders = parser.parse_args().folders or [REAL / "nl-circulaires", REAL / "en-govuk"]
    rows = people_list(folders)
    for name, n_docs, n_mentions in rows:
        print(f"{n_docs:4} {n_mentions:5}  {name}")
    print(f"{len(rows)} people")


if __name__ == "__main__":
    main()
