"""The lock that lets integration tests share one stack from several processes
(tests/integration/sharing.py): shared holders run together, an exclusive one runs alone and is
not starved, and a once-per-run task runs once per pytest-xdist run."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.integration.sharing import RUN_ID_VARIABLE, StackLock, once_per_run

# Generous bounds for a thread to reach a lock: these tests assert order, never speed.
SETTLE_SECONDS = 0.3
WAIT_SECONDS = 10.0


def test_two_shared_holders_hold_it_together(tmp_path: Path) -> None:
    lock = StackLock(tmp_path)
    inside = threading.Event()

    def second() -> None:
        with lock.shared():
            inside.set()

    with lock.shared():
        thread = threading.Thread(target=second)
        thread.start()
        assert inside.wait(WAIT_SECONDS), "a second shared holder was kept out"
    thread.join(WAIT_SECONDS)


def test_an_exclusive_holder_waits_for_the_shared_one_and_keeps_new_ones_out(
    tmp_path: Path,
) -> None:
    lock = StackLock(tmp_path)
    order: list[str] = []
    exclusive_waiting = threading.Event()

    def exclusive() -> None:
        exclusive_waiting.set()
        with lock.exclusive():
            order.append("exclusive")

    def late_shared() -> None:
        with lock.shared():
            order.append("late shared")

    with lock.shared():
        first = threading.Thread(target=exclusive)
        first.start()
        assert exclusive_waiting.wait(WAIT_SECONDS)
        threading.Event().wait(SETTLE_SECONDS)  # the exclusive holder now waits on the lock
        late = threading.Thread(target=late_shared)
        late.start()
        threading.Event().wait(SETTLE_SECONDS)
        order.append("first shared done")
    first.join(WAIT_SECONDS)
    late.join(WAIT_SECONDS)
    assert order == ["first shared done", "exclusive", "late shared"]


def test_once_per_run_runs_once_in_a_run_and_every_time_outside_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = StackLock(tmp_path)
    runs: list[str] = []
    monkeypatch.setenv(RUN_ID_VARIABLE, "run-1")
    assert once_per_run(lock, "drop", lambda: runs.append("run-1"))
    assert not once_per_run(lock, "drop", lambda: runs.append("run-1 again"))
    monkeypatch.setenv(RUN_ID_VARIABLE, "run-2")
    assert once_per_run(lock, "drop", lambda: runs.append("run-2"))
    monkeypatch.delenv(RUN_ID_VARIABLE)
    assert once_per_run(lock, "drop", lambda: runs.append("plain"))
    assert once_per_run(lock, "drop", lambda: runs.append("plain again"))
    assert runs == ["run-1", "run-2", "plain", "plain again"]
