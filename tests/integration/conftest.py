"""Fixtures every integration test can rely on: the local stack, started once per session.

`stack` calls netra.stack.up(), which is idempotent: if `netra stack up` (or `make test`) already
started the services this costs well under a second; otherwise it fetches and starts them.

    def test_something(kafka_bootstrap: str, es_url: str) -> None: ...
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from kafka import KafkaAdminClient
from rich.console import Console

from netra.stack import StackError, StackSettings, up
from tests.integration.harness import Harness
from tests.integration.report_samples import Indexed, drop_samples, index_samples, samples
from tests.integration.sharing import StackLock, once_per_run


@pytest.fixture(scope="session")
def stack_lock() -> StackLock:
    """Lets the test processes of a run share the stack (tests/integration/sharing.py)."""
    return StackLock(StackSettings.from_env().state_dir)


@pytest.fixture(scope="session")
def stack(stack_lock: StackLock) -> StackSettings:
    """The running local stack's settings (.kafka_bootstrap, .es_url, .prometheus_url ...)."""
    settings = StackSettings.from_env()
    with stack_lock.exclusive():  # one process starts what is missing; the others see it up
        try:
            up(settings, Console(stderr=True, quiet=True))
        except StackError as err:
            pytest.fail(f"the local stack could not start: {err}", pytrace=False)
    if os.environ.get("NETRA_TEST_KEEP_TOPICS") != "1":  # set by a session beside another
        once_per_run(stack_lock, "drop-topics", lambda: drop_test_topics(settings.kafka_bootstrap))
    return settings


@pytest.fixture(autouse=True)
def share_the_stack(request: pytest.FixtureRequest, stack_lock: StackLock) -> Iterator[None]:
    """Every integration test holds the stack shared; one marked `exclusive` holds it alone."""
    alone = request.node.get_closest_marker("exclusive") is not None
    hold = stack_lock.exclusive if alone else stack_lock.shared
    with hold():
        yield


# Every test pipeline makes topics of its own; left behind, runs add up to thousands of
# partitions and the broker's small heap runs out. Each run starts by dropping them, once
# (`once_per_run`: in one of its test processes).
TEST_TOPIC_PREFIXES = ("test-", "netra-test-", "netra-stack-test-")


def drop_test_topics(bootstrap: str) -> None:
    """Delete the topics earlier test sessions left (never Netra's own `netra.*` topics)."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        stale = [t for t in admin.list_topics() if t.startswith(TEST_TOPIC_PREFIXES)]
        for start in range(0, len(stale), 200):
            admin.delete_topics(stale[start : start + 200], timeout_ms=60_000)
    finally:
        admin.close()


@pytest.fixture(scope="session")
def kafka_bootstrap(stack: StackSettings) -> str:
    """host:port of the local Kafka broker."""
    return stack.kafka_bootstrap


@pytest.fixture(scope="session")
def es_url(stack: StackSettings) -> str:
    """http://host:port of the local Elasticsearch."""
    return stack.es_url


@pytest.fixture(scope="session")
def prometheus_url(stack: StackSettings) -> str:
    """http://host:port of the local Prometheus."""
    return stack.prometheus_url


@pytest.fixture(scope="session")
def alertmanager_url(stack: StackSettings) -> str:
    """http://host:port of the local Alertmanager."""
    return stack.alertmanager_url


@pytest.fixture
def harness(kafka_bootstrap: str, es_url: str) -> Iterator[Harness]:
    """A pipeline of the test's own: topics, consumer group and index; workers stopped after."""
    h = Harness(kafka_bootstrap, es_url)
    h.create_topics()
    yield h
    h.stop()


@pytest.fixture
def indexed(es_url: str) -> Iterator[Indexed]:
    """Realistic flags indexed under a unique alias (report and case tests); dropped after."""
    now = datetime.now(UTC)
    items = samples(now)
    alias, index = asyncio.run(index_samples(es_url, items))
    try:
        yield Indexed(es_url, alias, now, items)
    finally:
        asyncio.run(drop_samples(es_url, alias, index))
