"""Bring the whole stack up, down, or report on it; services start together, health is awaited."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from rich.console import Console

from netra.stack.alertmanager import Alertmanager
from netra.stack.elasticsearch import Elasticsearch
from netra.stack.errors import StackError
from netra.stack.kafka import Kafka
from netra.stack.prometheus import Prometheus
from netra.stack.service import Service, ServiceStatus
from netra.stack.settings import StackSettings

#: Start order; `down` goes in reverse. Alertmanager before the Prometheus that alerts to it.
SERVICE_TYPES: tuple[type[Service], ...] = (Kafka, Elasticsearch, Alertmanager, Prometheus)
SERVICE_NAMES: tuple[str, ...] = tuple(t.name for t in SERVICE_TYPES)


def select(only: Iterable[str] | None) -> tuple[type[Service], ...]:
    """The service types named in `only` (all when empty), validated."""
    wanted = [n.strip().lower() for n in (only or []) if n.strip()]
    unknown = sorted(set(wanted) - set(SERVICE_NAMES))
    if unknown:
        raise StackError(
            f"Unknown service(s): {', '.join(unknown)}.",
            f"Choose from: {', '.join(SERVICE_NAMES)}.",
        )
    return tuple(t for t in SERVICE_TYPES if not wanted or t.name in wanted)


def services(
    settings: StackSettings, console: Console, only: Iterable[str] | None = None
) -> list[Service]:
    return [t(settings, console) for t in select(only)]


def up(
    settings: StackSettings | None = None,
    console: Console | None = None,
    only: Sequence[str] | None = None,
) -> list[tuple[ServiceStatus, bool]]:
    """Start what is not running and wait until all selected services are healthy.

    Returns each service's status and whether this call started it (False: already running).
    """
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    chosen = services(settings, console, only)
    started: dict[str, bool] = {}
    for svc in chosen:
        started[svc.name] = svc.start()
        if started[svc.name]:
            console.print(f"  starting {svc.name} on {svc.address} ...")
        else:
            svc.refresh()
    deadline = time.monotonic() + settings.health_timeout
    waiting = [s.name for s in chosen if started[s.name]]
    if waiting:
        with console.status(f"waiting for {', '.join(waiting)} to become healthy ..."):
            for svc in chosen:
                svc.wait_healthy(deadline)
    else:
        for svc in chosen:
            svc.wait_healthy(deadline)
    return [(svc.status(), started[svc.name]) for svc in chosen]


def down(
    settings: StackSettings | None = None,
    console: Console | None = None,
    only: Sequence[str] | None = None,
) -> list[tuple[str, bool]]:
    """Stop the selected services (all together) and wait until none of their processes remain."""
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    chosen = list(reversed(services(settings, console, only)))
    pending = [(svc, svc.request_stop()) for svc in chosen]
    result = []
    for svc, pgid in pending:
        if pgid is not None:
            svc.finish_stop(pgid)
        result.append((svc.name, pgid is not None))
    return result


def status(
    settings: StackSettings | None = None,
    console: Console | None = None,
    only: Sequence[str] | None = None,
) -> list[ServiceStatus]:
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    return [svc.status() for svc in services(settings, console, only)]
