"""The streaming pipeline on the real local stack: posts in, exactly the expected flags out."""

from __future__ import annotations

import json
import re
import shutil
import signal
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType

from netra.bench.worst import largest_event
from netra.sample import sample_posts, sample_registry
from netra.stack import down, up
from netra.stack.process import signal_group
from netra.workers import WorkerHandle
from neutrality import Engine, Locality
from schemas import DeadLetterReason, EventSource, Flag, Outcome, Post, RegistryEntry
from streams.pseudonyms import load_nip_pseudonyms
from streams.settings import REPO_ROOT
from tests.integration.harness import Harness, describe_topic

pytestmark = pytest.mark.integration


def expected_flag_ids(lines: list[bytes], registry: list[RegistryEntry]) -> set[str]:
    """What the engine decides offline for the same events: the worker must agree exactly."""
    engine = Engine.load()
    by_account = {e.account_id: e for e in registry}
    ids = set()
    for line in lines:
        post = Post.model_validate_json(line)
        entry = by_account.get(post.account_id)
        if entry is None:
            continue  # unregistered accounts are skipped by default
        decision = engine.decide(post, Locality(entry.province, entry.region))
        if decision.outcome is not Outcome.PASS:
            ids.add(post.key)
    return ids


def flag_difference(expected: set[str], indexed: set[str]) -> str:
    """What a wait for the expected flags reports when it times out: the flags still missing
    (lost, or judged differently by the worker) and the ones the offline run never made."""
    return f"missing: {sorted(expected - indexed)}\nunexpected: {sorted(indexed - expected)}"


def without_time_budget(harness: Harness) -> None:
    """These tests compare the worker's flags with the engine's decisions offline, which have no
    time budget. On a loaded machine an event can pass the worker's budget (250 ms of wall time)
    and become an engine.too-complex review the offline run does not make (seen once with the
    load average at 8.5: one extra flag, nothing lost). The budget has its own unit tests."""
    harness.extra_env["NETRA_DECIDE_BUDGET_MS"] = "60000"


def bad_messages() -> list[tuple[DeadLetterReason, bytes]]:
    good = {
        "platform": "instagram",
        "post_id": "bad",
        "account_id": "ig:someone",
        "action": "post",
        "event_time": "2024-01-20T09:00:00+07:00",
    }
    return [
        (DeadLetterReason.INVALID_JSON, b'{"platform": "instagram", "post_id": '),
        (DeadLetterReason.SCHEMA, json.dumps({**good, "post_id": 12345}).encode()),
        (
            DeadLetterReason.TOO_LARGE,
            json.dumps({**good, "text": "x" * (5 * 1024 * 1024)}).encode(),
        ),
        (DeadLetterReason.INVALID_UTF8, b'{"platform": "\xff\xfeinstagram"}'),
        (DeadLetterReason.SCHEMA, json.dumps({**good, "action": "dance"}).encode()),
    ]


def test_posts_in_give_exactly_the_expected_flags_and_bad_input_is_dead_lettered(
    harness: Harness,
) -> None:
    without_time_budget(harness)
    registry = sample_registry(60, seed=1)
    stranger = sample_registry(1, seed=99)[0].model_copy(update={"account_id": "ig:not.an.asn"})
    posts = sample_posts(registry, 500, partisan_share=0.1, seed=2).posts
    strangers = sample_posts([stranger], 30, partisan_share=0.5, seed=3).posts
    # Just under the event limit: its flag is too large for the flags topic whole.
    largest = largest_event(account_id=registry[0].account_id, post_id="largest").model_dump_json()
    lines = [p.encode() for p in posts + strangers] + [largest.encode()]
    expected = expected_flag_ids(lines, registry)
    assert "x:largest" in expected
    assert len(expected) > 20, "the sample must contain partisan posts"

    worker = harness.start_worker("w1")
    harness.load_registry(registry, wait_for=worker)
    bad = bad_messages()
    harness.produce(lines[:250] + [raw for _, raw in bad] + lines[250:])

    harness.wait("flags indexed", lambda: harness.indexed()[1] == expected, 120)
    letters = harness.deadletters(expect=len(bad))
    assert sorted(dl.reason for dl in letters) == sorted(reason for reason, _ in bad)
    assert all(dl.error and dl.stage == "judge" for dl in letters)
    too_large = next(dl for dl in letters if dl.reason is DeadLetterReason.TOO_LARGE)
    assert too_large.raw_truncated and too_large.raw_size > 5 * 1024 * 1024
    assert worker.alive(), "bad input must never kill the worker"

    total, ids = harness.indexed()
    assert total == len(expected) and ids == expected
    # The judge's counters are added on a timer (agents.judge): wait for the last of them.
    counted = ("netra_unregistered_accounts_total", "netra_flags_trimmed_total")

    def judge_counts() -> list[float | None]:
        return [harness.metrics(worker).get(name) for name in counted]

    harness.wait(
        "the judge's counters",
        lambda: judge_counts() == [len(strangers), 1],
        10,
        detail=lambda: f"{counted}: {judge_counts()}",
    )
    metrics = harness.metrics(worker)
    assert metrics["netra_unregistered_accounts_total"] == len(strangers)
    assert metrics["netra_deadletters_total"] == len(bad)
    docs = harness.documents()
    assert all(d["pack_version"] and d["asn"]["registered"] for d in docs)
    nips = {e.nip for e in registry}
    assert not any(nip in json.dumps(d) for d in docs for nip in nips), "a NIP in the index"
    refs = load_nip_pseudonyms(harness.settings)
    assert {d["asn"]["nip_ref"] for d in docs} <= {refs.ref(nip) for nip in nips}
    assert all(d["report_deadline"] > d["@timestamp"] for d in docs)
    assert all(d["source"]["topic"] == harness.settings.posts_topic for d in docs)
    cut = next(d for d in docs if d["flag_id"] == "x:largest")
    assert {t["field"] for t in cut["trimmed"]} >= {"text", "transcript", "hashtags"}
    assert cut["source"]["size"] == len(largest.encode())
    assert [d["flag_id"] for d in docs if d["trimmed"]] == ["x:largest"]
    assert metrics["netra_flags_trimmed_total"] == 1
    assert metrics.get("netra_output_failures_total", 0) == 0


def set_max_message_bytes(harness: Harness, topic: str, limit: int) -> None:
    admin = KafkaAdminClient(bootstrap_servers=harness.kafka_bootstrap)
    try:
        admin.alter_configs(
            [
                ConfigResource(
                    ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": str(limit)}
                )
            ]
        )
    finally:
        admin.close()


def test_a_flag_kafka_refuses_sends_its_post_to_the_dead_letters_and_nothing_is_lost(
    harness: Harness,
) -> None:
    """The flags topic here takes at most 3 KB, less than many flags: the broker refuses them.
    Each such post must end in the dead-letter topic (reason output_refused), every other flag
    in the index, and every post be committed; none may vanish. Once the topic takes them,
    `netra deadletters replay` brings every one of those flags to the index, each once."""
    set_max_message_bytes(harness, harness.settings.flags_topic, 3000)
    registry = sample_registry(40, seed=11)
    lines = [p.encode() for p in sample_posts(registry, 300, partisan_share=0.2, seed=12).posts]
    engine = Engine.load()
    by_account = {e.account_id: e for e in registry}
    sizes: dict[str, int] = {}
    for line in lines:
        post = Post.model_validate_json(line)
        entry = by_account[post.account_id]
        decision = engine.decide(post, Locality(entry.province, entry.region))
        if decision.outcome is not Outcome.PASS:
            now = datetime.now(UTC)
            source = EventSource(topic="t", partition=0, offset=0, size=0, sha256="0" * 64)
            flag = Flag(
                decision=decision,
                post=post,
                asn=load_nip_pseudonyms(harness.settings).profile(entry),
                received_at=now,
                judged_at=now,
                source=source,
            )
            sizes[post.key] = len(flag.model_dump_json()) + len(harness.settings.posts_topic)
    # The offsets, sizes and times of the real flag differ by a few dozen bytes at most. A flag
    # under the limit may still be refused: the producer batches records, and the limit is on
    # the batch.
    refused = {k for k, size in sizes.items() if size > 3000 + 150}
    assert len(refused) < len(sizes), "the sample must give flags on both sides of the limit"

    worker = harness.start_worker("w1")
    harness.load_registry(registry, wait_for=worker)
    harness.produce(lines)
    harness.wait(
        "every post committed",
        lambda: harness.unprocessed_posts() == 0,
        120,
        detail=lambda: f"posts partition -> (end, committed): {harness.post_offsets()}",
    )
    letters = harness.deadletters(expect=len(refused))
    lettered = {Post.model_validate_json(dl.raw()).key for dl in letters}
    assert all(dl.reason is DeadLetterReason.OUTPUT_REFUSED for dl in letters)
    assert refused <= lettered <= set(sizes)
    harness.wait(
        "every other flag indexed",
        lambda: harness.indexed()[1] == set(sizes) - lettered,
        120,
        detail=lambda: f"missing: {sorted(set(sizes) - lettered - harness.indexed()[1])}",
    )
    failures = harness.metrics(worker)["netra_output_failures_total"]
    assert failures == len(lettered)

    # The operator sees each failed post once, makes the topic take them, and replays them.
    listed = harness.netra("deadletters", "list", "--json", "--reason", "output_refused")
    assert listed.returncode == 0, listed.stderr
    failed = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(failed) == len({f["place"] for f in failed}) == len(lettered)
    assert all(f["replayable"] and f["stage"] == "judge" for f in failed)
    assert not any("raw" in key for f in failed for key in f), "the list shows no message bytes"
    producers_error = harness.netra("deadletters", "replay", "schema")
    assert producers_error.returncode == 2 and "corrected message" in producers_error.stderr
    set_max_message_bytes(harness, harness.settings.flags_topic, 1024 * 1024)
    dry = harness.netra("deadletters", "replay", "output_refused", "--dry-run")
    assert f"would replay {len(lettered)} messages" in dry.stdout, dry.stdout + dry.stderr
    replayed = harness.netra("deadletters", "replay", "output_refused")
    assert f"replayed {len(lettered)} messages" in replayed.stdout, (
        replayed.stdout + replayed.stderr
    )
    harness.wait(
        "every flag indexed after the replay",
        lambda: harness.indexed()[1] == set(sizes),
        120,
        detail=lambda: f"missing: {sorted(set(sizes) - harness.indexed()[1])}",
    )
    again = harness.netra("deadletters", "replay", "output_refused")
    assert "replayed 0 messages" in again.stdout, "a failure is replayed once"


def test_kill_9_mid_stream_loses_nothing_and_duplicates_nothing(harness: Harness) -> None:
    # Delivery guarantees only: the spike guard, which the model rule trips on these generated
    # posts, is kept from tripping so the run is the same every time; the guard has its own
    # tests (test_supervision).
    without_time_budget(harness)
    harness.extra_env["NETRA_RULE_SPIKE_SHARE"] = "1.0"
    # Each offset is traced so that a flag missing after the takeover can be followed in the
    # workers' logs (fetched, dropped, received, sent, acknowledged).
    harness.extra_env["NETRA_TRACE_OFFSETS"] = "1"
    registry = sample_registry(80, seed=4)
    lines = [p.encode() for p in sample_posts(registry, 3000, partisan_share=0.1, seed=5).posts]
    expected = expected_flag_ids(lines, registry)

    first = harness.start_worker("a")
    harness.load_registry(registry, wait_for=first)
    sender = threading.Thread(target=harness.produce, args=(lines,), kwargs={"rate": 600})
    sender.start()
    harness.wait("some flags indexed", lambda: len(harness.indexed()[1]) > len(expected) // 5, 120)
    first.kill()
    assert not first.alive()

    harness.start_worker("b")
    sender.join()
    harness.wait(
        "every flag indexed",
        lambda: harness.indexed()[1] == expected,
        240,
        detail=lambda: flag_difference(expected, harness.indexed()[1]),
    )
    harness.wait_committed("every post committed", 240)
    total, ids = harness.indexed()
    assert total == len(expected) == len(ids), "a redelivered flag must not duplicate"


@pytest.mark.exclusive
def test_two_workers_rekey_misrouted_posts_and_take_over_a_killed_workers_partitions(
    harness: Harness,
) -> None:
    """Posts keyed by post id land on a partition whose worker may not hold their account's
    registry entry: each is re-keyed to its account and judged there, once. Then one worker is
    killed: the other takes its partitions within 15 seconds (session timeout 6 s, rebalance
    timeout 8 s). Each offset is traced (NETRA_TRACE_OFFSETS) so that a lost event can be
    followed in the workers' logs: fetched, dropped, received, sent, acknowledged."""
    without_time_budget(harness)
    harness.extra_env["NETRA_RULE_SPIKE_SHARE"] = "1.0"
    harness.extra_env["NETRA_TRACE_OFFSETS"] = "1"
    registry = sample_registry(60, seed=21)
    posts = sample_posts(registry, 600, partisan_share=0.2, seed=22).posts
    misrouted = [p.encode() for p in posts[:300]]
    later = [p.encode() for p in posts[300:]]
    expected_first = expected_flag_ids(misrouted, registry)
    expected = expected_flag_ids(misrouted + later, registry)
    workers = [harness.start_worker("a")]
    harness.wait("worker a serving", lambda: bool(harness.metrics(workers[0])), 60)
    workers.append(harness.start_worker("b"))
    harness.load_registry(registry)

    def held() -> list[float]:
        return [harness.metrics(w).get("netra_registry_accounts", 0) for w in workers]

    harness.wait(
        "the registry split over both workers",
        lambda: all(held()) and sum(held()) >= len(registry),
        120,
        detail=lambda: f"accounts per worker: {held()}",
    )
    harness.produce(misrouted, key_field="post_id")
    harness.wait("the misrouted posts' flags", lambda: harness.indexed()[1] == expected_first, 120)
    rekeyed = sum(harness.metrics(w).get("netra_rekeyed_total", 0) for w in workers)
    unregistered = sum(
        harness.metrics(w).get("netra_unregistered_accounts_total", 0) for w in workers
    )
    assert unregistered == 0, "every post found its account's registry entry"
    # A post whose post id hashes to its account's partition needs no re-keying, but most do.
    assert len(misrouted) // 2 < rekeyed <= len(misrouted)

    at_kill = {p: committed for p, (_, committed) in harness.post_offsets().items()}
    workers[1].kill()
    killed_at = time.monotonic()
    harness.produce(later)  # posts on every partition, the killed worker's among them

    def taken_over() -> bool:
        """Every partition has committed work done after the kill."""
        return all(c > at_kill[p] for p, (_, c) in harness.post_offsets().items())

    harness.wait(
        "every partition working again",
        taken_over,
        120,
        detail=lambda: f"at the kill {at_kill}, now {harness.post_offsets()}",
    )
    took = time.monotonic() - killed_at
    assert took <= 15, f"the killed worker's partitions waited {took:.1f}s"
    harness.wait("every flag indexed", lambda: harness.indexed()[1] == expected, 60)
    total, ids = harness.indexed()
    assert total == len(ids) == len(expected)
    for w in workers:
        skipped = [
            line for line in w.log_tail(100_000).splitlines() if "never acknowledged" in line
        ]
        assert not skipped, f"worker {w.name} ({w.log_path}) committed past events: {skipped}"


def test_a_rule_pack_change_takes_effect_without_a_restart(
    harness: Harness, tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO_ROOT / "rules" / "packs", rules / "packs")
    shutil.copytree(REPO_ROOT / "rules" / "catalogue", rules / "catalogue")
    manifest = rules / "packs" / "core" / "pack.yaml"
    harness.extra_env.update(
        {"NETRA_RULE_PACK": str(manifest.parent), "NETRA_RELOAD_SECONDS": "0.5"}
    )
    registry = sample_registry(2, seed=41)
    worker = harness.start_worker("reload")
    harness.load_registry(registry, wait_for=worker)

    def post(n: int) -> bytes:
        return json.dumps(
            {
                "platform": "x",
                "post_id": f"reload-{n}",
                "account_id": registry[0].account_id,
                "text": "Ayo coblos Prabowo-Gibran tanggal 14 Februari, satu putaran!",
                "action": "post",
                "event_time": "2024-01-20T09:00:00+07:00",
            }
        ).encode()

    def outcome(flag_id: str) -> tuple[str, str] | None:
        for doc in harness.documents():
            if doc["flag_id"] == flag_id:
                return doc["outcome"], doc["pack_version"]
        return None

    text = manifest.read_text(encoding="utf-8")
    version = re.search(r"^version: (\S+)", text, re.M)
    assert version is not None
    harness.produce([post(1)])
    harness.wait("first flag", lambda: outcome("x:reload-1") is not None, 60)
    assert outcome("x:reload-1") == ("flag", f"core@{version[1]}")

    # A stricter pack: nothing flags on its own any more, everything goes to review.
    text = text.replace(f"version: {version[1]}", "version: 2024.11.1-strict")
    text = re.sub(r"flag: \d+", "flag: 100000", text, count=1)
    manifest.write_text(text, encoding="utf-8")
    harness.wait(
        "pack reloaded",
        lambda: harness.metrics(worker).get("netra_rule_pack_reloads_total", 0) >= 1,
        30,
    )
    harness.produce([post(2)])
    harness.wait("second flag", lambda: outcome("x:reload-2") is not None, 60)
    assert outcome("x:reload-2") == ("review", "core@2024.11.1-strict")
    assert worker.alive()


@pytest.mark.exclusive
def test_elasticsearch_down_for_30_seconds_loses_nothing(harness: Harness, stack: Any) -> None:
    without_time_budget(harness)
    registry = sample_registry(40, seed=51)
    lines = [p.encode() for p in sample_posts(registry, 1500, partisan_share=0.1, seed=52).posts]
    expected = expected_flag_ids(lines, registry)
    worker = harness.start_worker("outage")
    harness.load_registry(registry, wait_for=worker)
    sender = threading.Thread(target=harness.produce, args=(lines,), kwargs={"rate": 30})
    sender.start()
    harness.wait("some flags indexed", lambda: len(harness.indexed()[1]) >= 5, 120)
    try:
        down(stack, only=["elasticsearch"])
        time.sleep(30)
        assert worker.alive(), "an Elasticsearch outage must not stop the worker"
    finally:
        up(stack, only=["elasticsearch"])
    sender.join()
    harness.wait("every flag indexed", lambda: harness.indexed()[1] == expected, 240)
    total, _ = harness.indexed()
    assert total == len(expected)
    errors = harness.metrics(worker)
    assert errors.get("netra_es_bulk_errors_total", 0) > 0, "the outage was not felt"


def replace_topic(harness: Harness, topic: str, worker: WorkerHandle) -> None:
    """Delete `topic` and create it again under the same name, as an operator clearing a
    topic does: its offsets start again at 0, and the worker group's committed ones are gone.

    The local broker creates a missing topic for any client that asks about it (Kafka's
    auto.create.topics.enable), and the running worker's clients ask within milliseconds: the
    topic would come back with the broker's one partition before Netra could create it. The
    worker is stopped (SIGSTOP) for the moment the deletion and creation take, well inside its
    session timeout, and goes on as if nothing happened."""
    signal_group(worker.record.pid, signal.SIGSTOP)
    admin = KafkaAdminClient(bootstrap_servers=harness.kafka_bootstrap)
    try:
        admin.delete_topics([topic], timeout_ms=30_000)
        harness.wait("the topic deleted", lambda: topic not in admin.list_topics(), 30)
        harness.create_topics()
        partitions = len(describe_topic(admin, topic)["partitions"])
    finally:
        admin.close()
        signal_group(worker.record.pid, signal.SIGCONT)
    assert partitions == harness.settings.partitions, (
        f"{topic} came back with {partitions} partitions: a client created it before Netra did"
    )


def test_a_posts_topic_deleted_and_created_again_is_judged_from_its_start(
    harness: Harness,
) -> None:
    """The worker judged and delivered the first log's posts; the posts topic is deleted and
    created again while it runs. The new log's posts sit at offsets the old log's delivered
    run covers: each must be judged (its flag indexed), none acknowledged as a repeat
    (streams.consumer forgets a replaced partition's run)."""
    without_time_budget(harness)
    harness.extra_env["NETRA_RULE_SPIKE_SHARE"] = "1.0"
    harness.extra_env["NETRA_TRACE_OFFSETS"] = "1"
    registry = sample_registry(40, seed=31)
    first = [p.encode() for p in sample_posts(registry, 400, partisan_share=0.2, seed=32).posts]
    second = [p.encode() for p in sample_posts(registry, 200, partisan_share=0.3, seed=33).posts]
    expected_first = expected_flag_ids(first, registry)
    expected_second = expected_flag_ids(second, registry)
    assert expected_second and not expected_first & expected_second

    worker = harness.start_worker("w1")
    harness.load_registry(registry, wait_for=worker)
    harness.produce(first)
    harness.wait("the first log's flags", lambda: harness.indexed()[1] == expected_first, 120)
    harness.wait_committed("the first log committed", 60)
    time.sleep(1.0)  # the judge adds its counts on a 0.5 s timer
    repeated = harness.metrics(worker).get("netra_events_repeated_total", 0)

    topic = harness.settings.posts_topic
    replace_topic(harness, topic, worker)
    harness.produce(second)
    ends = {p: end for p, (end, _) in harness.post_offsets().items()}
    assert sum(ends.values()) == len(second), f"the new log starts at 0: {ends}"

    expected = expected_first | expected_second
    harness.wait(
        "the new log's flags",
        lambda: harness.indexed()[1] == expected,
        180,
        detail=lambda: f"missing: {sorted(expected - harness.indexed()[1])}",
    )
    harness.wait_committed("the new log committed", 60)
    time.sleep(1.0)
    assert harness.metrics(worker).get("netra_events_repeated_total", 0) == repeated
    assert worker.alive()
    replaced = [line for line in worker.log_tail(100_000).splitlines() if "was replaced" in line]
    assert any(f"{topic}/" in line for line in replaced), "the worker never saw the new log"
