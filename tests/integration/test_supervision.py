"""Reviews, repeat offenders and the spike guard on the real stack, through the real CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from netra.kafka_tools import follow
from netra.sample import sample_registry
from schemas import DeadLetterReason, Escalation, RuleState
from streams.pseudonyms import load_nip_pseudonyms
from tests.integration.harness import Harness

pytestmark = pytest.mark.integration


def campaign_post(account: str, n: int, when: datetime) -> bytes:
    return json.dumps(
        {
            "platform": "instagram",
            "post_id": f"sup-{n}",
            "account_id": account,
            "text": f"Ayo coblos Prabowo-Gibran tanggal 14 Februari, satu putaran! ({n})",
            "action": "post",
            "event_time": when.isoformat(),
        }
    ).encode()


def test_repeat_offender_escalates_and_reviews_update_the_flag(harness: Harness) -> None:
    harness.extra_env.update({"NETRA_STATS_SECONDS": "1", "NETRA_FAUST_SENSOR": "true"})
    registry = sample_registry(3, seed=21)
    offender = registry[0].model_copy(update={"account_id": "ig:repeat.offender"})
    worker = harness.start_worker("sup")
    harness.load_registry([offender, *registry[1:]], wait_for=worker)
    start = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)
    harness.produce(
        [campaign_post(offender.account_id, n, start + timedelta(days=n)) for n in range(4)]
    )
    harness.wait("four flags indexed", lambda: len(harness.indexed()[1]) == 4, 120)

    escalations = [
        Escalation.model_validate_json(raw)
        for raw in follow(
            harness.settings,
            harness.settings.escalations_topic,
            from_beginning=True,
            idle_timeout=5,
        )
    ]
    assert [(e.window_days, e.flags) for e in escalations] == [(7, 3)]
    assert escalations[0].asn is not None and escalations[0].asn.name == offender.name
    assert escalations[0].asn.nip_ref == load_nip_pseudonyms(harness.settings).ref(offender.nip)
    assert offender.nip not in escalations[0].model_dump_json()
    assert len(escalations[0].flag_ids) == 3

    confirm = harness.netra("review", "instagram:sup-0", "confirm", "--note", "akun resmi ASN")
    dismiss = harness.netra("review", "instagram:sup-1", "dismiss", "--reviewer", "budi")
    unknown = harness.netra("review", "instagram:no-such-flag", "confirm")
    assert confirm.returncode == dismiss.returncode == unknown.returncode == 0, confirm.stderr

    def statuses() -> dict[str, str]:
        return {d["flag_id"]: d["status"] for d in harness.documents()}

    harness.wait(
        "reviews applied",
        lambda: (
            statuses().get("instagram:sup-0") == "confirmed"
            and statuses().get("instagram:sup-1") == "dismissed"
        ),
        60,
    )
    doc = next(d for d in harness.documents() if d["flag_id"] == "instagram:sup-0")
    assert doc["reviews"][0]["note"] == "akun resmi ASN"
    assert statuses()["instagram:sup-2"] == "unreviewed"
    letters = harness.deadletters(expect=1)
    assert [dl.reason for dl in letters] == [DeadLetterReason.UNKNOWN_FLAG]
    harness.wait(
        "per-rule precision exported",
        lambda: harness.metrics(worker).get("netra_rule_precision_ratio", -1) >= 0,
        60,
    )
    metrics = harness.metrics(worker)
    assert metrics["netra_escalations_total"] == 1
    assert metrics["netra_reviews_total"] == 2
    assert metrics["faust_messages_received_total"] > 0  # Faust's own sensor, when enabled


def test_a_spiking_rule_drops_to_review_only_until_a_person_restores_it(
    harness: Harness,
) -> None:
    harness.extra_env.update(
        {"NETRA_RULE_SPIKE_MIN_EVENTS": "40", "NETRA_RULE_SPIKE_SHARE": "0.05"}
    )
    registry = sample_registry(5, seed=31)
    worker = harness.start_worker("guard")
    harness.load_registry(registry, wait_for=worker)
    when = datetime(2024, 1, 20, 9, 0, tzinfo=UTC)
    harmless = {
        "platform": "instagram",
        "text": "Apel pagi lancar, semangat melayani masyarakat",
        "action": "post",
        "event_time": when.isoformat(),
    }
    lines = []
    for n in range(60):
        account = registry[n % 5].account_id
        if n % 5 == 0:  # 20% of events: far above the 5% a rule may hit after a pack change
            lines.append(campaign_post(account, n, when))
        else:
            lines.append(
                json.dumps({**harmless, "account_id": account, "post_id": f"h-{n}"}).encode()
            )
    harness.produce(lines)

    def dropped() -> list[RuleState]:
        states = harness.netra("rules", "state")
        assert states.returncode == 0, states.stderr
        return [s for s in _states(harness) if s.review_only]

    harness.wait("a rule dropped to review-only", lambda: bool(dropped()), 60)
    rule = dropped()[0].rule_id
    assert "events" in dropped()[0].reason and dropped()[0].changed_by == "netra"
    harness.wait(
        "review-only visible in metrics",
        lambda: harness.metrics(worker).get("netra_rule_review_only", 0) >= 1,
        30,
    )

    later = when + timedelta(hours=1)
    harness.produce([campaign_post(registry[1].account_id, 1000, later)])
    harness.wait(
        "the next hit is review-only",
        lambda: any(d["flag_id"] == "instagram:sup-1000" for d in harness.documents()),
        60,
    )
    doc = next(d for d in harness.documents() if d["flag_id"] == "instagram:sup-1000")
    assert any(h["rule_id"] == rule and h["review_only"] for h in doc["hits"])

    before = len(dropped())
    assert harness.metrics(worker)["netra_rule_review_only"] == before  # one gauge per rule
    restored = harness.netra("rules", "restore", rule, "--by", "ana", "--reason", "checked")
    assert restored.returncode == 0, restored.stderr
    harness.wait(
        "restored on the worker",
        lambda: harness.metrics(worker).get("netra_rule_review_only") == before - 1,
        30,
    )
    assert not any(s.review_only for s in _states(harness) if s.rule_id == rule)


def _states(h: Harness) -> list[RuleState]:
    latest: dict[str, RuleState] = {}
    for raw in follow(h.settings, h.settings.rulestate_topic, from_beginning=True, idle_timeout=2):
        state = RuleState.model_validate_json(raw)
        latest[state.rule_id] = state
    return list(latest.values())
