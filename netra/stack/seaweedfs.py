"""SeaweedFS as Netra's local S3 object store, built from the Go module proxy into the cache.

SeaweedFS publishes no binary through a package registry, and `go install ...@version` refuses
its module (its go.mod has replace directives), so the first `netra stack up` downloads the
module with `go mod download` and builds `./weed` inside it: minutes on a small machine, shown
with a progress bar, once per version. One `weed server -s3` process runs master, volume, filer
and the S3 gateway; the gateway accepts only the credentials the stack generated
(streams.evidence.credentials), kept private under NETRA_STATE.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from netra.stack.errors import StackError
from netra.stack.service import Service, http_ok
from netra.stack.settings import HostPort
from streams.evidence.credentials import ObjectStoreCredentials, credentials_file, load_or_create

MODULE = "github.com/seaweedfs/seaweedfs"


def go_binary() -> Path:
    """The Go toolchain that builds SeaweedFS."""
    found = shutil.which("go")
    if found is None and Path("/usr/local/go/bin/go").is_file():  # Go's own tarball, off PATH
        found = "/usr/local/go/bin/go"
    if found is None:
        raise StackError(
            "Go is not installed (needed once, to build the SeaweedFS object store).",
            "Install Go 1.26 or newer (https://go.dev/dl/ or apt-get install golang-go) and "
            "run the command again; the binary is cached after the first build.",
        )
    return Path(found)


class SeaweedFS(Service):
    name = "objectstore"
    stop_grace = 20.0

    @property
    def address(self) -> HostPort:
        return self.settings.objectstore

    @property
    def url(self) -> str:
        return self.settings.objectstore_url

    @property
    def home(self) -> Path:
        return self.settings.cache_dir / f"seaweedfs-{self.settings.seaweedfs_version}"

    @property
    def binary(self) -> Path:
        return self.home / "weed"

    @property
    def go_env(self) -> dict[str, str]:
        """Go's module and build caches inside Netra's cache, so the cache is one folder."""
        cache = self.settings.cache_dir / "go"
        return {
            **os.environ,
            "GOMODCACHE": str(cache / "mod"),
            "GOCACHE": str(cache / "build"),
            "GOFLAGS": "-modcacherw -buildvcs=false",
            "GOTOOLCHAIN": "local",
        }

    def ports(self) -> dict[str, int]:
        """The S3 port from the settings; master, volume and filer on the three after it."""
        base = self.address.port
        return {"s3": base, "master": base + 1, "volume": base + 2, "filer": base + 3}

    def install(self) -> None:
        """Download the module and build `weed` once per version (a few minutes, with progress)."""
        if self.binary.is_file():
            return
        go = go_binary()
        version = self.settings.seaweedfs_version
        self.console.print(
            f"  fetching SeaweedFS {version} from the Go module proxy ...", highlight=False
        )
        done = subprocess.run(
            [str(go), "mod", "download", "-json", f"{MODULE}@{version}"],
            env=self.go_env,
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            source = Path(json.loads(done.stdout)["Dir"])
        except (ValueError, KeyError, TypeError):
            raise StackError(
                f"The Go module proxy did not deliver {MODULE}@{version}:\n"
                f"{(done.stdout + done.stderr)[-1500:]}",
                "Check that the Go module proxy is reachable (GOPROXY), or set "
                "NETRA_SEAWEEDFS_VERSION to a version it serves.",
            ) from None
        self._build(go, source)

    def _build(self, go: Path, source: Path) -> None:
        """`go build ./weed` inside the downloaded module, one progress step per package."""
        listed = subprocess.run(
            [str(go), "list", "-deps", "./weed"],
            cwd=source,
            env=self.go_env,
            capture_output=True,
            text=True,
            check=False,
        )
        total = len(listed.stdout.split()) or None
        self.home.mkdir(parents=True, exist_ok=True)
        partial = self.home / "weed.partial"
        progress = Progress(
            TextColumn("  building SeaweedFS (once; several minutes)"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[package]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        lines: list[str] = []
        with progress:
            task = progress.add_task("build", total=total, package="")
            proc = subprocess.Popen(
                [str(go), "build", "-v", "-o", str(partial), "./weed"],
                cwd=source,
                env=self.go_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            assert proc.stdout is not None

            def follow() -> None:
                assert proc.stdout is not None
                for line in proc.stdout:
                    lines.append(line.rstrip())
                    package = line.strip().rsplit("/", 1)[-1][:30]
                    progress.update(task, advance=1, package=package)

            reader = threading.Thread(target=follow, daemon=True)
            reader.start()
            code = proc.wait()
            reader.join()
        if code != 0 or not partial.is_file():
            raise StackError(
                "Building SeaweedFS failed:\n  " + "\n  ".join(lines[-12:]),
                f"Fix what Go reports above, or delete {self.home} and run `netra stack up` again.",
            )
        partial.rename(self.binary)
        self.console.print(f"  [dim]SeaweedFS built into {self.binary}[/dim]", highlight=False)

    @property
    def credentials(self) -> ObjectStoreCredentials:
        return load_or_create(credentials_file(self.settings.state_dir))

    def prepare(self) -> None:
        """The gateway's identities file (one admin identity with the stack's credentials)."""
        (self.dir / "data").mkdir(parents=True, exist_ok=True)
        creds = self.credentials
        identities = {
            "identities": [
                {
                    "name": "netra",
                    "credentials": [
                        {
                            "accessKey": creds.access_key,
                            "secretKey": creds.secret_key.get_secret_value(),
                        }
                    ],
                    "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                }
            ]
        }
        config = self.dir / "s3.json"
        fd = os.open(config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as out:
            json.dump(identities, out)

    def environment(self) -> dict[str, str]:
        # One volume per new collection (SeaweedFS grows seven by default). Every bucket is a
        # collection, and an evidence bucket under object lock can never be deleted, so on a
        # developer's machine the volume slots (about one per 256 MB of free disk) ran out after
        # a few dozen test buckets.
        return {**super().environment(), "WEED_MASTER_VOLUME_GROWTH_COPY_1": "1"}

    def command(self) -> list[str]:
        ports = self.ports()
        host = self.address.host
        return [
            str(self.binary),
            "server",
            f"-dir={self.dir / 'data'}",
            f"-ip={host}",
            f"-ip.bind={host}",
            f"-master.port={ports['master']}",
            f"-volume.port={ports['volume']}",
            f"-filer.port={ports['filer']}",
            "-volume.max=0",
            "-master.volumeSizeLimitMB=256",
            "-s3",
            f"-s3.port={ports['s3']}",
            f"-s3.config={self.dir / 's3.json'}",
        ]

    def healthy(self) -> bool:
        """Every part answers: the gateway alone is up seconds before reads and writes work."""
        ports = self.ports()
        host = self.address.host
        checks = (
            f"http://{host}:{ports['master']}/cluster/healthz",
            f"http://{host}:{ports['volume']}/status",
            f"http://{host}:{ports['filer']}/healthz",
            f"{self.url}/healthz",
        )
        return all(http_ok(url) is not None for url in checks)
