"""The simple `key: value` subset of YAML front matter that briefing notes use.

No YAML library: notes only need title, date, source and tags, and a full YAML parser
would accept (and silently misread) far more than a user writes by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPEN = "---"
_CLOSE = frozenset({"---", "..."})
MAX_LINES = 100  # a front matter block longer than this is not front matter

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$")
_LIST_ITEM = re.compile(r"^\s*-\s+(.*?)\s*$")
_KNOWN_KEYS = frozenset({"title", "date", "source", "tags"})


class FrontMatterError(ValueError):
    """Front matter that is not the simple subset; the message says where."""


@dataclass
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[list[str], str] | None:
    """(front matter lines, body) when the text opens with a closed `---` block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _OPEN:
        return None
    for index in range(1, min(len(lines), MAX_LINES + 1)):
        if lines[index].rstrip() in _CLOSE:
            return lines[1:index], "\n".join(lines[index + 1 :])
    raise FrontMatterError("front matter not closed")


def parse_front_matter(lines: list[str]) -> FrontMatter:
    """Parse the lines between the `---` fences; raise FrontMatterError when unsure."""
    result = FrontMatter()
    current_key: str | None = None
    expecting_list = False
    for number, line in enumerate(lines, start=2):  # line 1 is the opening fence
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        key_value = _KEY_VALUE.match(line)
        if item and expecting_list and current_key is not None:
            if current_key == "tags":
                result.tags.append(_unquote(item.group(1)))
            continue
        if key_value and not line[0].isspace():
            current_key = key_value.group(1).lower()
            value = key_value.group(2) or ""
            expecting_list = not value
            if current_key == "tags":
                result.tags.extend(_split_tags(value))
            elif current_key in _KNOWN_KEYS and value:
                result.values[current_key] = _unquote(value)
            continue
        if line[0].isspace() and current_key is not None and current_key not in _KNOWN_KEYS:
            continue  # nested detail of a key we do not use
        raise FrontMatterError(f"front matter line {number} not understood")
    result.tags = [t for t in dict.fromkeys(result.tags) if t]
    return result


def _split_tags(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return [_unquote(part) for part in value.split(",")]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    if " #" in value:  # a trailing YAML comment
        value = value[: value.index(" #")].rstrip()
    return value
