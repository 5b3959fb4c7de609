"""A pipeline under test: unique topics, consumer group and index per test, real workers."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition

from netra.kafka_tools import create_topics, replay
from netra.scrape import scrape, worker_metrics_url
from netra.workers import (
    WorkerHandle,
    free_port,
    isolated_env,
    settings_from_env,
    start_worker,
)
from schemas import DeadLetter, RegistryEntry
from streams.settings import WITHOUT_CAPTURE, Settings


def describe_topic(admin: KafkaAdminClient, topic: str, timeout: float = 30.0) -> dict[str, Any]:
    """The topic's description once it shows its partitions: a topic just created can be
    described with none until its metadata reaches the broker that answers. Fails past
    `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        (described,) = admin.describe_topics([topic])
        if described["partitions"]:
            return dict(described)
        if time.monotonic() > deadline:
            raise AssertionError(f"{topic} still has no partitions described after {timeout:.0f} s")
        time.sleep(0.1)


@dataclass
class Harness:
    kafka_bootstrap: str
    es_url: str
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    extra_env: dict[str, str] = field(default_factory=dict)
    workers: list[WorkerHandle] = field(default_factory=list)
    ports: dict[str, int] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        # Evidence capture runs only in the tests that ask for it (NETRA_AGENTS in extra_env):
        # a browser in every test worker would cost time and prove nothing there.
        return isolated_env(
            f"test-{self.suffix}",
            NETRA_KAFKA_BOOTSTRAP=self.kafka_bootstrap,
            NETRA_ES_URL=self.es_url,
            **{"NETRA_AGENTS": WITHOUT_CAPTURE, **self.extra_env},
        )

    @property
    def settings(self) -> Settings:
        return settings_from_env(self.env)

    def netra(
        self, *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the `netra` command as an operator would, against this test's topics and index."""
        return subprocess.run(
            [sys.executable, "-m", "netra", *args],
            env={**os.environ, **self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            cwd=cwd,
        )

    def create_topics(self) -> None:
        create_topics(self.settings)

    def start_worker(self, name: str) -> WorkerHandle:
        port = free_port()
        handle = start_worker(
            f"test-{self.suffix}-{name}", {**self.env, "NETRA_METRICS_PORT": str(port)}
        )
        self.workers.append(handle)
        self.ports[handle.name] = port
        return handle

    def metrics(self, handle: WorkerHandle) -> dict[str, float]:
        return scrape(worker_metrics_url(self.ports[handle.name]))

    def load_registry(
        self, entries: Iterable[RegistryEntry], wait_for: WorkerHandle | None = None
    ) -> None:
        """Load registry entries; with `wait_for`, until that worker's table holds them all."""
        lines = [e.model_dump_json().encode() for e in entries]
        replay(self.settings, self.settings.registry_topic, lines, key_field="account_id")
        if wait_for is not None:
            worker = wait_for
            self.wait(
                "registry loaded",
                lambda: self.metrics(worker).get("netra_registry_accounts", 0) >= len(lines),
                120,
            )

    def produce(
        self, lines: list[bytes], rate: float | None = None, key_field: str = "account_id"
    ) -> None:
        """Send posts keyed by `key_field` (producers should key by account id)."""
        replay(self.settings, self.settings.posts_topic, lines, key_field=key_field, rate=rate)

    def es(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        req = urllib.request.Request(
            self.es_url + path,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            result: dict[str, Any] = json.loads(resp.read())
            return result

    def indexed(self) -> tuple[int, set[str]]:
        """Total documents behind the alias and their ids (after a refresh)."""
        alias = self.settings.flags_alias
        try:
            self.es(f"/{alias}/_refresh")
            found = self.es(
                f"/{alias}/_search",
                {"size": 10000, "_source": False, "track_total_hits": True},
            )
        except OSError:
            return 0, set()
        return found["hits"]["total"]["value"], {h["_id"] for h in found["hits"]["hits"]}

    def documents(self) -> list[dict[str, Any]]:
        """The flags behind the alias; none while the worker has not created it yet (it does
        so in a start-up task, which a loaded machine can leave behind the first poll)."""
        alias = self.settings.flags_alias
        try:
            self.es(f"/{alias}/_refresh")
            found = self.es(f"/{alias}/_search", {"size": 10000})
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return []
            raise
        return [h["_source"] for h in found["hits"]["hits"]]

    def deadletters(self, expect: int, timeout: float = 60) -> list[DeadLetter]:
        consumer = KafkaConsumer(
            self.settings.deadletter_topic,
            bootstrap_servers=self.kafka_bootstrap,
            group_id=None,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            consumer_timeout_ms=2000,
        )
        letters: list[DeadLetter] = []
        deadline = time.monotonic() + timeout
        try:
            while len(letters) < expect and time.monotonic() < deadline:
                for record in consumer:
                    letters.append(DeadLetter.model_validate_json(record.value))
        finally:
            consumer.close()
        return letters

    def unprocessed_posts(self) -> int:
        """Posts not yet committed by the worker group (end offset minus committed offset)."""
        return sum(end - committed for end, committed in self.post_offsets().values())

    def post_offsets(self) -> dict[int, tuple[int, int]]:
        """Per posts partition: (end offset, the group's committed offset or 0)."""
        topic = self.settings.posts_topic
        # A consumer that never subscribes does not join the group; it only reads its offsets.
        consumer = KafkaConsumer(
            bootstrap_servers=self.kafka_bootstrap,
            group_id=self.settings.app_id,
            enable_auto_commit=False,
        )
        try:
            parts = [TopicPartition(topic, p) for p in range(self.settings.partitions)]
            ends = consumer.end_offsets(parts)
            return {tp.partition: (ends[tp], consumer.committed(tp) or 0) for tp in parts}
        finally:
            consumer.close()

    def wait_committed(self, what: str, timeout: float) -> None:
        """Wait until the worker group committed every post on the posts topic."""
        self.wait(
            what,
            lambda: self.unprocessed_posts() == 0,
            timeout,
            detail=lambda: f"posts partition -> (end, committed): {self.post_offsets()}",
        )

    def wait(
        self,
        what: str,
        check: Callable[[], bool],
        timeout: float,
        detail: Callable[[], str] | None = None,
    ) -> None:
        """Poll `check` until true; on timeout fail with `detail()` (the state that was awaited)
        and the workers' logs."""
        deadline = time.monotonic() + timeout
        while not check():
            for w in self.workers:
                if w.pid_path.exists() and not w.alive():
                    raise AssertionError(f"worker {w.name} died:\n{w.log_tail(60)}")
            if time.monotonic() > deadline:
                logs = "\n".join(w.log_tail(30) for w in self.workers)
                state = f"{detail()}\n" if detail is not None else ""
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}\n{state}{logs}"
                )
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop the workers and drop this test's indices and templates (topics are cheap)."""
        for w in self.workers:
            if w.alive():
                w.stop()
        paths = [
            f"{prefix}{alias}{suffix}"
            for alias in (
                self.settings.flags_alias,
                self.settings.audit_alias,
                self.settings.cases_alias,
            )
            for prefix, suffix in (("/", "-*"), ("/_index_template/", ""))
        ]
        for path in paths:
            req = urllib.request.Request(self.es_url + path, method="DELETE")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(req, timeout=30).close()
