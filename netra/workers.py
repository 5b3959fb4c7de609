"""Background worker processes for the demo, the tests and the benchmarks.

A worker started here runs `netra worker` in its own process group, with its log and pid file
under the state folder, so `netra demo` can leave it running and `make down` can stop it.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from netra.stack.process import (
    PidRecord,
    read_pidfile,
    signal_group,
    spawn,
    stop_group,
    wait_group_gone,
    write_pidfile,
)
from streams.settings import REPO_ROOT, Settings, private_dir


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def isolated_env(suffix: str, **overrides: str) -> dict[str, str]:
    """NETRA_* settings for a pipeline of its own: topics, consumer group and index named after
    `suffix`, so tests and benchmarks never see each other's data."""
    env = {
        "NETRA_APP_ID": f"netra-{suffix}",
        "NETRA_POSTS_TOPIC": f"{suffix}.posts",
        "NETRA_FLAGS_TOPIC": f"{suffix}.flags",
        "NETRA_DEADLETTER_TOPIC": f"{suffix}.deadletter",
        "NETRA_REGISTRY_TOPIC": f"{suffix}.registry",
        "NETRA_REVIEWS_TOPIC": f"{suffix}.reviews",
        "NETRA_ESCALATIONS_TOPIC": f"{suffix}.escalations",
        "NETRA_RULESTATE_TOPIC": f"{suffix}.rule-state",
        "NETRA_FLAGS_ALIAS": f"netra-{suffix}",
        "NETRA_AUDIT_TOPIC": f"{suffix}.audit",
        "NETRA_AUDIT_ALIAS": f"netra-{suffix}-audit",
        "NETRA_EVIDENCE_BUCKET": f"{suffix}-evidence".lower(),
        "NETRA_CASE_STEPS_TOPIC": f"{suffix}.case-steps",
        # Not under the flags alias: its index template would match the cases' indices too.
        "NETRA_CASES_ALIAS": f"netra-cases-{suffix}",
        "NETRA_REPORTERS_TOPIC": f"{suffix}.reporters",
    }
    env.update(overrides)
    return env


def settings_from_env(env: Mapping[str, str]) -> Settings:
    """The Settings a worker started with this environment and `env` over it will have."""
    return Settings.from_env({**os.environ, **env})


def workers_dir(settings: Settings | None = None) -> Path:
    return (settings or Settings()).state_dir / "workers"


@dataclass
class WorkerHandle:
    name: str
    record: PidRecord
    log_path: Path
    pid_path: Path

    def alive(self) -> bool:
        return self.record.alive()

    def stop(self, grace: float = 20.0) -> None:
        """Graceful stop: Faust commits what it processed and leaves the group."""
        stop_group(self.record.pid, grace)
        self.pid_path.unlink(missing_ok=True)

    def kill(self) -> None:
        """kill -9: no commit, no goodbye; what it did not commit is processed again."""
        signal_group(self.record.pid, signal.SIGKILL)
        wait_group_gone(self.record.pid, 10.0)
        self.pid_path.unlink(missing_ok=True)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def start_worker(
    name: str, env: Mapping[str, str] | None = None, *, agents: str | None = None
) -> WorkerHandle:
    """Start `netra worker` in the background with NETRA_* overrides from `env`."""
    args = ["-m", "netra", "worker"] + (["--agents", agents] if agents else [])
    return start_python(name, args, env)


def start_python(name: str, args: list[str], env: Mapping[str, str] | None = None) -> WorkerHandle:
    """Start `python ARGS` in its own process group, logged and tracked like a worker."""
    full_env = {**os.environ, **(env or {})}
    folder = private_dir(Settings.from_env(full_env).state_dir / "workers")
    log_path, pid_path = folder / f"{name}.log", folder / f"{name}.pid"
    pid = spawn([sys.executable, *args], cwd=REPO_ROOT, env=full_env, log_path=log_path)
    return WorkerHandle(name, write_pidfile(pid_path, pid), log_path, pid_path)


def running_workers(settings: Settings | None = None) -> list[WorkerHandle]:
    folder = workers_dir(settings)
    handles = []
    for pid_path in sorted(folder.glob("*.pid")):
        record = read_pidfile(pid_path)
        if record is None or not record.alive():
            pid_path.unlink(missing_ok=True)
            continue
        name = pid_path.stem
        handles.append(WorkerHandle(name, record, folder / f"{name}.log", pid_path))
    return handles


def stop_all(settings: Settings | None = None) -> int:
    handles = running_workers(settings)
    for handle in handles:
        handle.stop()
    return len(handles)
