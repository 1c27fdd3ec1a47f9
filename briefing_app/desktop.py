"""The desktop entry: `briefing --install-desktop-entry` puts Briefing in the applications
menu of the current user, `--uninstall-desktop-entry` takes it out again.

Writes, under $XDG_DATA_HOME (default ~/.local/share), as the freedesktop specifications
say: applications/nl.briefing.Briefing.desktop (from the template in resources/, its Exec
line pointing at the `briefing` that was run) and the icon, as SVG in
icons/hicolor/scalable/apps/ and as PNG in icons/hicolor/<n>x<n>/apps/. No Qt here: the
command line runs it.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from collections.abc import Sequence
from pathlib import Path

from briefing_app.resources import resource_path

# The application id: the desktop file's name, the icon's name, the AppStream metainfo's
# <id> (resources/nl.briefing.Briefing.metainfo.xml) and the window's desktop file name.
APP_ID = "nl.briefing.Briefing"
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
# resources/icons/briefing-<n>.png, rendered from briefing.svg by scripts/make_icons.py.
PNG_ICON_SIZES = (48, 64, 128, 256)


def data_home() -> Path:
    """$XDG_DATA_HOME when set to an absolute path (the spec ignores others), else
    ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this Briefing, for the menu's Exec line.

    The bundle's executable (PyInstaller, `make bundle`); else the `briefing` that was run (a
    wheel's, a virtual environment's, pipx's link to it); else the `briefing` beside this
    interpreter; else `python main.py` of a checkout or `python -m briefing_app`.
    """
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if os.path.basename(argv0) == "briefing" and os.path.isfile(argv0):
        return [os.path.abspath(argv0)]
    beside = Path(sysconfig.get_path("scripts")) / "briefing"
    if beside.is_file():
        return [str(beside)]
    if os.path.basename(argv0) == "main.py" and os.path.isfile(argv0):
        return [sys.executable, os.path.abspath(argv0)]
    return [sys.executable, "-m", "briefing_app"]


def entry_paths(home: Path | None = None) -> list[Path]:
    """Every file the desktop entry consists of: the .desktop file first, then the icons."""
    home = home or data_home()
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / DESKTOP_FILE,
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in PNG_ICON_SIZES),
    ]


def icon_sources() -> list[Path]:
    """The shipped icon files, in the order of entry_paths()[1:]."""
    return [
        resource_path("icons", "briefing.svg"),
        *(resource_path("icons", f"briefing-{n}.png") for n in PNG_ICON_SIZES),
    ]


def desktop_entry(command: Sequence[str], data_dir: Path | None = None) -> str:
    """The .desktop file's text: the template in resources/ with Exec and TryExec pointing
    at `command` (plus --data-dir when one was given)."""
    args = list(command)
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    exec_line = " ".join(exec_argument(arg) for arg in [*args, "gui"]) + " %F"
    lines = []
    for line in resource_path(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + string_value(exec_line)
        elif line.startswith("TryExec="):
            line = "TryExec=" + string_value(args[0])
        lines.append(line)
    return "\n".join(lines) + "\n"


# Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def exec_argument(arg: str) -> str:
    """One argument of an Exec line, quoted when it must be; a literal % is written %%."""
    if arg and not _RESERVED.intersection(arg):
        return arg.replace("%", "%%")
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + quoted.replace("%", "%%") + '"'


def string_value(text: str) -> str:
    """Text as the value of a key of type string (escapes: \\\\, \\n, \\t, \\r)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def install(
    command: Sequence[str] | None = None, data_dir: Path | None = None, home: Path | None = None
) -> list[Path]:
    """Write the .desktop file and the icons; returns the files written."""
    targets = entry_paths(home)
    contents = [desktop_entry(command or launcher_command(), data_dir).encode("utf-8")]
    contents += [source.read_bytes() for source in icon_sources()]
    for target, data in zip(targets, contents, strict=True):
        _write(target, data)
    # Icon caches and menus look at the folders' times: make the new icon seen.
    os.utime(targets[1].parents[2])
    return targets


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the .desktop file and the icons install() wrote; returns the files removed."""
    removed = []
    for target in entry_paths(home):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        removed.append(target)
    return removed


def _write(target: Path, data: bytes) -> None:
    """Write target whole or not at all (a menu may read it at any moment)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.chmod(0o644)
    os.replace(temporary, target)


def run_option(install_entry: bool, data_dir: Path | None) -> int:
    """`briefing --install-desktop-entry` / `--uninstall-desktop-entry`: do it, say what was
    done; exit status 0, or 1 when a file cannot be written or removed."""
    home = data_home()
    try:
        if install_entry:
            command = launcher_command()
            written = install(command, data_dir, home)
        else:
            removed = uninstall(home)
    except OSError as error:
        what = "write" if install_entry else "remove"
        reason = error.strerror or str(error)
        where = error.filename or home
        print(f"Error: cannot {what} the desktop entry ({where}): {reason}.", file=sys.stderr)
        return 1
    if install_entry:
        print("Briefing is in the applications menu now. Written:")
        for path in written:
            print(f"  {path}")
        started = " ".join(exec_argument(arg) for arg in command)
        print(f"The menu entry starts: {started}" + (f" --data-dir {data_dir}" if data_dir else ""))
        print("To remove it: briefing --uninstall-desktop-entry")
    elif removed:
        print("Briefing is out of the applications menu. Removed:")
        for path in removed:
            print(f"  {path}")
    else:
        print(f"No desktop entry of Briefing was installed under {home}; nothing to remove.")
    return 0
