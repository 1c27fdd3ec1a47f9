"""How many analysis processes an import starts: one per usable CPU up to a cap, or what the
user set in $BRIEFING_IMPORT_WORKERS."""

from __future__ import annotations

import pytest

from briefing_app.library import workers


def test_by_default_one_worker_per_usable_cpu_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(workers.WORKERS_ENV_VAR, raising=False)
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    assert workers.worker_count() == 2
    monkeypatch.setattr(workers, "usable_cpus", lambda: 1)
    assert workers.worker_count() == 1
    monkeypatch.setattr(workers, "usable_cpus", lambda: 32)
    assert workers.worker_count() == workers.DEFAULT_MAX_WORKERS


@pytest.mark.parametrize(("setting", "expected"), [("6", 6), (" 1 ", 1), ("0", 2), ("many", 2)])
def test_the_setting_chooses_the_number_and_nonsense_is_ignored(
    monkeypatch: pytest.MonkeyPatch, setting: str, expected: int
) -> None:
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    monkeypatch.setenv(workers.WORKERS_ENV_VAR, setting)
    assert workers.worker_count() == expected


def test_usable_cpus_is_at_least_one() -> None:
    assert workers.usable_cpus() >= 1
