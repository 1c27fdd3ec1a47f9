"""Entity commands and entity facets/filters in `briefing search`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.launcher import main
from tests.conftest import ENTITIES_DEV, SEED_DIR


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names follow the locale without --lang: these tests expect English ones."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = tmp_path / "docs"
    folder.mkdir()
    for source in ENTITIES_DEV.iterdir():
        if source.suffix in {".txt", ".md"} and source.name != "README.md":
            (folder / source.name).write_bytes(source.read_bytes())
    seed = next(SEED_DIR.glob("*.txt"))
    (folder / "seed.txt").write_bytes(seed.read_bytes())
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    capsys.readouterr()
    return data


def test_entities_of_files_without_a_library(capsys: pytest.CaptureFixture[str]) -> None:
    seed = next(SEED_DIR.glob("*.txt"))
    [item] = run_json(capsys, "entities", str(seed), "--json")
    assert set(item) == {
        "path",
        "title",
        "date",
        "language",
        "people",
        "countries",
        "organizations",
    }
    assert item["language"] == "nl" and item["date"] == "2018-11"
    people = {p["name"]: p for p in item["people"]}
    assert people["Blok"]["count"] >= 3
    assert set(people["Blok"]) == {"name", "aliases", "count"}
    codes = {c["code"]: c for c in item["countries"]}
    assert {"NL", "JO", "SY", "US"} <= set(codes) and codes["JO"]["name"] == "Jordan"
    orgs = {o["name"]: o for o in item["organizations"]}
    assert {"AIVD", "Boko Haram", "NATO"} <= set(orgs)  # a Dutch text, named in English
    assert "NAVO" in orgs["NATO"]["aliases"]  # as the text writes it


@pytest.mark.parametrize(
    ("argv", "environ", "country", "organization"),
    [
        (["--lang", "nl"], {}, "Jordanië", "NAVO"),
        (["--lang", "en"], {"LANG": "nl_NL.UTF-8"}, "Jordan", "NATO"),
        ([], {"LANG": "nl_NL.UTF-8"}, "Jordanië", "NAVO"),
        ([], {"LC_ALL": "nl_BE.UTF-8", "LANG": "en_GB.UTF-8"}, "Jordanië", "NAVO"),
        ([], {"LANG": "de_DE.UTF-8"}, "Jordan", "NATO"),
    ],
)
def test_entities_are_named_in_the_chosen_language_else_the_locales(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    environ: dict[str, str],
    country: str,
    organization: str,
) -> None:
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    seed = next(SEED_DIR.glob("*.txt"))
    [item] = run_json(capsys, *argv, "entities", str(seed), "--json")
    assert {c["code"]: c["name"] for c in item["countries"]}["JO"] == country
    assert organization in {o["name"] for o in item["organizations"]}


def test_entities_needs_files_or_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities"]) == 2


def test_search_json_has_facets_and_hit_entities(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_json(capsys, "--data-dir", data_dir, "search", "", "--json")
    facets = result["facets"]
    assert set(facets) == {"people", "countries", "organizations"}
    nl = next(c for c in facets["countries"] if c["code"] == "NL")
    assert nl == {"code": "NL", "name": "Netherlands", "count": 6}
    rutte = next(p for p in facets["people"] if p["name"] == "Mark Rutte")
    assert rutte["count"] == 2  # "premier Rutte" in the seed counts for Mark Rutte
    assert all({"people", "countries", "organizations"} <= set(h) for h in result["hits"])


@pytest.mark.parametrize(
    ("option", "values", "total"),
    [
        ("--org", ["NATO"], 2),
        ("--org", ["NAVO"], 2),
        ("--country", ["ML"], 1),
        ("--country", ["Mali"], 1),
        ("--person", ["Rutte"], 2),
        ("--person", ["Mark Rutte"], 2),
        ("--country", ["NL", "JO"], 1),
    ],
)
def test_entity_filters(
    data_dir: str, capsys: pytest.CaptureFixture[str], option: str, values: list[str], total: int
) -> None:
    argv = ["--data-dir", data_dir, "search", "", "--json"]
    for value in values:
        argv += [option, value]
    assert run_json(capsys, *argv)["total"] == total


def test_library_entity_table(data_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    table = run_json(capsys, "--data-dir", data_dir, "entities", "--library", "--json")
    rutte = next(r for r in table if r["name"] == "Mark Rutte")
    assert rutte["documents"] == 2 and "Rutte" in rutte["aliases"]
    only_countries = run_json(
        capsys, "--data-dir", data_dir, "entities", "--library", "--type", "country", "--json"
    )
    assert {r["type"] for r in only_countries} == {"country"}
    assert only_countries[0]["code"] == "NL" and only_countries[0]["documents"] == 6


def test_corrections_rename_merge_hide_and_survive_reindex(
    data_dir: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def orgs() -> set[str]:
        table = run_json(
            capsys, "--data-dir", data_dir, "entities", "--library", "--type", "org", "--json"
        )
        return {r["name"] for r in table}

    assert "Boko Haram" in orgs()
    assert main(["--data-dir", data_dir, "entity", "hide", "org", "Boko Haram"]) == 0
    assert main(["--data-dir", data_dir, "entity", "rename", "org", "AIVD", "De AIVD"]) == 0
    assert main(["--data-dir", data_dir, "entity", "merge", "org", "ISIS", "Al Qaeda"]) == 0
    capsys.readouterr()
    after = orgs()
    assert "Boko Haram" not in after and "AIVD" not in after and "De AIVD" in after
    assert "Islamitische Staat" not in after

    assert main(["--data-dir", data_dir, "reindex"]) == 0
    capsys.readouterr()
    assert "Boko Haram" not in orgs()

    exported = tmp_path / "corrections.json"
    assert main(["--data-dir", data_dir, "entity", "export", str(exported)]) == 0
    fresh = str(tmp_path / "fresh")
    assert main(["--data-dir", fresh, "entity", "import", str(exported)]) == 0
    capsys.readouterr()
    listed = run_json(capsys, "--data-dir", fresh, "entity", "list", "--json")
    assert [c["action"] for c in listed] == ["hide", "rename", "merge"]


def test_unknown_correction_target_is_harmless(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", data_dir, "entity", "hide", "person", "Nobody"]) == 0
    assert "0 documents" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "names", "not_shown"),
    [
        ("en", {"NATO", "United Nations", "European Union"}, {"NAVO", "Verenigde Naties"}),
        ("nl", {"NAVO", "Verenigde Naties", "Europese Unie"}, {"NATO", "United Nations"}),
    ],
)
def test_library_entities_and_facets_are_named_in_the_chosen_language(
    data_dir: str,
    capsys: pytest.CaptureFixture[str],
    language: str,
    names: set[str],
    not_shown: set[str],
) -> None:
    table = run_json(
        capsys, "--lang", language, "--data-dir", data_dir, "entities", "--library", "--json"
    )
    organizations = {row["name"] for row in table if row["type"] == "org"}
    assert names <= organizations and not not_shown & organizations
    result = run_json(capsys, "--lang", language, "--data-dir", data_dir, "search", "", "--json")
    facets = {f["name"] for f in result["facets"]["organizations"]}
    assert {"NATO" if language == "en" else "NAVO"} <= facets and not not_shown & facets


@pytest.mark.parametrize(
    ("language", "shown"), [("en", "Vladimir Putin"), ("nl", "Vladimir Poetin")]
)
def test_files_read_together_name_a_person_once_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, shown: str
) -> None:
    dutch, english = tmp_path / "nl.txt", tmp_path / "en.txt"
    dutch.write_text(
        " date 2022-03 Sancties\n\nDe Russische president Vladimir Poetin reageerde niet. "
        "Volgens Poetin is er niets aan de hand.\n",
        encoding="utf-8",
    )
    english.write_text(
        " date 2022-03 Sanctions\n\nRussian President Vladimir Putin did not respond. "
        "President Putin is expected to speak.\n",
        encoding="utf-8",
    )
    items = run_json(capsys, "--lang", language, "entities", str(dutch), str(english), "--json")
    assert [[p["name"] for p in item["people"]] for item in items] == [[shown], [shown]]
