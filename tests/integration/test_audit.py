"""The NIP reveal end to end on the real stack: users signed in through the CLI, the clear NIP
read from the registry topic, every attempt on the audit topic before anything is shown, and
the audit agent copying the trail into Elasticsearch once, where `netra audit` reads it."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from elasticsearch import AsyncElasticsearch

from netra.kafka_tools import follow
from schemas import AuditEntry
from streams.audit_index import append_audit_entry
from tests.integration.harness import Harness
from tests.integration.report_samples import BUDI, SAMPLE_NIP_KEY, Indexed

pytestmark = pytest.mark.integration
PASSWORD = "sandi-panjang-sekali-1"


def _netra(
    h: Harness, ix: Indexed, users: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NETRA_")},
        **h.env,
        "NETRA_FLAGS_ALIAS": ix.alias,
        "NETRA_NIP_KEY": SAMPLE_NIP_KEY,
        "NETRA_USERS_FILE": str(users),
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


def test_reveals_are_signed_in_entitled_and_audited(
    harness: Harness, indexed: Indexed, tmp_path: Path
) -> None:
    users = tmp_path / "users.json"
    harness.load_registry([BUDI])
    flag_id = next(
        s.flag.flag_id for s in indexed.items if s.flag.asn and s.flag.asn.name == BUDI.name
    )

    for name, role in (("siti", "bawaslu"), ("andi", "analyst")):
        added = _netra(
            harness, indexed, users, "users", "add", name, "--role", role, NETRA_PASSWORD=PASSWORD
        )
        assert added.returncode == 0, added.stderr
    listed = _netra(harness, indexed, users, "users", "list")
    assert "siti" in listed.stdout and "argon2" not in listed.stdout

    plain = _netra(harness, indexed, users, "case", flag_id, "-f", "json")
    assert plain.returncode == 0, plain.stderr
    assert BUDI.nip not in plain.stdout and json.loads(plain.stdout)["asn"]["nip"] is None

    no_reason = _netra(harness, indexed, users, "case", flag_id, "--reveal-nip")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr

    reveal = ("case", flag_id, "-f", "json", "--reveal-nip", "--reason", "laporan ke BKN")
    granted = _netra(harness, indexed, users, *reveal, NETRA_USER="siti", NETRA_PASSWORD=PASSWORD)
    assert granted.returncode == 0, granted.stderr
    case = json.loads(granted.stdout)
    assert case["asn"]["nip"] == BUDI.nip and case["viewer"] == "siti (bawaslu)"

    analyst = _netra(harness, indexed, users, *reveal, NETRA_USER="andi", NETRA_PASSWORD=PASSWORD)
    wrong = _netra(
        harness, indexed, users, *reveal, NETRA_USER="siti", NETRA_PASSWORD="tebakan-saja-1"
    )
    for refused, why in ((analyst, "may not reveal"), (wrong, "wrong user name or password")):
        assert refused.returncode == 2 and BUDI.nip not in refused.stdout + refused.stderr
        assert why in " ".join(refused.stderr.split())

    # On the topic before anything was shown; nothing in the trail holds the NIP.
    raw = list(
        follow(harness.settings, harness.settings.audit_topic, from_beginning=True, idle_timeout=5)
    )
    # Keyed by audit id, the entries spread over partitions: their order is their time.
    trail = sorted((AuditEntry.model_validate_json(r) for r in raw), key=lambda e: e.at)
    assert [(e.actor, e.outcome.value) for e in trail] == [
        ("siti", "granted"),
        ("andi", "refused"),
        ("siti", "refused"),
    ]
    assert not any(BUDI.nip.encode() in r for r in raw)

    harness.extra_env["NETRA_AGENTS"] = "audit"
    worker = harness.start_worker("audit")

    def audited() -> list[dict[str, object]]:
        shown = _netra(harness, indexed, users, "audit", "--flag", flag_id, "--json")
        return (
            [json.loads(line) for line in shown.stdout.splitlines()]
            if shown.returncode == 0
            else []
        )

    harness.wait("the trail indexed", lambda: len(audited()) == 3, 120)
    assert {(e["actor"], e["outcome"], e["reason"]) for e in audited()} == {
        ("siti", "granted", "laporan ke BKN"),
        ("andi", "refused", "laporan ke BKN"),
        ("siti", "refused", "laporan ke BKN"),
    }
    assert harness.metrics(worker)["netra_audit_entries_total"] == 3

    async def rewrite() -> bool:
        async with AsyncElasticsearch(harness.es_url) as es:
            return await append_audit_entry(
                es, harness.settings.audit_alias, trail[0].model_copy(update={"reason": "changed"})
            )

    assert asyncio.run(rewrite()) is False  # an entry is written once, never replaced
    assert {e["reason"] for e in audited()} == {"laporan ke BKN"}
