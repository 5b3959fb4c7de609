"""The review desk's queue page with 100,000 flags indexed, served over HTTP by the real app.

1. Flags: sample posts by sample ASN, judged by the real engine (only what it flags or sends to
   review is kept), made into the documents the indexer writes, spread over 60 days of events
   and reach, with reviewers' verdicts and claims on some, bulk-indexed into an alias of their
   own on the local stack's Elasticsearch (deleted at the end).
2. The desk: `create_app(desk_from_settings(...))` served by uvicorn on a free port, signed in
   with a real user; each case asks for its queue page N times over HTTP, one request at a time.
3. Beside each page: the same search the page sends (its scope, filters, order and page size),
   timed from a client and as Elasticsearch reports it (`took`), so what the desk adds to the
   search is visible.
"""

from __future__ import annotations

import random
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from netra.desk.queue import QueueFilters
from netra.identity import Role, Scope, UserStore
from schemas import Outcome, Post, Verdict
from schemas.flag import Flag
from schemas.flag_document import Claim, FlagDocument, ReviewEntry, ReviewStatus
from streams.settings import Settings

TARGET_MS = 300.0
PASSWORD = "netra-bench-desk-only"
#: Where reviewers stand with a live queue: most flags wait, some are decided, a few claimed.
STATUS_MIX: tuple[tuple[ReviewStatus, float], ...] = (
    (ReviewStatus.UNREVIEWED, 0.70),
    (ReviewStatus.CONFIRMED, 0.12),
    (ReviewStatus.DISMISSED, 0.13),
    (ReviewStatus.ESCALATED, 0.05),
)
CLAIMED_SHARE = 0.05
SPREAD = timedelta(days=60)
REVIEWERS = ("siti.bawaslu", "andi.bawaslu", "rina.bkn", "dewi.inspektorat")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class QueueCase:
    """One queue page a reviewer asks for: who (role and scope) and which filters."""

    name: str
    role: Role
    scope: Scope
    filters: QueueFilters


CASES = (
    QueueCase("Bawaslu RI, default order", Role.BAWASLU, Scope(), QueueFilters()),
    QueueCase(
        "Bawaslu RI, province and unreviewed",
        Role.BAWASLU,
        Scope(),
        QueueFilters(province="Jawa Tengah", status=ReviewStatus.UNREVIEWED),
    ),
    QueueCase(
        "Bawaslu Jawa Tengah (scoped), rule filter",
        Role.BAWASLU,
        Scope(province="Jawa Tengah"),
        QueueFilters(rule="N04.engage-partisan-content"),
    ),
)


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100): a value that was measured, never interpolated."""
    if not values:
        raise ValueError("no values")
    if not 0 < q <= 100:
        raise ValueError(f"percentile {q} is outside (0, 100]")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100)
    return ordered[int(rank) - 1]


@dataclass(frozen=True)
class Timing:
    samples_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return percentile(self.samples_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 95)


@dataclass(frozen=True)
class CaseResult:
    case: QueueCase
    total: int
    page: Timing
    search: Timing
    took: Timing

    @property
    def met(self) -> bool:
        return self.page.p95 < TARGET_MS


@dataclass(frozen=True)
class DeskBenchResult:
    flags: int
    index_seconds: float
    requests: int
    cases: list[CaseResult]


def review_state(doc: FlagDocument, rng: random.Random) -> FlagDocument:
    """The document as reviewers may have left it: a status drawn from STATUS_MIX, with its
    verdict in the history, or (some unreviewed ones) a claim."""
    roll, upto = rng.random(), 0.0
    status = STATUS_MIX[-1][0]
    for candidate, share in STATUS_MIX:
        upto += share
        if roll < upto:
            status = candidate
            break
    reviewer = rng.choice(REVIEWERS)
    at = doc.timestamp + timedelta(hours=rng.uniform(1, 72))
    if status is ReviewStatus.UNREVIEWED:
        if rng.random() < CLAIMED_SHARE / STATUS_MIX[0][1]:
            return doc.model_copy(update={"claim": Claim(reviewer=reviewer, at=at, by=reviewer)})
        return doc
    verdict = {
        ReviewStatus.CONFIRMED: Verdict.CONFIRM,
        ReviewStatus.DISMISSED: Verdict.DISMISS,
        ReviewStatus.ESCALATED: Verdict.ESCALATE,
    }[status]
    entry = ReviewEntry(reviewer=reviewer, verdict=verdict, note="", reviewed_at=at)
    return doc.model_copy(
        update={"status": status, "reviews": [entry], "reviewer": reviewer, "reviewed_at": at}
    )


def realistic_flags(
    count: int, settings: Settings, *, seed: int = 23, now: datetime | None = None
) -> Iterator[FlagDocument]:
    """`count` flag documents from sample posts the real engine flagged (or sent to review).
    Yields as it goes, so 100,000 documents never sit in memory together."""
    from netra.sample import sample_posts, sample_registry
    from neutrality import Engine, Locality
    from streams.elastic import flag_document
    from streams.pseudonyms import load_nip_pseudonyms

    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    engine = Engine.load()
    pseudonyms = load_nip_pseudonyms(settings)
    registry = sample_registry(5000, seed=seed)
    by_account = {e.account_id: e for e in registry}
    made, chunk = 0, 0
    while made < count:
        chunk += 1
        for line in sample_posts(
            registry, 20_000, partisan_share=0.6, seed=seed * 1000 + chunk
        ).posts:
            when = now - SPREAD * rng.random()
            post = Post.model_validate_json(line).model_copy(
                update={"event_time": when, "reach": int(rng.lognormvariate(6, 1.6))}
            )
            entry = by_account[post.account_id]
            decision = engine.decide(post, Locality(province=entry.province, regency=entry.region))
            if decision.outcome is Outcome.PASS:
                continue
            judged = when + timedelta(seconds=rng.uniform(1, 30))
            flag = Flag(
                decision=decision,
                post=post,
                asn=pseudonyms.profile(entry),
                received_at=judged - timedelta(milliseconds=40),
                judged_at=judged,
            )
            yield review_state(flag_document(flag, indexed_at=judged), rng)
            made += 1
            if made >= count:
                return


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    if found is None:
        raise RuntimeError("the desk's page carries no CSRF token")
    return found[1]


def _sign_in(client: Any, name: str) -> None:
    token = _csrf(client.get("/login").text)
    resp = client.post(
        "/login",
        data={"username": name, "password": PASSWORD, "csrf_token": token},
        follow_redirects=True,
    )
    if resp.status_code != 200 or "csrf_token" not in resp.text or "/login" in str(resp.url):
        raise RuntimeError(f"{name} could not sign in to the desk: {resp.status_code}")


def _index(es: Any, alias: str, docs: Iterator[FlagDocument]) -> None:
    from elasticsearch.helpers import streaming_bulk

    actions = ({"_index": alias, "_id": d.flag_id, "_source": d.to_source()} for d in docs)
    for ok, item in streaming_bulk(es, actions, chunk_size=1000, raise_on_error=True):
        if not ok:
            raise RuntimeError(f"a flag was not indexed: {item}")


def run(
    settings: Settings,
    *,
    flags: int = 100_000,
    requests: int = 50,
    progress: Progress = lambda _: None,
    workdir: Path,
) -> DeskBenchResult:
    """Index `flags` into an alias of their own, time the queue pages, delete the alias."""
    import asyncio

    import httpx
    from elasticsearch import Elasticsearch

    from netra.desk import create_app, desk_from_settings
    from netra.desk.queue import queue_body
    from netra.desk.scope import scope_filters
    from netra.desk.threaded import served
    from streams.elastic import ensure_index
    from streams.esclient import client_options, elasticsearch_client

    alias = f"netra-bench-desk-{uuid.uuid4().hex[:8]}"
    bench = settings.model_copy(
        update={
            "flags_alias": alias,
            "users_file": workdir / "users.json",
            "state_dir": workdir / "state",
        }
    )
    users = UserStore(bench.users_file)
    names = {}
    for i, case in enumerate(CASES):
        names[case.name] = f"bench.{i}"
        users.add(names[case.name], case.role, PASSWORD, case.scope)

    async def create() -> None:
        es = elasticsearch_client(bench)
        try:
            await ensure_index(es, alias)
        finally:
            await es.close()

    es = Elasticsearch(**{**client_options(bench), "request_timeout": 120})
    try:
        asyncio.run(create())
        index = f"{alias}-000001"
        es.indices.put_settings(index=index, settings={"index": {"refresh_interval": "-1"}})
        progress(f"judging sample posts and indexing {flags:,} flags into {alias} ...")
        started = time.perf_counter()
        _index(es, alias, realistic_flags(flags, bench))
        es.indices.put_settings(index=index, settings={"index": {"refresh_interval": None}})
        es.indices.refresh(index=index)
        index_seconds = time.perf_counter() - started
        total = int(es.count(index=alias)["count"])
        if total != flags:
            raise RuntimeError(f"{total:,} flags searchable, {flags:,} indexed")

        results = []
        app = create_app(desk_from_settings(bench))
        with served(app) as base:
            for case in CASES:
                progress(f"{case.name}: {requests} page requests ...")
                with httpx.Client(base_url=base, timeout=30) as client:
                    _sign_in(client, names[case.name])
                    params = case.filters.as_query_string()
                    for _ in range(3):  # warm-up: connections, caches
                        client.get("/", params=params).raise_for_status()
                    page = []
                    for _ in range(requests):
                        t0 = time.perf_counter()
                        client.get("/", params=params).raise_for_status()
                        page.append((time.perf_counter() - t0) * 1000)
                user = users.get(names[case.name])
                assert user is not None
                body = queue_body(case.filters, scope_filters(user))
                search, took, hits = [], [], 0
                for _ in range(requests):
                    t0 = time.perf_counter()
                    resp = es.search(index=alias, **body)
                    search.append((time.perf_counter() - t0) * 1000)
                    took.append(float(resp["took"]))
                    hits = int(resp["hits"]["total"]["value"])
                results.append(
                    CaseResult(
                        case=case,
                        total=hits,
                        page=Timing(tuple(page)),
                        search=Timing(tuple(search)),
                        took=Timing(tuple(took)),
                    )
                )
        return DeskBenchResult(
            flags=total,
            index_seconds=index_seconds,
            requests=requests,
            cases=results,
        )
    finally:
        progress(f"deleting {alias} ...")
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
        es.options(ignore_status=404).indices.delete_index_template(name=alias)
        es.close()
