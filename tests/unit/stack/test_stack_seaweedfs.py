"""The object store's service definition: ports, command line, and the private S3 identity."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from rich.console import Console

from netra.stack import StackSettings
from netra.stack.seaweedfs import SeaweedFS
from streams.evidence.credentials import credentials_file, read


def _service(tmp_path: Path, url: str = "http://127.0.0.1:39333") -> SeaweedFS:
    settings = StackSettings.from_env(
        {
            "NETRA_CACHE": str(tmp_path / "cache"),
            "NETRA_STATE": str(tmp_path / "state"),
            "NETRA_OBJECT_STORE_URL": url,
        }
    )
    return SeaweedFS(settings, Console(quiet=True))


def test_defaults_and_the_ports_after_the_s3_port(tmp_path: Path) -> None:
    default = StackSettings.from_env({"HOME": "/home/ani"})
    assert default.objectstore_url == "http://127.0.0.1:29333"
    assert default.as_env()["NETRA_OBJECT_STORE_URL"] == "http://127.0.0.1:29333"
    svc = _service(tmp_path)
    assert svc.ports() == {"s3": 39333, "master": 39334, "volume": 39335, "filer": 39336}
    assert svc.binary == tmp_path / "cache" / f"seaweedfs-{default.seaweedfs_version}" / "weed"
    argv = svc.command()
    assert argv[:2] == [str(svc.binary), "server"]
    for arg in ("-s3", "-s3.port=39333", "-master.port=39334", "-ip.bind=127.0.0.1"):
        assert arg in argv
    assert f"-s3.config={svc.dir / 's3.json'}" in argv
    # Locked evidence buckets are never deleted: each new one may take only one volume slot.
    assert svc.environment()["WEED_MASTER_VOLUME_GROWTH_COPY_1"] == "1"


def test_the_gateway_accepts_the_generated_identity_which_stays_private(tmp_path: Path) -> None:
    svc = _service(tmp_path)
    svc.prepare()
    config = svc.dir / "s3.json"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    creds = read(credentials_file(tmp_path / "state"))
    (identity,) = json.loads(config.read_text())["identities"]
    assert identity["credentials"] == [
        {"accessKey": creds.access_key, "secretKey": creds.secret_key.get_secret_value()}
    ]
    svc.prepare()  # a second start keeps the same identity
    assert read(credentials_file(tmp_path / "state")) == creds
