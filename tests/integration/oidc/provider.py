"""A real OpenID provider for the desk's sign-in tests: the `oidc-provider` npm package, pinned
by package.json and package-lock.json here, installed with `npm ci` into NETRA_CACHE (outside
the clone) on first use, and started with provider.mjs (copied beside its node_modules) on a
free loopback port."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from netra.stack.settings import StackSettings
from netra.workers import free_port

HERE = Path(__file__).parent
PINNED = ("package.json", "package-lock.json")


class ProviderUnavailableError(RuntimeError):
    """node or npm is missing, or the package cannot be installed; the message says which."""


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str


def install_dir() -> Path:
    """NETRA_CACHE/oidc-provider with the pinned package installed (again when the pins
    changed)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise ProviderUnavailableError("node and npm are needed for the test OpenID provider")
    target = StackSettings.from_env().cache_dir / "oidc-provider"
    target.mkdir(parents=True, exist_ok=True)
    wanted = {name: (HERE / name).read_bytes() for name in PINNED}
    stamp = target / ".installed-lock"
    installed = target / "node_modules" / "oidc-provider" / "package.json"
    if installed.exists() and stamp.exists() and stamp.read_bytes() == wanted[PINNED[1]]:
        return target
    for name, content in wanted.items():
        (target / name).write_bytes(content)
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=target,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise ProviderUnavailableError(f"npm ci failed: {done.stderr.strip()[-800:]}")
    stamp.write_bytes(wanted[PINNED[1]])
    return target


@contextmanager
def running_provider(
    redirect_uri: str,
    accounts: Mapping[str, Mapping[str, str]],
    *,
    host: str = "localhost",
    conformant: bool = False,
) -> Iterator[RunningProvider]:
    """The provider until the block ends. `host` names it in its issuer: "localhost" against a
    desk on 127.0.0.1 makes the sign-in cross-site, as it is in production. `conformant` keeps
    the profile claims out of the ID token (the UserInfo endpoint gives them)."""
    target = install_dir()
    port = free_port()
    provider = RunningProvider(f"http://{host}:{port}", "netra-desk", "desk-secret:%-test-42")
    env = {
        **os.environ,
        "NODE_ENV": "development",
        "OIDC_PORT": str(port),
        "OIDC_ISSUER": provider.issuer,
        "OIDC_CLIENT_ID": provider.client_id,
        "OIDC_CLIENT_SECRET": provider.client_secret,
        "OIDC_REDIRECT_URI": redirect_uri,
        "OIDC_ACCOUNTS": json.dumps(accounts),
        "OIDC_CONFORM": "1" if conformant else "0",
    }
    # Run beside its node_modules: an ES module resolves packages from its own folder.
    script = target / "provider.mjs"
    shutil.copyfile(HERE / "provider.mjs", script)
    log = (target / "provider.log").open("w")
    process = subprocess.Popen(
        ["node", str(script)],
        cwd=target,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(provider.issuer, process, target / "provider.log")
        yield provider
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for(issuer: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ProviderUnavailableError(f"the provider exited: {log.read_text()[-800:]}")
        try:
            if httpx.get(f"{issuer}/.well-known/openid-configuration", timeout=2).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise ProviderUnavailableError(f"the provider did not start in 30 s: {log.read_text()[-800:]}")
