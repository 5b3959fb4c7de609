"""Scrape-target registration: a Netra worker writes one JSON file that Prometheus's file_sd reads.

The file is <state>/prometheus/targets/<name>.json; Prometheus picks up changes within seconds,
so a worker registers on start and unregisters on exit with no Prometheus reload.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from netra.stack.errors import StackError
from netra.stack.settings import StackSettings, parse_host_port

JOB = "netra-worker"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def _target_path(name: str, settings: StackSettings) -> Path:
    if not _NAME.match(name):
        raise StackError(
            f"Scrape target name {name!r} is not allowed.",
            "Use letters, digits, '.', '_' or '-' (e.g. judge-0).",
        )
    return settings.targets_dir / f"{name}.json"


def target_document(name: str, address: str) -> list[dict[str, object]]:
    """The file_sd document for one worker: job netra-worker, labelled with its name."""
    hp = parse_host_port(address, "address")
    return [{"targets": [str(hp)], "labels": {"job": JOB, "worker": name}}]


def register_scrape_target(name: str, address: str, settings: StackSettings | None = None) -> Path:
    """Ask Prometheus to scrape `address` (host:port serving /metrics) as worker `name`."""
    settings = settings or StackSettings.from_env()
    path = _target_path(name, settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")  # not *.json: Prometheus never sees a half file
    tmp.write_text(json.dumps(target_document(name, address), indent=2) + "\n")
    tmp.replace(path)
    return path


def unregister_scrape_target(name: str, settings: StackSettings | None = None) -> bool:
    """Stop scraping worker `name`; True if it was registered."""
    settings = settings or StackSettings.from_env()
    path = _target_path(name, settings)
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False


def registered_targets(settings: StackSettings | None = None) -> dict[str, list[str]]:
    """Worker name -> addresses currently registered."""
    settings = settings or StackSettings.from_env()
    found: dict[str, list[str]] = {}
    for path in sorted(settings.targets_dir.glob("*.json")):
        try:
            doc = json.loads(path.read_text())
            found[path.stem] = [t for group in doc for t in group.get("targets", [])]
        except (OSError, ValueError, AttributeError, TypeError):
            continue
    return found
