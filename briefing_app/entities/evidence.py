"""Why an entity is in a panel: its first mention in context and the cue that recognised it.

The recognisers give each mention a reason (Mention.reason); the analysis keeps, per entity
of a document, the reason and the words around its first mention (`first_mention`), and the
catalog stores that beside the entity's row (JSON, `to_json`/`from_json`). The window shows
it when the user hovers the entity. No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

# Reason codes (a code, or a code and its detail after a colon: "title:minister"):
REASONS = (
    "title",  # a title or role before the name ("minister Blok"); detail: the title
    "given-name",  # a known first name ("Mark Rutte")
    "initials",  # initials before a surname ("J.P. Balkenende")
    "role-after",  # its role after it ("Kinna Kintrea, the assurance director")
    "list",  # a line among a list of names
    "member",  # a member of parliament ("het lid Van der Lee")
    "party",  # a party in parentheses after it ("Omtzigt (CDA)")
    "known-person",  # the surname of a person named before
    "country-name",  # a country's name or short form
    "nationality",  # an adjective of nationality ("de Jordaanse koning")
    "government",  # another country's ministry or department names its country
    "gazetteer",  # a known organization's name or acronym
    "acronym-defined",  # an acronym defined in the text ("Full Name (ACR)")
    "named-body",  # a name with the word for a body ("... Agency", "Stichting ...")
    "ministry",  # a ministry by its portfolio
    "parliament",  # a parliament
    "apposition",  # named after its kind ("kennisinstituut Movisie")
    "web-address",  # a name given with its web address
    "minister-portfolio",  # "minister van Defensie": that ministry
    "roster",  # the organization under a person's name in a list of people
    "marked",  # marked by the user in the reader
)

_CONTEXT = 60  # characters either side of the first mention
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Evidence:
    """The reason code and the first mention, with the words before and after it."""

    reason: str = ""
    before: str = ""
    mention: str = ""
    after: str = ""

    def to_json(self) -> str:
        if not (self.reason or self.mention):
            return ""
        return json.dumps(
            {
                "reason": self.reason,
                "before": self.before,
                "mention": self.mention,
                "after": self.after,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, value: str | None) -> Evidence | None:
        """The stored evidence; None for a row stored before evidence was kept, or garbled."""
        if not value:
            return None
        try:
            raw = json.loads(value)
            return cls(
                str(raw.get("reason", "")),
                str(raw.get("before", "")),
                str(raw.get("mention", "")),
                str(raw.get("after", "")),
            )
        except (ValueError, AttributeError):
            return None

    @property
    def code(self) -> str:
        return self.reason.partition(":")[0]

    @property
    def detail(self) -> str:
        return self.reason.partition(":")[2]


def first_mention(text: str, spans: Sequence[tuple[int, int]], reason: str) -> Evidence:
    """The evidence of an entity whose mentions in `text` are at `spans`: the first one with
    up to ~60 characters either side, within its paragraph, on one line."""
    if not spans:
        return Evidence(reason)
    start, end = min(spans)
    left = text[max(0, start - _CONTEXT) : start]
    right = text[end : end + _CONTEXT]
    left = left[left.rfind("\n\n") + 2 :] if "\n\n" in left else left
    right = right[: right.find("\n\n")] if "\n\n" in right else right
    before = _one_line(left)
    after = _one_line(right)
    if start - _CONTEXT > 0 and len(left) == _CONTEXT and " " in before:
        before = "…" + before[before.index(" ") + 1 :]  # not a word cut in two
    if end + _CONTEXT < len(text) and len(right) == _CONTEXT and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return Evidence(reason, before, _one_line(text[start:end]), after)


def _one_line(text: str) -> str:
    collapsed = _SPACES.sub(" ", text)
    return collapsed
