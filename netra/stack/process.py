"""Process bookkeeping: start a service in its own process group, find it again, stop all of it.

A pid file holds the group leader's pid and start time, so a recycled pid is never mistaken for
ours. Stopping signals the whole group (Elasticsearch's launcher forks the server JVM) and
escalates to SIGKILL, so `netra stack down` leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil


@dataclass(frozen=True)
class PidRecord:
    """What we wrote when we started a service: its pid, its start as a wall-clock time, and
    (on Linux) its start in clock ticks after boot, which tells a recycled pid apart without
    the wall clock.

    The wall-clock start is derived from the boot time, which moves whenever the system clock
    is stepped (an NTP correction, a virtual machine's clock catching up): a start recorded
    before a step of a second or more no longer matches the same process after it, and a
    running worker was taken for dead (the tests' harness then reported it died, and skipped
    stopping it). The ticks never move."""

    pid: int
    create_time: float
    start_ticks: int | None = None

    def alive(self) -> bool:
        """True while the recorded leader still runs (not a zombie, not a recycled pid)."""
        try:
            proc = psutil.Process(self.pid)
            if proc.status() == psutil.STATUS_ZOMBIE:
                return False
            if self.start_ticks is not None:
                ticks = start_ticks(self.pid)
                if ticks is not None:
                    return ticks == self.start_ticks
            return abs(proc.create_time() - self.create_time) < 1.0
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return False


def start_ticks(pid: int) -> int | None:
    """When the process started, in clock ticks after boot (`starttime` in /proc/PID/stat);
    None where there is no /proc or the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # The command name, in parentheses, may hold spaces: the fields after its closing
    # parenthesis start at the third (state); `starttime` is the 22nd.
    fields = stat[stat.rindex(b")") + 2 :].split()
    return int(fields[22 - 3])


def read_pidfile(path: Path) -> PidRecord | None:
    """The record in `path`, or None when missing or unreadable."""
    try:
        data = json.loads(path.read_text())
        ticks = data.get("start_ticks")
        return PidRecord(
            int(data["pid"]), float(data["create_time"]), int(ticks) if ticks is not None else None
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_pidfile(path: Path, pid: int) -> PidRecord:
    """Record a freshly started leader."""
    record = PidRecord(pid, psutil.Process(pid).create_time(), start_ticks(pid))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "pid": record.pid,
                "create_time": record.create_time,
                "start_ticks": record.start_ticks,
            }
        )
    )
    return record


def group_members(pgid: int) -> list[psutil.Process]:
    """Live (non-zombie) processes of a process group."""
    members = []
    for proc in psutil.process_iter(["pid", "status"]):
        try:
            if proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            if os.getpgid(proc.pid) == pgid:
                members.append(proc)
        except (ProcessLookupError, psutil.Error):
            continue
    return members


def spawn(
    argv: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    log_path: Path,
    user: str | None = None,
) -> int:
    """Start `argv` detached in a new process group with output appended to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            user=user,
            group=user,
            extra_groups=[] if user else None,
        )
    return proc.pid


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)


def signal_group(pgid: int, sig: signal.Signals) -> None:
    """Send `sig` to every process of the group; a vanished group is fine."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def wait_group_gone(pgid: int, timeout: float) -> bool:
    """Wait until no live process is left in the group; True if it emptied in time."""
    deadline = time.monotonic() + timeout
    while True:
        _reap(pgid)
        if not group_members(pgid):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def stop_group(pgid: int, grace: float) -> None:
    """SIGTERM the group, wait `grace` seconds, then SIGKILL whatever is left."""
    signal_group(pgid, signal.SIGTERM)
    if not wait_group_gone(pgid, grace):
        signal_group(pgid, signal.SIGKILL)
        wait_group_gone(pgid, 10.0)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    """True when something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def port_owner(port: int) -> str:
    """Describe the process listening on `port` (best effort, for error messages)."""
    with contextlib.suppress(psutil.Error, OSError):
        for conn in psutil.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
                if conn.pid:
                    proc = psutil.Process(conn.pid)
                    return f"pid {conn.pid} ({' '.join(proc.cmdline()[:3])[:80]})"
                return "another process"
    return "another process"
