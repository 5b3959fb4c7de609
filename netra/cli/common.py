"""What every supervision command shares: one way to fail with advice, one way to reach
Elasticsearch."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, AsyncElasticsearch
from rich.console import Console

from streams.settings import Settings

console = Console(stderr=True)
T = TypeVar("T")


def fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def run_es(settings: Settings, work: Callable[[AsyncElasticsearch], Awaitable[T]]) -> T:
    """Run one coroutine against Elasticsearch; turn an unreachable cluster into advice."""

    async def main() -> T:
        es = AsyncElasticsearch(settings.es_url, request_timeout=30, retry_on_timeout=False)
        try:
            return await work(es)
        finally:
            await es.close()

    try:
        return asyncio.run(main())
    except (TransportConnectionError, ConnectionTimeout) as exc:
        raise fail(
            f"Elasticsearch at {settings.es_url} is unreachable. Start the local stack with "
            "`netra stack up`, or point NETRA_ES_URL at your cluster."
        ) from exc
    except ApiError as exc:
        raise fail(f"Elasticsearch refused the request: {exc.message} ({exc.meta.status})") from exc
