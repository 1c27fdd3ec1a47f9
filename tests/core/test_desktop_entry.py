"""The desktop entry (`briefing --install-desktop-entry`) and the AppStream metainfo.

Every test writes under tmp_path: XDG_DATA_HOME points there (conftest.py points HOME at a
temporary folder too), never at the real ~/.local/share. The freedesktop validators run
where installed (.ci/run installs them: desktop-file-utils, appstream); elsewhere those
checks skip, saying what to install.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import briefing_app
from briefing_app import desktop, launcher
from briefing_app.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
METAINFO = REPO / "resources" / desktop.METAINFO_FILE
TEMPLATE = REPO / "resources" / desktop.DESKTOP_FILE


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def validator(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(
            f"{name} is not installed (Debian: apt-get install {package}; .ci/run installs it)"
        )
    return path


def desktop_file_validate(path: Path) -> None:
    result = subprocess.run(
        [validator("desktop-file-validate", "desktop-file-utils"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    # It prints hints and errors alike; a valid file gets no output at all.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def entry_values(path: Path) -> dict[str, str]:
    """The keys of a .desktop file's [Desktop Entry] group (every group it has, here)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is no PNG"
    return struct.unpack(">II", header[16:24])


def test_install_writes_the_desktop_file_and_icons_under_xdg_data_home(data_home: Path) -> None:
    written = desktop.install(["/opt/briefing/briefing"])
    assert written == desktop.entry_paths(data_home)
    entry, svg, *pngs = written
    assert entry == data_home / "applications" / "nl.briefing.Briefing.desktop"
    assert svg == data_home / "icons/hicolor/scalable/apps/nl.briefing.Briefing.svg"
    assert svg.read_bytes() == resource_path("icons", "briefing.svg").read_bytes()
    for size, png in zip(desktop.PNG_ICON_SIZES, pngs, strict=True):
        assert png == data_home / f"icons/hicolor/{size}x{size}/apps/nl.briefing.Briefing.png"
        assert png_size(png) == (size, size)
    values = entry_values(entry)
    assert values["Exec"] == "/opt/briefing/briefing gui %F"
    assert values["TryExec"] == "/opt/briefing/briefing"
    assert values["Icon"] == desktop.APP_ID == svg.stem
    assert values["Name"] == "Briefing" and values["Type"] == "Application"
    # Nothing left beside the files (no temporary files), and readable by the menu.
    assert sorted(p for p in data_home.rglob("*") if p.is_file()) == sorted(written)
    assert all(path.stat().st_mode & 0o777 == 0o644 for path in written)


def test_installing_again_replaces_the_entry(data_home: Path) -> None:
    desktop.install(["/old/venv/bin/briefing"])
    (entry, *_icons) = desktop.install(["/new/venv/bin/briefing"])
    assert entry_values(entry)["Exec"] == "/new/venv/bin/briefing gui %F"


def test_uninstall_removes_only_what_install_wrote(data_home: Path) -> None:
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    written = desktop.install(["/usr/bin/briefing"])
    assert desktop.uninstall() == written
    assert not any(path.exists() for path in written)
    assert other.exists()
    assert desktop.uninstall() == []


def test_exec_line_quotes_what_the_spec_says_to_quote(data_home: Path) -> None:
    command = ["/home/an/My Apps/$HOME/back\\slash/100%/briefing"]
    assert (
        desktop.exec_argument(command[0])
        == '"/home/an/My Apps/\\$HOME/back\\\\slash/100%%/briefing"'
    )
    assert desktop.exec_argument("plain-path/briefing") == "plain-path/briefing"
    assert desktop.exec_argument("") == '""'
    (entry, *_icons) = desktop.install(command, data_dir=Path("/data/Mijn bibliotheek"))
    # In the file, as a string value, each backslash is doubled once more.
    assert entry_values(entry)["Exec"] == (
        '"/home/an/My Apps/\\\\$HOME/back\\\\\\\\slash/100%%/briefing" '
        '--data-dir "/data/Mijn bibliotheek" gui %F'
    )
    desktop_file_validate(entry)


def test_the_template_and_an_installed_entry_are_valid(data_home: Path) -> None:
    desktop_file_validate(TEMPLATE)
    (entry, *_icons) = desktop.install(desktop.launcher_command())
    desktop_file_validate(entry)


def test_the_menu_entry_runs_this_briefing(data_home: Path) -> None:
    """The command of the Exec line, run as the menu would (outside the checkout, with no
    arguments but --help here, instead of `gui`), starts this Briefing."""
    command = desktop.launcher_command()
    assert os.path.isabs(command[0])
    result = subprocess.run(
        [*command, "--help"], capture_output=True, text=True, cwd=data_home.parent, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "--install-desktop-entry" in result.stdout


def test_launcher_command_is_the_bundle_or_the_briefing_that_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "bin" / "briefing"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(script), "--install-desktop-entry"])
    assert desktop.launcher_command() == [str(script)]
    # PyInstaller's executable (`make bundle`) is the launcher itself.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/Briefing/briefing")
    assert desktop.launcher_command() == ["/opt/Briefing/briefing"]
    monkeypatch.delattr(sys, "frozen")
    # A checkout's main.py, when no `briefing` is installed beside the interpreter.
    main = tmp_path / "main.py"
    main.write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(main)])
    monkeypatch.setattr(desktop.sysconfig, "get_path", lambda name: str(tmp_path / "nothing"))
    assert desktop.launcher_command() == ["/opt/Briefing/briefing", str(main)]
    monkeypatch.setattr(sys, "argv", ["-c"])
    assert desktop.launcher_command() == ["/opt/Briefing/briefing", "-m", "briefing_app"]


def test_command_line_installs_and_uninstalls(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    script = tmp_path / "venv" / "bin" / "briefing"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(script)])
    library = tmp_path / "library"

    assert launcher.main(["--data-dir", str(library), "--install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    entry = data_home / "applications" / desktop.DESKTOP_FILE
    assert f"  {entry}\n" in out and "applications menu" in out
    assert entry_values(entry)["Exec"] == f"{script} --data-dir {library} gui %F"

    assert launcher.main(["--uninstall-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert f"  {entry}\n" in out and not entry.exists()
    assert launcher.main(["--uninstall-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_command_line_refuses_a_command_beside_the_option(data_home: Path, capsys) -> None:
    assert launcher.main(["--install-desktop-entry", "list"]) == 2
    assert "takes no command" in capsys.readouterr().err
    assert not data_home.exists()
    with pytest.raises(SystemExit) as exit_info:
        launcher.main(["--install-desktop-entry", "--uninstall-desktop-entry"])
    assert exit_info.value.code == 2


def test_an_unwritable_data_home_is_one_line_and_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    blocked = tmp_path / "share"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert launcher.main(["--install-desktop-entry"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: cannot write the desktop entry") and err.count("\n") == 1


def test_data_home_follows_the_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for ignored in ("", "relative/share"):  # the spec: a relative path is to be ignored
        monkeypatch.setenv("XDG_DATA_HOME", ignored)
        assert desktop.data_home() == tmp_path / "home" / ".local" / "share"


def test_shipped_pngs_are_there_at_each_size() -> None:
    """scripts/make_icons.py renders them from briefing.svg; run it after changing the SVG."""
    for size in desktop.PNG_ICON_SIZES:
        assert png_size(resource_path("icons", f"briefing-{size}.png")) == (size, size)


# --- AppStream metainfo ---------------------------------------------------------------------


def test_metainfo_is_valid_appstream() -> None:
    result = subprocess.run(
        [validator("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_describes_this_project() -> None:
    root = ET.parse(METAINFO).getroot()
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == desktop.APP_ID
    assert root.findtext("project_license") == project["license"]
    assert root.findtext("launchable[@type='desktop-id']") == desktop.DESKTOP_FILE
    assert root.findtext("provides/binary") == "briefing" in project["scripts"]
    # The newest release is the version being built.
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == project["version"] == briefing_app.__version__
    # Name and summary as the menu shows them.
    entry = entry_values(TEMPLATE)
    assert root.findtext("name") == entry["Name"]
    assert root.findtext("summary") == entry["Comment"]
    assert (
        root.findtext("summary[@{http://www.w3.org/XML/1998/namespace}lang='nl']")
        == entry["Comment[nl]"]
    )
    assert root.find("content_rating[@type='oars-1.1']") is not None
    # Each screenshot is one of docs/.
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) == 3
    for image in images:
        assert (REPO / "docs" / image.rpartition("/docs/")[2]).is_file(), image
