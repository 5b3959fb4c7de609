"""What every supervision command shares: one way to fail with advice, one way to reach
Elasticsearch."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TlsError
from elasticsearch import ApiError, AsyncElasticsearch
from rich.console import Console

from streams.esclient import ElasticsearchConfigError, elasticsearch_client
from streams.settings import Settings

console = Console(stderr=True)
T = TypeVar("T")


def fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def run_es(settings: Settings, work: Callable[[AsyncElasticsearch], Awaitable[T]]) -> T:
    """Run one coroutine against Elasticsearch; turn an unreachable cluster, a refused
    certificate or refused credentials into advice."""

    async def main() -> T:
        es = elasticsearch_client(settings, retry_on_timeout=False)
        try:
            return await work(es)
        finally:
            await es.close()

    try:
        return asyncio.run(main())
    except ElasticsearchConfigError as exc:
        raise fail(str(exc)) from exc
    except TlsError as exc:
        raise fail(
            f"Elasticsearch at {settings.es_url} did not pass the certificate check: "
            f"{exc.message}. Set NETRA_ES_CA_CERT to the PEM file of the CA that signed its "
            "certificate."
        ) from exc
    except (TransportConnectionError, ConnectionTimeout) as exc:
        raise fail(
            f"Elasticsearch at {settings.es_url} is unreachable. Start the local stack with "
            "`netra stack up`, or point NETRA_ES_URL at your cluster."
        ) from exc
    except ApiError as exc:
        advice = ""
        if exc.meta.status == 401:
            advice = (
                " Set NETRA_ES_API_KEY, or NETRA_ES_USERNAME and NETRA_ES_PASSWORD, to credentials "
                "the cluster accepts."
            )
        elif exc.meta.status == 403:
            advice = (
                " The credentials lack a privilege on Netra's indices: see the roles in "
                "deploy/elasticsearch/roles/."
            )
        raise fail(
            f"Elasticsearch refused the request: {exc.message} ({exc.meta.status}).{advice}"
        ) from exc
