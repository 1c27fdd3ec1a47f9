"""Generate resources/gazetteers/first_names.txt from gender-guesser's first-name dictionary.

Dev-time only: the app reads the generated text file and never imports gender-guesser.

    pip download --no-deps gender-guesser==0.4.0 && unzip gender_guesser-0.4.0-*.whl
    python scripts/make_first_names.py gender_guesser/data/nam_dict.txt

The dictionary is Jörg Michael's `nam_dict.txt` (program "gender", 2008), shipped by the PyPI
package gender-guesser 0.4.0 and licensed under the GNU Free Documentation License 1.2+; the
generated list is a filtered extract of it under the same licence.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _words(block: str) -> list[str]:
    return block.split()


# Column order of the frequency block in nam_dict.txt (one character per country, from col 30).
_COUNTRIES = _words(
    """
    great_britain ireland usa italy malta portugal spain france belgium luxembourg
    the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland
    estonia latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand
    croatia kosovo macedonia montenegro serbia slovenia albania greece russia belarus moldova
    ukraine armenia azerbaijan georgia the_stans turkey arabia israel china india japan korea
    vietnam other_countries
    """
)
# Everyday words that are so often first names in the news that they stay in.
_ALWAYS_NAMES = {"Bill", "Boris", "Angela", "Donald", "Joe", "Ali", "Omar"}
_HOME = {"great_britain", "ireland", "usa", "belgium", "the_netherlands", "east_frisia"}

# Words that are also listed as first names but in running Dutch/English text are nearly always
# something else: particles, titles, months, weekdays, function words.
_NOT_NAMES = set(
    _words(
        """
        van von der den de del della di da das dos du la le les ter ten te het in op bin ben el al
        abu ibn mac mc st san santa januari februari maart april mei juni juli augustus september
        oktober november december january february march may june july august october maandag
        dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday
        saturday sunday koning koningin prins prinses king queen prince princess lord sir dame
        minister premier president generaal general will can may hope joy grace faith just does have
        hier deze dit dat die wat wie hoe waar maar als ook nog wel niet geen zo toen dan want omdat
        dus even europa africa afrika asia azie america amerika gang hang edit odd constant hero
        sun tea mate trees ha ho il mi min tho lies armen jesus steen carolina virginia florence
        sydney victoria chelsea mercedes hong
        """
    )
)


def _frequencies(line: str) -> dict[str, int]:
    block = line[30 : 30 + len(_COUNTRIES)]
    out = {}
    for country, char in zip(_COUNTRIES, block, strict=False):
        if char.strip():
            out[country] = int(char, 16)
    return out


def _common_words(top: int) -> set[str]:
    import wordfreq  # dev-time only

    return set(wordfreq.top_n_list("nl", top)) | set(wordfreq.top_n_list("en", top))


def _territory_names() -> set[str]:
    from babel import Locale

    return {n.lower() for lang in ("nl", "en") for n in Locale.parse(lang).territories.values()}


def main(source: Path, target: Path) -> None:
    # A first name that is also an everyday word ("Door", "Kamer", "Will") is kept only when
    # it is popular as a name in the Netherlands, Belgium, Britain, Ireland or the US.
    very_common, common = _common_words(1000), _common_words(5000)
    territories = _territory_names()
    names: set[str] = set()
    for raw in source.read_text(encoding="utf-8").splitlines():
        if not raw or raw[0] == "#":
            continue
        parts = raw.split()
        if len(parts) < 2:
            continue
        # "=" lines list an equivalent pair (short form, full form); both are names.
        candidates = parts[1:3] if parts[0] == "=" else parts[1:2]
        freq = _frequencies(raw)
        home = max([v for k, v in freq.items() if k in _HOME] or [0])
        top = max(freq.values() or [0]) - 4  # a top name anywhere counts as a lesser home name
        for candidate in candidates:
            for name in {candidate.replace("+", "-"), candidate.replace("+", " ")}:
                if len(name) < 2 or not name[0].isupper() or " " in name:
                    continue
                low = name.lower()
                if low in _NOT_NAMES or low in territories:
                    continue
                if name not in _ALWAYS_NAMES and (
                    (low in very_common and home < 6) or (low in common and max(home, top) < 4)
                ):
                    continue
                # Rare foreign spellings add noise without helping Dutch/English news text.
                if not freq or (max(freq.values()) < 2 and not (_HOME & freq.keys())):
                    continue
                names.add(name)
    header = [
        "# First names, one per line. Generated by scripts/make_first_names.py from nam_dict.txt",
        "# (c) 2007-2008 Joerg Michael, shipped by the PyPI package gender-guesser 0.4.0.",
        "# Licence: GNU Free Documentation License 1.2 or later (as the source file).",
    ]
    target.write_text("\n".join([*header, *sorted(names)]) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {target}")


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1]), repo / "resources" / "gazetteers" / "first_names.txt")
