"""Bring the whole stack up, down, or report on it; services start together, health is awaited."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from rich.console import Console

from netra.stack.alertmanager import Alertmanager
from netra.stack.elasticsearch import Elasticsearch
from netra.stack.errors import StackError
from netra.stack.kafka import Kafka
from netra.stack.kafka_secure import SecureKafka
from netra.stack.prometheus import Prometheus
from netra.stack.seaweedfs import SeaweedFS
from netra.stack.service import Service, ServiceStatus
from netra.stack.settings import StackSettings

#: Start order; `down` goes in reverse. Alertmanager before the Prometheus that alerts to it.
SERVICE_TYPES: tuple[type[Service], ...] = (
    Kafka,
    Elasticsearch,
    SeaweedFS,
    Alertmanager,
    Prometheus,
)
SERVICE_NAMES: tuple[str, ...] = tuple(t.name for t in SERVICE_TYPES)
#: `--secure`: the same stack with the SASL_SSL broker (its own ports and state) for Kafka.
SECURE_SERVICE_TYPES: tuple[type[Service], ...] = (
    SecureKafka,
    Elasticsearch,
    SeaweedFS,
    Alertmanager,
    Prometheus,
)
#: What a bare `down` stops: every service, whichever Kafka was started.
ALL_SERVICE_TYPES: tuple[type[Service], ...] = (
    Kafka,
    SecureKafka,
    Elasticsearch,
    SeaweedFS,
    Alertmanager,
    Prometheus,
)


def select(only: Iterable[str] | None, secure: bool = False) -> tuple[type[Service], ...]:
    """The service types named in `only` (all when empty), validated; with `secure`, "kafka"
    is the secure broker."""
    wanted = [n.strip().lower() for n in (only or []) if n.strip()]
    unknown = sorted(set(wanted) - set(SERVICE_NAMES))
    if unknown:
        raise StackError(
            f"Unknown service(s): {', '.join(unknown)}.",
            f"Choose from: {', '.join(SERVICE_NAMES)}.",
        )
    types = SECURE_SERVICE_TYPES if secure else SERVICE_TYPES
    return tuple(t for t in types if not wanted or (t.role or t.name) in wanted)


def services(
    settings: StackSettings,
    console: Console,
    only: Iterable[str] | None = None,
    secure: bool = False,
) -> list[Service]:
    return [t(settings, console) for t in select(only, secure)]


def up(
    settings: StackSettings | None = None,
    console: Console | None = None,
    only: Sequence[str] | None = None,
    secure: bool = False,
) -> list[tuple[ServiceStatus, bool]]:
    """Start what is not running and wait until all selected services are healthy.

    Returns each service's status and whether this call started it (False: already running).
    """
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    chosen = services(settings, console, only, secure)
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
    for svc in chosen:
        svc.configure()
    return [(svc.status(), started[svc.name]) for svc in chosen]


def down(
    settings: StackSettings | None = None,
    console: Console | None = None,
    only: Sequence[str] | None = None,
    secure: bool = False,
) -> list[tuple[str, bool]]:
    """Stop the selected services (all together) and wait until none of their processes remain.

    With neither `only` nor `secure` that is every service, the secure Kafka included.
    """
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    if only or secure:
        chosen = list(reversed(services(settings, console, only, secure)))
    else:
        chosen = [t(settings, console) for t in reversed(ALL_SERVICE_TYPES)]
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
    secure: bool = False,
) -> list[ServiceStatus]:
    settings = settings or StackSettings.from_env()
    console = console or Console(stderr=True)
    return [svc.status() for svc in services(settings, console, only, secure)]
