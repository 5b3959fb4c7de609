"""Prometheus and Alertmanager come from Debian's packages; Netra runs them from its own folders.

`apt-get install` normally starts the packaged daemons on 9090/9093. Netra does not rely on those:
it blocks service start-up during its own install (policy-rc.d) and stops them if they came up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from rich.console import Console

from netra.stack.errors import StackError

PACKAGES = ("prometheus", "prometheus-alertmanager")
POLICY_RC = Path("/usr/sbin/policy-rc.d")


def binary(*names: str) -> Path | None:
    """The first of `names` found on PATH."""
    for name in names:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def install_hint() -> str:
    return (
        "Install them: sudo apt-get install -y --no-install-recommends "
        + " ".join(PACKAGES)
        + "  (or put `prometheus` and `alertmanager` binaries on PATH)"
    )


def ensure_packages(console: Console) -> None:
    """apt-get install the Prometheus packages when their binaries are missing."""
    if binary("prometheus") and binary("prometheus-alertmanager", "alertmanager"):
        return
    apt = shutil.which("apt-get")
    if apt is None:
        raise StackError(
            "Prometheus/Alertmanager are missing and apt-get is unavailable.", install_hint()
        )
    if os.geteuid() != 0:
        raise StackError(
            "Prometheus/Alertmanager are missing and installing them needs root.", install_hint()
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    argv = [apt, "install", "-y", "-q", "--no-install-recommends", *PACKAGES]
    own_policy = not POLICY_RC.exists()
    if own_policy:
        # Exit code 101 tells invoke-rc.d/deb-systemd-invoke not to start services.
        POLICY_RC.write_text("#!/bin/sh\nexit 101\n")
        POLICY_RC.chmod(0o755)
    try:
        with console.status("Installing Prometheus and Alertmanager from Debian (apt-get)..."):
            result = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
            if result.returncode != 0:
                subprocess.run([apt, "update", "-q"], capture_output=True, env=env, check=False)
                result = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    finally:
        if own_policy:
            POLICY_RC.unlink(missing_ok=True)
    if result.returncode != 0:
        raise StackError(
            "apt-get could not install Prometheus/Alertmanager:\n" + result.stderr[-1500:],
            install_hint(),
        )
    stop_packaged_daemons()
    console.print(f"  [dim]installed {', '.join(PACKAGES)} (their system services stay off)[/dim]")


def stop_packaged_daemons() -> None:
    """Stop and disable the distribution's own instances; Netra starts its own."""
    systemd = Path("/run/systemd/system").is_dir() and shutil.which("systemctl")
    for unit in PACKAGES:
        if systemd:
            subprocess.run(
                ["systemctl", "disable", "--now", unit], capture_output=True, check=False
            )
        elif Path(f"/etc/init.d/{unit}").exists():
            subprocess.run([f"/etc/init.d/{unit}", "stop"], capture_output=True, check=False)
