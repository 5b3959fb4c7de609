"""The streaming pipeline on the real local stack: posts in, exactly the expected flags out."""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from netra.sample import sample_posts, sample_registry
from netra.stack import down, up
from neutrality import Engine, Locality
from schemas import DeadLetterReason, Outcome, Post, RegistryEntry
from streams.settings import REPO_ROOT
from tests.integration.harness import Harness

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
    registry = sample_registry(60, seed=1)
    stranger = sample_registry(1, seed=99)[0].model_copy(update={"account_id": "ig:not.an.asn"})
    posts = sample_posts(registry, 500, partisan_share=0.1, seed=2).posts
    strangers = sample_posts([stranger], 30, partisan_share=0.5, seed=3).posts
    lines = [p.encode() for p in posts + strangers]
    expected = expected_flag_ids(lines, registry)
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
    metrics = harness.metrics(worker)
    assert metrics["netra_unregistered_accounts_total"] == len(strangers)
    assert metrics["netra_deadletters_total"] == len(bad)
    docs = harness.documents()
    assert all(d["pack_version"] and d["asn"]["registered"] for d in docs)
    assert all(d["report_deadline"] > d["@timestamp"] for d in docs)


def test_kill_9_mid_stream_loses_nothing_and_duplicates_nothing(harness: Harness) -> None:
    # Delivery guarantees only: the spike guard, which the model rule trips on these generated
    # posts, is kept from tripping so the run is the same every time; the guard has its own
    # tests (test_supervision).
    harness.extra_env["NETRA_RULE_SPIKE_SHARE"] = "1.0"
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
    harness.wait("every flag indexed", lambda: harness.indexed()[1] == expected, 240)
    harness.wait(
        "every post committed",
        lambda: harness.unprocessed_posts() == 0,
        240,
        detail=lambda: f"posts partition -> (end, committed): {harness.post_offsets()}",
    )
    total, ids = harness.indexed()
    assert total == len(expected) == len(ids), "a redelivered flag must not duplicate"


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


def test_elasticsearch_down_for_30_seconds_loses_nothing(harness: Harness, stack: Any) -> None:
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
