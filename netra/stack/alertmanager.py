"""Alertmanager (Debian's binary), the target of Prometheus's alerting, clustering switched off."""

from __future__ import annotations

from pathlib import Path

from netra.stack import debian
from netra.stack.errors import StackError
from netra.stack.service import Service, http_ok, render
from netra.stack.settings import HostPort


class Alertmanager(Service):
    name = "alertmanager"
    stop_grace = 20.0

    @property
    def address(self) -> HostPort:
        return self.settings.alertmanager

    @property
    def url(self) -> str:
        return self.settings.alertmanager_url

    def binary(self) -> Path:
        found = debian.binary("prometheus-alertmanager", "alertmanager")
        if found is None:
            raise StackError("Alertmanager is not installed.", debian.install_hint())
        return found

    def install(self) -> None:
        debian.ensure_packages(self.console)

    def prepare(self) -> None:
        (self.dir / "data").mkdir(parents=True, exist_ok=True)
        render(self.settings.local_dir / "alertmanager.yml", self.dir / "alertmanager.yml")

    def command(self) -> list[str]:
        return [
            str(self.binary()),
            f"--config.file={self.dir / 'alertmanager.yml'}",
            f"--storage.path={self.dir / 'data'}",
            f"--web.listen-address={self.address}",
            f"--web.external-url={self.url}/",
            # An empty address turns off the HA gossip listener (default 0.0.0.0:9094).
            "--cluster.listen-address=",
        ]

    def healthy(self) -> bool:
        return http_ok(f"{self.url}/-/ready") is not None
