"""The case across agencies on the real stack: Bawaslu, BKN and the inspectorate record their
steps through the CLI, signed in and in scope; the case agent applies each once and in order,
keeps a step that cannot follow as a dead letter with the reason, and counts overdue steps for
the alerts; `netra cases follow-through` shows each office's and PPK's record."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch
from prometheus_client.parser import text_string_to_metric_families

from netra.kafka_tools import send_and_wait
from netra.scrape import worker_metrics_url
from schemas import CaseStep, DeadLetterReason
from tests.integration.harness import Harness
from tests.integration.report_samples import ANDI, BUDI, SAMPLE_NIP_KEY, Indexed

pytestmark = pytest.mark.integration
PASSWORD = "sandi-panjang-sekali-2"
BLORA = "Bawaslu Kabupaten Blora"


def _netra(h: Harness, ix: Indexed, users: Path, *args: str, **env: str) -> Any:
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NETRA_")},
        **h.env,
        "NETRA_FLAGS_ALIAS": ix.alias,
        "NETRA_NIP_KEY": SAMPLE_NIP_KEY,
        "NETRA_USERS_FILE": str(users),
        "NETRA_PASSWORD": PASSWORD,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "netra", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _gauge(port: int, name: str, **labels: str) -> float | None:
    with urllib.request.urlopen(worker_metrics_url(port), timeout=5) as resp:
        text = resp.read().decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return None


def _flag_of(ix: Indexed, name: str, status: str) -> str:
    return next(
        s.flag.flag_id
        for s in ix.items
        if s.flag.asn and s.flag.asn.name == name and s.status == status
    )


def test_a_case_moves_across_agencies_and_overdue_steps_are_counted(
    harness: Harness, indexed: Indexed, tmp_path: Path
) -> None:
    users = tmp_path / "users.json"
    for name, role, scope in (
        ("rina", "bawaslu", ["--region", "Kabupaten Blora"]),
        ("mks", "bawaslu", ["--region", "Kota Makassar"]),
        ("bkn1", "bkn", []),
        ("insp", "inspectorate", ["--agency", "Pemkab Blora"]),
        ("sulsel", "bawaslu", ["--province", "Sulawesi Selatan"]),
    ):
        added = _netra(harness, indexed, users, "users", "add", name, "--role", role, *scope)
        assert added.returncode == 0, added.stderr
    harness.extra_env.update({"NETRA_AGENTS": "cases", "NETRA_STATS_SECONDS": "1"})
    harness.extra_env["NETRA_FLAGS_ALIAS"] = indexed.alias
    worker = harness.start_worker("cases")
    port = harness.ports[worker.name]

    budi = _flag_of(indexed, BUDI.name, "confirmed")
    now = datetime.now(UTC)

    def step(user: str, stage: str, hours_ago: float, *extra: str) -> Any:
        at = (now - timedelta(hours=hours_ago)).isoformat()
        return _netra(
            harness,
            indexed,
            users,
            "cases",
            "step",
            budi,
            stage,
            "--at",
            at,
            "--user",
            user,
            *extra,
        )

    # Bawaslu Kota Makassar may not record a Blora case; BKN may not register a finding.
    outside = step("mks", "finding_registered", 4, "--agency", "x", "--reference", "1")
    assert outside.returncode == 2 and "outside mks's scope" in outside.stderr
    not_bkn = step("bkn1", "finding_registered", 4, "--agency", "BKN", "--reference", "1")
    assert not_bkn.returncode == 2 and "does not record" in " ".join(not_bkn.stderr.split())
    early = step("rina", "recommendation_sent", 4, "--agency", BLORA, "--reference", "1")
    assert early.returncode == 2 and "follows finding_registered" in early.stderr

    # The flag was confirmed 20 hours ago; the agencies act every 4 hours after that.
    for user, stage, hours_ago, extra in (
        ("rina", "finding_registered", 16, ["--reference", "001/Reg/TM/PB/Kab/14.16/2024"]),
        ("rina", "recommendation_sent", 12, ["--reference", "B-123/PM.00.02/K.JT-16/2024"]),
        (
            "bkn1",
            "verified_by_bkn",
            8,
            ["--reference", "9953/B-AK.02.02/SD/F/2024", "--ppk", "Bupati Blora"],
        ),
        (
            "insp",
            "ppk_decided",
            4,
            [
                "--reference",
                "SK 800/123/2024",
                "--decision",
                "sanction",
                "--sanction",
                "hukuman disiplin sedang",
            ],
        ),
    ):
        agency = {"rina": BLORA, "bkn1": "BKN", "insp": "Inspektorat Kabupaten Blora"}[user]
        done = step(user, stage, hours_ago, "--agency", agency, *extra)
        assert done.returncode == 0, done.stderr
        assert f"recorded {stage} on {budi}" in " ".join(done.stderr.split()), done.stderr

    shown = _netra(harness, indexed, users, "cases", "show", budi, "--json")
    assert shown.returncode == 0, shown.stderr
    case = json.loads(shown.stdout)
    assert case["stage"] == "ppk_decided" and case["ppk"] == "Bupati Blora"
    assert [s["actor"] for s in case["steps"]] == ["rina", "rina", "bkn1", "insp"]
    assert case["decision"] == "sanction" and case["agency"] == "Pemkab Blora"
    assert case["next_step"] is None

    async def flag_of(flag_id: str) -> dict[str, Any]:
        async with AsyncElasticsearch(indexed.es_url) as es:
            return dict((await es.get(index=indexed.alias, id=flag_id))["_source"])

    # The flag shows where its case stands, and its follow-up clocks run from the registration.
    flag = asyncio.run(flag_of(budi))
    assert flag["case_state"] == "ppk_decided"
    assert flag["registered_at"] == case["steps"][0]["at"]
    assert {"follow_up", "follow_up_extended"} <= {d["window"] for d in flag["deadlines"]}

    # Straight onto the topic: a step Kafka delivers twice is applied once; a step that
    # cannot follow is kept as a dead letter with the reason.
    last = CaseStep.model_validate(case["steps"][-1])
    again = CaseStep.model_validate(
        case["steps"][0] | {"step_id": secrets.token_hex(16), "at": now.isoformat()}
    )
    for s in (last, again):
        send_and_wait(
            harness.settings,
            harness.settings.case_steps_topic,
            s.flag_id.encode(),
            s.model_dump_json().encode(),
        )
    (letter,) = harness.deadletters(expect=1)
    assert letter.reason is DeadLetterReason.STEP_REFUSED and letter.stage == "cases"
    assert "finding_registered follows reviewed" in letter.error
    shown = _netra(harness, indexed, users, "cases", "show", budi, "--json")
    assert len(json.loads(shown.stdout)["steps"]) == 4

    # A second case, registered nine days ago in Makassar and never followed up: overdue.
    andi = next(
        s.flag.flag_id for s in indexed.items if s.flag.asn and s.flag.asn.name == ANDI.name
    )

    async def confirm() -> None:
        async with AsyncElasticsearch(indexed.es_url) as es:
            await es.update(
                index=indexed.alias,
                id=andi,
                doc={"status": "confirmed", "reviewed_at": (now - timedelta(days=10)).isoformat()},
                refresh=True,
            )

    asyncio.run(confirm())
    registered = _netra(
        harness,
        indexed,
        users,
        "cases",
        "step",
        andi,
        "finding_registered",
        "--user",
        "sulsel",
        "--agency",
        "Bawaslu Kota Makassar",
        "--reference",
        "002/Reg/TM/PB/Kota/27.71/2024",
        "--at",
        (now - timedelta(days=9)).isoformat(),
    )
    assert registered.returncode == 0, registered.stderr
    harness.wait(
        "the overdue recommendation counted",
        lambda: (
            _gauge(port, "netra_case_steps_due", stage="recommendation_sent", within="passed")
            == 1.0
        ),
        60,
    )
    assert _gauge(port, "netra_case_steps_due", stage="ppk_decided", within="passed") == 0.0

    report = _netra(harness, indexed, users, "cases", "follow-through", "--json")
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    offices = {r["name"]: r for r in data["offices"]}
    assert offices[BLORA]["received"] == 1 and offices[BLORA]["acted"] == 1
    assert offices[BLORA]["median_days"] == 0.2  # 4 hours
    makassar = offices["Bawaslu Kota Makassar"]
    assert (makassar["received"], makassar["acted"], makassar["overdue"]) == (1, 0, 1)
    assert data["offices"][0]["name"] == "Bawaslu Kota Makassar"  # the weakest first
    (ppk,) = data["ppks"]
    assert ppk["name"] == "Bupati Blora" and ppk["acted_share"] == 1.0
    assert ppk["sanctioned"] == 1 and ppk["median_days"] == 0.2
