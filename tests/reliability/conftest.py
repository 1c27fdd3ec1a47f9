"""Shared pieces of the reliability harness: subprocess helpers, integrity checks, hypothesis
profiles and the short/long switch.

`make test` runs the short version; `make reliability` sets BRIEFING_RELIABILITY_KILLS (and
BRIEFING_RELIABILITY_DOCS) for the long one. Every random choice is seeded, so a failure
replays the same kill moments.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[2]

# Short run (make test) by default; the long run raises these through the environment.
KILLS = int(os.environ.get("BRIEFING_RELIABILITY_KILLS", "5"))
CORPUS_DOCS = int(os.environ.get("BRIEFING_RELIABILITY_DOCS", "400"))
SEED = int(os.environ.get("BRIEFING_RELIABILITY_SEED", "20240607"))
# Documents that all match one query, for the large result list in the window.
RESULT_HITS = int(os.environ.get("BRIEFING_RELIABILITY_HITS", "3000"))
LONG_RUN = KILLS >= 50

# Deterministic in CI (and by default) so a run never fails by luck; `dev` explores afresh.
settings.register_profile(
    "ci", derandomize=True, deadline=None, max_examples=200 if LONG_RUN else 60
)
settings.register_profile("dev", deadline=None, max_examples=300)
settings.load_profile(os.environ.get("BRIEFING_HYPOTHESIS_PROFILE", "ci"))
# Only the property tests over whole documents need this: generating 10-100 kB texts is slow
# by design, not a sign of a bad strategy.
SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "reliability: crash, concurrency and hostile-input tests")


def cli_command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "briefing_app", "--data-dir", str(data_dir), *args]


def child_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", **extra}
    env.pop("BRIEFING_DATA_DIR", None)
    return env


def run_cli(
    data_dir: Path,
    *args: str,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `briefing ARGS` to completion in a fresh interpreter (the real entry point);
    `wrapper` is a command that runs it (e.g. one that drops privileges)."""
    return subprocess.run(
        [*wrapper, *cli_command(data_dir, *args)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env=child_env(**(env or {})),
        cwd=REPO,
        check=False,
    )


def spawn(command: Sequence[str]) -> subprocess.Popen[str]:
    """A child in its own process group, so it and its workers can be found and killed."""
    return subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        env=child_env(),
        cwd=REPO,
        start_new_session=True,
    )


@contextmanager
def spawned(command: Sequence[str]) -> Iterator[subprocess.Popen[str]]:
    """`spawn`, and the whole group SIGKILLed on the way out, so no worker process outlives
    a test, whatever happened."""
    child = spawn(command)
    try:
        yield child
    finally:
        kill_group(child)


def kill_group(child: subprocess.Popen[str]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    with suppress(subprocess.TimeoutExpired, ValueError):
        child.communicate(timeout=30)
    child.wait(timeout=30)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_group_gone(pgid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not group_alive(pgid):
            return True
        time.sleep(0.05)
    return not group_alive(pgid)


def integrity(path: Path) -> str:
    """PRAGMA integrity_check on a copy-free read-only connection (WAL is replayed)."""
    db = sqlite3.connect(path, timeout=30)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


def catalog_ids(data_dir: Path) -> set[str]:
    db = sqlite3.connect(data_dir / "library.sqlite3", timeout=30)
    try:
        return {row[0] for row in db.execute("SELECT id FROM documents")}
    finally:
        db.close()


def json_out(result: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(result.stdout)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# -- the window tests ------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path):
    """Window settings of the test's own, English UI (as tests/ui/conftest.py)."""
    from PySide6.QtCore import QSettings  # Qt is loaded only by the window tests

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


@pytest.fixture
def no_leaked_threads() -> Iterator[None]:
    """Every worker thread a window started has ended when the test is over."""
    before = {t.ident for t in threading.enumerate()}
    yield
    leaked = [
        t for t in threading.enumerate() if t.ident not in before and t.is_alive() and not t.daemon
    ]
    assert not leaked, f"threads left running: {[t.name for t in leaked]}"


# Root writes into read-only folders through CAP_DAC_OVERRIDE; without it (and without
# CAP_DAC_READ_SEARCH) root is held to the folder's mode like anyone else. Dropping the two
# capabilities, rather than switching to an unprivileged user, keeps the interpreter reachable:
# it may live under /root (mode 700), as pyenv's does on CI.
DROP_WRITE_OVERRIDE = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
    "--",
]
PROBE = "import briefing_app, sys; open(sys.argv[1] + '/probe', 'w')"


@pytest.fixture
def unprivileged(tmp_path: Path) -> list[str]:
    """A command prefix under which a mode 555 folder really is read-only (empty when the
    tests do not run as root); skips, saying why, when that cannot be arranged."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip(
            "running as root and setpriv (util-linux) is missing: cannot drop root's write override"
        )
    folder = tmp_path / "probe"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    probe = subprocess.run(
        [*DROP_WRITE_OVERRIDE, sys.executable, "-c", PROBE, str(folder)],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=REPO,
        check=False,
    )
    if "PermissionError" not in probe.stderr:
        pytest.skip(f"cannot run python without root's write override here: {probe.stderr[-300:]}")
    return DROP_WRITE_OVERRIDE
