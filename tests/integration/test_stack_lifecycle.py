"""`netra stack up` is idempotent and `netra stack down` leaves no process behind.

This runs a second, private stack (own ports, own state folder, the shared download cache) through
the real CLI, so stopping it never disturbs the session stack other integration tests use.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from netra.stack import SERVICE_NAMES, StackSettings
from tests.integration.ports import free_base

# A second stack beside the shared one is heavy, and the second `up` is timed: run alone.
pytestmark = [pytest.mark.integration, pytest.mark.exclusive]


def _free_ports(count: int) -> list[int]:
    """`count` free ports; port+100 must be free too (Elasticsearch's transport port)."""
    ports: list[int] = []
    while len(ports) < count:
        ports.append(free_base((0, 100), taken=[q for p in ports for q in (p, p + 100)]))
    return ports


def _free_objectstore_base() -> int:
    """An S3 port whose next three (master, volume, filer) and their gRPC ports (+10000) are
    free too."""
    return free_base((*range(4), *range(10_000, 10_004)))


@pytest.fixture
def private_env(stack: StackSettings) -> Iterator[dict[str, str]]:
    # Not pytest's tmp_path: every pytest session resets /tmp/pytest-of-<user> to mode 0700,
    # which would lock Elasticsearch's unprivileged user out of a concurrently running test.
    tmp_path = Path(tempfile.mkdtemp(prefix="netra-stack-lifecycle-"))
    kafka, controller, es, prom, am = _free_ports(5)
    env = {
        **os.environ,
        "NETRA_CACHE": str(stack.cache_dir),  # reuse downloads: this test is about lifecycle
        "NETRA_STATE": str(tmp_path / "state"),
        "NETRA_KAFKA_BOOTSTRAP": f"127.0.0.1:{kafka}",
        "NETRA_KAFKA_CONTROLLER_PORT": str(controller),
        "NETRA_ES_URL": f"http://127.0.0.1:{es}",
        "NETRA_PROMETHEUS_URL": f"http://127.0.0.1:{prom}",
        "NETRA_ALERTMANAGER_URL": f"http://127.0.0.1:{am}",
        "NETRA_OBJECT_STORE_URL": f"http://127.0.0.1:{_free_objectstore_base()}",
        "COLUMNS": "200",
    }
    try:
        yield env
    finally:
        _netra(env, "stack", "down")  # whatever happened, stop the private stack
        shutil.rmtree(tmp_path, ignore_errors=True)


def _netra(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netra", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _status(env: dict[str, str]) -> dict[str, dict[str, object]]:
    result = _netra(env, "stack", "status", "--json")
    assert result.returncode == 0, result.stderr
    services: dict[str, dict[str, object]] = json.loads(result.stdout)["services"]
    return services


def test_up_twice_is_a_no_op_and_down_stops_everything(private_env: dict[str, str]) -> None:
    first = _netra(private_env, "stack", "up")
    assert first.returncode == 0, first.stdout + first.stderr
    before = _status(private_env)
    assert set(before) == set(SERVICE_NAMES)
    assert all(s["state"] == "running" for s in before.values()), before
    assert before["elasticsearch"]["url"] == private_env["NETRA_ES_URL"]
    # State holds NIPs and posts: each service's folder is private to its user, the root only
    # traversable (Elasticsearch's user passes through it to its own folder).
    state = Path(private_env["NETRA_STATE"])
    assert stat.S_IMODE(state.stat().st_mode) == 0o711
    for name in SERVICE_NAMES:
        assert stat.S_IMODE((state / name).stat().st_mode) == 0o700, name

    t0 = time.monotonic()
    second = _netra(private_env, "stack", "up")
    elapsed = time.monotonic() - t0
    assert second.returncode == 0, second.stdout + second.stderr
    assert elapsed < 15, f"second `up` took {elapsed:.1f}s"
    assert second.stdout.count("already running") >= len(SERVICE_NAMES)
    assert "started" not in second.stdout.replace("already running", "")
    assert {n: s["pid"] for n, s in _status(private_env).items()} == {
        n: s["pid"] for n, s in before.items()
    }

    groups = {int(str(s["pid"])) for s in before.values()}
    members = {
        p.pid for p in psutil.process_iter() if _pgid(p.pid) in groups
    }  # the launchers and their children (Elasticsearch forks its server JVM)
    assert len(members) > len(groups)

    down = _netra(private_env, "stack", "down")
    assert down.returncode == 0, down.stdout + down.stderr
    after = _status(private_env)
    assert all(s["state"] == "stopped" and s["pid"] is None for s in after.values()), after
    left = [p for p in members if psutil.pid_exists(p) and _alive(p)]
    assert not left, f"processes left behind: {left}"


def _pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
