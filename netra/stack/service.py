"""What every local service has in common: folders, pid file, start, health wait, stop, status.

A concrete service (kafka.py, elasticsearch.py, ...) says how to install itself, how to render its
configuration, the command that runs it and how to tell that it is healthy.
"""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from string import Template

from rich.console import Console

from netra.stack import process
from netra.stack.errors import StackError
from netra.stack.settings import HostPort, StackSettings
from streams.settings import TRAVERSABLE, private_dir


class State(StrEnum):
    """What `status` reports for a service."""

    RUNNING = "running"
    STARTING = "starting"
    STOPPED = "stopped"
    PORT_BUSY = "port busy"


@dataclass(frozen=True)
class ServiceStatus:
    """One row of `netra stack status`."""

    name: str
    url: str
    state: State
    pid: int | None
    log: str
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "url": self.url,
            "state": self.state.value,
            "up": self.state is State.RUNNING,
            "pid": self.pid,
            "log": self.log,
            "note": self.note,
        }


def http_ok(url: str, timeout: float = 2.0) -> bytes | None:
    """The body of a 2xx answer from `url`, else None."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            body: bytes = resp.read()
            return body if 200 <= resp.status < 300 else None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def render(template: Path, dest: Path, **values: object) -> None:
    """Fill a $name template from deploy/local and write it only when it changed."""
    try:
        text = Template(template.read_text()).substitute({k: str(v) for k, v in values.items()})
    except FileNotFoundError as err:
        raise StackError(
            f"Template {template} is missing.",
            "Run Netra from its repository (deploy/local holds the service templates), "
            "or set NETRA_DEPLOY_DIR to that repository's deploy/ folder.",
        ) from err
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists() or dest.read_text() != text:
        dest.write_text(text)


class Service(ABC):
    """A local service under Netra's control."""

    name: str = ""
    #: What `--only` calls it; a variant (the secure Kafka) answers to its plain service's role.
    role: str = ""
    #: Seconds SIGTERM gets before SIGKILL.
    stop_grace: float = 30.0

    def __init__(self, settings: StackSettings, console: Console) -> None:
        self.settings = settings
        self.console = console

    # -- what a concrete service provides -------------------------------------------------
    @property
    @abstractmethod
    def address(self) -> HostPort:
        """Where it listens."""

    @property
    @abstractmethod
    def url(self) -> str:
        """What clients use to reach it."""

    @abstractmethod
    def install(self) -> None:
        """Make sure binaries are present (download into the cache when needed)."""

    @abstractmethod
    def prepare(self) -> None:
        """Render configuration and initialise storage (idempotent)."""

    @abstractmethod
    def command(self) -> list[str]:
        """The argv that runs the service in the foreground."""

    @abstractmethod
    def healthy(self) -> bool:
        """True when the service answers like a working instance."""

    def environment(self) -> dict[str, str]:
        """Environment for the process (defaults to a trimmed copy of ours)."""
        keep = ("PATH", "LANG", "LC_ALL", "TZ", "HOME")
        return {k: v for k, v in os.environ.items() if k in keep}

    def refresh(self) -> None:
        """Called by `up` when the service was already running (e.g. to reload its config)."""
        return None

    def configure(self) -> None:
        """Called by `up` once the service is healthy, on every run: settings that live inside
        the running service (the secure Kafka's ACLs), applied idempotently."""
        return None

    def run_as(self) -> str | None:
        """An unprivileged user to run as, or None for the current user."""
        return None

    @property
    def log_file(self) -> Path:
        """The file `netra stack logs` shows."""
        return self.out_file

    # -- shared machinery ----------------------------------------------------------------
    @property
    def dir(self) -> Path:
        return self.settings.state_dir / self.name

    @property
    def pidfile(self) -> Path:
        return self.dir / f"{self.name}.pid"

    @property
    def out_file(self) -> Path:
        return self.dir / "logs" / f"{self.name}.out"

    def record(self) -> process.PidRecord | None:
        """Our running leader, or None (a stale pid file is removed)."""
        rec = process.read_pidfile(self.pidfile)
        if rec is None:
            return None
        if rec.alive():
            return rec
        if not process.group_members(rec.pid):
            self.pidfile.unlink(missing_ok=True)
            return None
        return rec  # leader gone but children linger: still ours to stop

    def status(self) -> ServiceStatus:
        rec = self.record()
        pid = rec.pid if rec else None
        if rec is not None:
            state = State.RUNNING if self.healthy() else State.STARTING
            note = ""
        elif process.port_open(self.address.host, self.address.port):
            state = State.PORT_BUSY
            note = f"{self.address} is used by {process.port_owner(self.address.port)}"
        else:
            state = State.STOPPED
            note = ""
        return ServiceStatus(self.name, self.url, state, pid, str(self.log_file), note)

    def start(self) -> bool:
        """Start unless already running; True when a new process was started."""
        if self.record() is not None:
            return False
        if process.port_open(self.address.host, self.address.port):
            raise StackError(
                f"{self.name}: {self.address} is already taken by "
                f"{process.port_owner(self.address.port)}.",
                f"Stop that process, or give Netra's {self.name} another port "
                "(see `netra stack --help` for the NETRA_* variables).",
            )
        self.install()
        private_dir(self.dir)
        self.settings.state_dir.chmod(TRAVERSABLE)
        self.prepare()
        self.out_file.parent.mkdir(parents=True, exist_ok=True)
        pid = process.spawn(
            self.command(),
            cwd=self.dir,
            env=self.environment(),
            log_path=self.out_file,
            user=self.run_as(),
        )
        process.write_pidfile(self.pidfile, pid)
        return True

    def wait_healthy(self, deadline: float) -> None:
        """Block until healthy; fail fast with the log's tail if the process dies."""
        while True:
            if self.healthy():
                return
            if self.record() is None:
                raise StackError(
                    f"{self.name} exited during start-up. Last log lines:\n{self.tail(15)}",
                    f"Full log: {self.log_file} (and {self.out_file}).",
                )
            if time.monotonic() > deadline:
                raise StackError(
                    f"{self.name} did not become healthy in time. Last log lines:\n{self.tail(15)}",
                    f"Raise NETRA_STACK_TIMEOUT on a slow machine, or read {self.log_file}.",
                )
            time.sleep(0.5)

    def request_stop(self) -> int | None:
        """Send SIGTERM to the service's process group; returns the group id, if any."""
        rec = self.record()
        if rec is None:
            return None
        process.signal_group(rec.pid, signal.SIGTERM)
        return rec.pid

    def finish_stop(self, pgid: int) -> None:
        """Wait for the group to exit, escalating to SIGKILL after the grace period."""
        process.stop_group(pgid, self.stop_grace)
        self.pidfile.unlink(missing_ok=True)

    def stop(self) -> bool:
        """Stop the service; True if something was running."""
        pgid = self.request_stop()
        if pgid is None:
            return False
        self.finish_stop(pgid)
        return True

    def tail(self, lines: int) -> str:
        """The last `lines` lines of the log (or of the captured output if the log is empty)."""
        for path in (self.log_file, self.out_file):
            try:
                text = path.read_text(errors="replace").splitlines()
            except OSError:
                continue
            if text:
                return "\n".join("    " + ln[:300] for ln in text[-lines:])
        return "    (no log output)"
