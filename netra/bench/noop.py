"""A Faust worker whose only agent counts messages: the framework's ceiling on this machine.

Same broker settings, serializers and commit interval as a Netra worker, so the difference
between the two is what judging and indexing cost.
"""

from __future__ import annotations

from typing import Any

import faust
from prometheus_client import Counter

from streams.app import faust_app, serve_metrics_http
from streams.settings import Settings

CONSUMED = Counter("netra_bench_noop_events_total", "Messages the no-op agent consumed.")


def create_app(settings: Settings) -> faust.App:
    app = faust_app(settings)
    topic = app.topic(settings.posts_topic, key_type=bytes, value_type=bytes)

    @app.agent(topic)
    async def noop(stream: Any) -> None:
        async for _event in stream.events():
            CONSUMED.inc()

    @app.task
    async def metrics() -> None:
        serve_metrics_http(settings.metrics_host, settings.metrics_port)

    return app


def main() -> None:
    settings = Settings()
    faust.Worker(create_app(settings), loglevel="warning").execute_from_commandline()


if __name__ == "__main__":
    main()
