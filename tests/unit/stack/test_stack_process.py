"""Process-group bookkeeping with real (tiny) processes: no services needed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import psutil

from netra.stack import process

# A leader that forks a child and ignores SIGTERM: stop_group must escalate and get both.
STUBBORN = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print(child.pid, flush=True)
time.sleep(600)
"""


def _spawn(tmp_path: Path, code: str) -> int:
    return process.spawn(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=dict(os.environ),
        log_path=tmp_path / "out.log",
    )


def test_stop_group_kills_leader_and_children_even_if_they_ignore_sigterm(
    tmp_path: Path,
) -> None:
    pid = _spawn(tmp_path, STUBBORN)
    deadline = time.monotonic() + 20
    while len(process.group_members(pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    members = {p.pid for p in process.group_members(pid)}
    assert pid in members and len(members) == 2
    assert os.getpgid(pid) == pid  # its own group, detached from ours

    t0 = time.monotonic()
    process.stop_group(pid, grace=1.0)
    assert time.monotonic() - t0 < 10
    assert process.group_members(pid) == []


def test_pidfile_round_trip_and_recycled_pids(tmp_path: Path) -> None:
    pidfile = tmp_path / "x.pid"
    pid = _spawn(tmp_path, "import time; time.sleep(600)")
    try:
        rec = process.write_pidfile(pidfile, pid)
        assert process.read_pidfile(pidfile) == rec
        assert rec.alive()
        # Same pid, different start time: not ours.
        assert not process.PidRecord(pid, rec.create_time - 1000).alive()
        assert rec.start_ticks is not None
        assert not process.PidRecord(pid, rec.create_time, rec.start_ticks - 1).alive()
        # The system clock stepped since the record was written: the wall-clock start no longer
        # matches, the start in ticks after boot still does.
        assert process.PidRecord(pid, rec.create_time - 30, rec.start_ticks).alive()
        # A record written before the ticks were kept is still read and judged by its time.
        pidfile.write_text(f'{{"pid": {pid}, "create_time": {rec.create_time}}}')
        old = process.read_pidfile(pidfile)
        assert old is not None and old.start_ticks is None and old.alive()
    finally:
        process.stop_group(pid, grace=5.0)
    assert not rec.alive()
    pidfile.write_text("garbage")
    assert process.read_pidfile(pidfile) is None
    assert process.read_pidfile(tmp_path / "missing.pid") is None


def test_port_open_sees_a_listener(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert process.port_open("127.0.0.1", port)
    assert not process.port_open("127.0.0.1", port)
    assert psutil.pid_exists(os.getpid())
