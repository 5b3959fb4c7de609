"""Prometheus (Debian's binary) with a config that finds Netra's workers through file_sd."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path

from netra.stack import debian
from netra.stack.errors import StackError
from netra.stack.service import Service, http_ok, render
from netra.stack.settings import HostPort


class Prometheus(Service):
    name = "prometheus"
    stop_grace = 20.0

    @property
    def address(self) -> HostPort:
        return self.settings.prometheus

    @property
    def url(self) -> str:
        return self.settings.prometheus_url

    def binary(self) -> Path:
        found = debian.binary("prometheus")
        if found is None:
            raise StackError("prometheus is not installed.", debian.install_hint())
        return found

    def install(self) -> None:
        debian.ensure_packages(self.console)

    def prepare(self) -> None:
        s = self.settings
        s.targets_dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "data").mkdir(parents=True, exist_ok=True)
        render(
            s.local_dir / "prometheus.yml",
            self.dir / "prometheus.yml",
            scrape_interval=s.scrape_interval,
            alertmanager_address=s.alertmanager,
            prometheus_address=s.prometheus,
            rules_glob=s.rules_glob,
            targets_dir=s.targets_dir,
            # A JSON string is a YAML double-quoted scalar: any URL stays one value.
            desk_url=json.dumps(s.desk_url),
        )

    def command(self) -> list[str]:
        return [
            str(self.binary()),
            f"--config.file={self.dir / 'prometheus.yml'}",
            f"--storage.tsdb.path={self.dir / 'data'}",
            "--storage.tsdb.retention.time=7d",
            f"--web.listen-address={self.address}",
            f"--web.external-url={self.url}/",
            "--web.enable-lifecycle",
        ]

    def _fingerprint(self) -> str:
        """Config text plus the rule files' names, sizes and mtimes: changes mean reload."""
        parts = [(self.dir / "prometheus.yml").read_text()]
        pattern = Path(self.settings.rules_glob)
        for rules in sorted(pattern.parent.glob(pattern.name)):
            st = rules.stat()
            parts.append(f"{rules}:{st.st_size}:{st.st_mtime_ns}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def refresh(self) -> None:
        """Reload when the config or deploy/prometheus/*.rules.yml changed since the last start."""
        self.prepare()
        stamp = self.dir / "loaded.sha256"
        current = self._fingerprint()
        if stamp.exists() and stamp.read_text() == current:
            return
        request = urllib.request.Request(f"{self.url}/-/reload", method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10):
                stamp.write_text(current)
        except OSError:
            return

    def start(self) -> bool:
        started = super().start()
        if started:
            (self.dir / "loaded.sha256").write_text(self._fingerprint())
        return started

    def healthy(self) -> bool:
        return http_ok(f"{self.url}/-/ready") is not None
