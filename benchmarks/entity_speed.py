"""Entity extraction speed: milliseconds per 600-word document (target: <= 5 ms, one core).

    .venv/bin/python -m benchmarks.entity_speed [--rounds 20]

Times `extract_entities` on the entity development set and the 18 real releases from
../shared (each cut or repeated to exactly 600 words), after one warm-up pass that loads the
gazetteers. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from briefing_app.entities import extract_entities

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
WORDS_PER_DOC = 600


def _text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.DOTALL)
    first, _, body = raw.partition("\n")
    return first.strip().split(" ", 2)[-1] + "\n" + body


def _sized(text: str, words: int = WORDS_PER_DOC) -> str:
    """Repeat or cut a text at a word boundary so it has exactly `words` words."""
    while len(text.split()) < words:
        text = text + "\n\n" + text
    cut = [m.start() for m in re.finditer(r"\S+", text)]
    return text[: cut[words]] if len(cut) > words else text


def _language(text: str) -> str:
    dutch = len(re.findall(r"\b(?:de|het|een|van|en)\b", text))
    english = len(re.findall(r"\b(?:the|a|of|and|to)\b", text))
    return "nl" if dutch >= english else "en"


def main(rounds: int) -> None:
    paths = sorted((SHARED / "entities-dev").glob("*.txt")) + sorted(
        (SHARED / "entities-dev").glob("*.md")
    )
    paths += sorted((SHARED / "rijksoverheid-2018").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no documents under {SHARED}")
    sized = [(p.name, _sized(_text(p))) for p in paths]
    docs = [(name, text, _language(text)) for name, text in sized]

    start = time.perf_counter()
    extract_entities(docs[0][1], docs[0][2])
    print(f"first call (loads gazetteers): {(time.perf_counter() - start) * 1000:.0f} ms")

    per_doc: list[float] = []
    for name, text, language in docs:
        timings = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            extract_entities(text, language)
            timings.append((time.perf_counter() - t0) * 1000)
        per_doc.append(statistics.median(timings))
        print(f"{per_doc[-1]:6.2f} ms  {language}  {name}")
    mean = statistics.mean(per_doc)
    print(
        f"{len(docs)} documents of {WORDS_PER_DOC} words: mean {mean:.2f} ms, "
        f"max {max(per_doc):.2f} ms, {1000 / mean:.0f} docs/s on one core"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    main(parser.parse_args().rounds)
