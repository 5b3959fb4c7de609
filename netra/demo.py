"""The main job end to end: stack up, topics, a sample registry, a worker, posts, flags shown.

Everything it starts is left running so the user can explore (Elasticsearch, Prometheus,
`netra flags tail`); `make down` stops it all.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from netra import stack
from netra.desk.demo import DEMO_PASSWORD, ensure_demo_users
from netra.identity import UserStore
from netra.kafka_tools import create_topics, replay
from netra.sample import sample_posts, sample_registry
from netra.scrape import scrape, worker_metrics_url
from netra.workers import WorkerHandle, running_workers, start_python, start_worker
from streams.settings import Settings

DEMO_WORKER = "demo"
# Messages a real feed sends too: they must end in the dead-letter topic, not kill the worker.
BAD_MESSAGES = [
    b'{"platform": "instagram", "post_id": "bad-1", "action": ',
    b'{"platform": "instagram", "post_id": "bad-2", "account_id": "ig:x", "action": "dance",'
    b' "event_time": "2024-01-20T09:00:00+07:00"}',
    b"\xff\xfe not utf-8",
]


@dataclass
class DemoResult:
    posts: int
    partisan_sent: int
    decisions: float
    flags_indexed: int
    deadletters: float


def es_json(url: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url + path, data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
        return result


SUMMARY_QUERY: dict[str, Any] = {
    "size": 0,
    "track_total_hits": True,
    "aggs": {
        "rule": {"terms": {"field": "rule_ids", "size": 12}},
        "agency": {"terms": {"field": "asn.agency", "size": 8}},
        "province": {"terms": {"field": "asn.province", "size": 8}},
        "outcome": {"terms": {"field": "outcome"}},
    },
}


def flag_summary(settings: Settings) -> tuple[int, Table]:
    """Flags in Elasticsearch so far, by rule, agency and province."""
    try:
        es_json(settings.es_url, f"/{settings.flags_alias}/_refresh")
        result = es_json(settings.es_url, f"/{settings.flags_alias}/_search", SUMMARY_QUERY)
    except OSError:
        return 0, Table(title="waiting for the flags index ...")
    total = int(result["hits"]["total"]["value"])
    grid = Table.grid(padding=(0, 3))
    columns = []
    for agg, title in [
        ("rule", "rule"),
        ("agency", "agency"),
        ("province", "province"),
        ("outcome", "outcome"),
    ]:
        t = Table(title=f"flags by {title}", show_edge=False)
        t.add_column(title)
        t.add_column("n", justify="right")
        for bucket in result["aggregations"][agg]["buckets"]:
            t.add_row(str(bucket["key"]), str(bucket["doc_count"]))
        columns.append(t)
    grid.add_row(*columns[:2])
    grid.add_row(*columns[2:])
    return total, grid


def ensure_worker(settings: Settings) -> WorkerHandle:
    for handle in running_workers(settings):
        if handle.name == DEMO_WORKER:
            return handle
    return start_worker(DEMO_WORKER)


def wait_for(
    what: str, check: Callable[[], bool], console: Console, timeout: float, worker: WorkerHandle
) -> None:
    deadline = time.monotonic() + timeout
    with console.status(what):
        while not check():
            if not worker.alive():
                raise RuntimeError(f"the worker stopped; its log says:\n{worker.log_tail()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out: {what}; worker log: {worker.log_path}")
            time.sleep(0.5)


def run_demo(
    console: Console, *, accounts: int = 300, posts: int = 3000, rate: float = 1000
) -> DemoResult:
    settings = Settings()
    console.rule("[bold]1. The local stack")
    stack.up(console=console)
    console.rule("[bold]2. Topics and the ASN registry")
    for r in create_topics(settings):
        console.print(f"  {r.spec.name:20} {'created' if r.created else 'exists'}")
    registry = sample_registry(accounts)
    replay(
        settings,
        settings.registry_topic,
        [e.model_dump_json().encode() for e in registry],
        key_field="account_id",
    )
    console.print(
        f"  {len(registry)} civil servants' accounts loaded into {settings.registry_topic}"
    )

    console.rule("[bold]3. A worker (judge + indexer)")
    worker = ensure_worker(settings)
    metrics_url = worker_metrics_url(settings.metrics_port)
    console.print(f"  worker pid {worker.record.pid}, log {worker.log_path}")
    wait_for(
        "waiting for the worker to read the registry ...",
        lambda: scrape(metrics_url).get("netra_registry_accounts", 0) >= accounts,
        console,
        180,
        worker,
    )
    before = scrape(metrics_url)

    console.rule(f"[bold]4. {posts} posts streamed at {rate:.0f}/s")
    sample = sample_posts(registry, posts)
    lines = [p.encode() for p in sample.posts] + BAD_MESSAGES
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn())
    progress = Progress(*columns, console=console)
    task = progress.add_task("sent", total=len(lines))
    with Live(console=console, refresh_per_second=4, transient=True) as live:

        def show(n: int) -> None:
            progress.update(task, completed=n)
            if n % 200 == 0:
                live.update(Group(progress, flag_summary(settings)[1]))

        replay(
            settings, settings.posts_topic, lines, key_field="account_id", rate=rate, on_sent=show
        )
        expected = len(lines)
        deadline = time.monotonic() + 120
        stable_since, last = time.monotonic(), -1
        while time.monotonic() < deadline:
            now = scrape(metrics_url)
            seen = sum(
                now.get(k, 0) - before.get(k, 0)
                for k in ("netra_events_total", "netra_deadletters_total")
            )
            total, table = flag_summary(settings)
            live.update(Group(progress, table))
            if total != last:
                stable_since, last = time.monotonic(), total
            if seen >= expected and time.monotonic() - stable_since > 3:
                break
            time.sleep(0.5)
    after = scrape(metrics_url)
    total, table = flag_summary(settings)
    console.rule("[bold]5. What Netra found")
    console.print(table)
    result = DemoResult(
        posts=posts,
        partisan_sent=sample.expected_partisan,
        decisions=after.get("netra_decisions_total", 0) - before.get("netra_decisions_total", 0),
        flags_indexed=total,
        deadletters=after.get("netra_deadletters_total", 0)
        - before.get("netra_deadletters_total", 0),
    )
    console.print(
        Panel(
            f"{result.posts} posts judged ({result.decisions:.0f} decisions), "
            f"{result.partisan_sent} of them partisan corpus items; "
            f"{result.flags_indexed} flags in Elasticsearch; "
            f"{result.deadletters:.0f} bad messages in {settings.deadletter_topic}.",
            title="summary",
        )
    )
    _next_steps(console, settings)
    return result


def _next_steps(console: Console, settings: Settings) -> None:
    query = json.dumps({"query": {"bool": {"filter": [{"term": {"severity": "high"}}]}}, "size": 3})
    table = Table("what", "where", title="left running for you", show_lines=False)
    for s in stack.status():
        table.add_row(s.name, s.url)
    table.add_row("worker metrics", worker_metrics_url(settings.metrics_port))
    table.add_row("live flags", "netra flags tail --from-beginning")
    table.add_row(
        "search",
        f"curl -s '{settings.es_url}/{settings.flags_alias}/_search' "
        f"-H 'Content-Type: application/json' -d '{query}'",
    )
    table.add_row("review desk", _start_desk(settings))
    table.add_row("stop everything", "make down")
    console.print(table)
    logins = Table("desk user", "password", "sees", title="demo logins of the review desk")
    for login in ensure_demo_users(UserStore(settings.users_file)):
        logins.add_row(login.name, DEMO_PASSWORD, login.what)
    console.print(logins)


def _start_desk(settings: Settings) -> str:
    """Start `netra desk` in the background unless it runs; its URL."""
    if not any(h.name == "desk" for h in running_workers(settings)):
        start_python("desk", ["-m", "netra", "desk"])
    return settings.desk_url
