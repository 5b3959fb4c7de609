"""Public reports on the real stack: through the API and the form, over Kafka, judged by a real
worker, indexed, and looked up by ticket; the reporter only ever sealed, on a topic apart."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from kafka import KafkaConsumer
from PIL import Image

from agents.reports import NOTHING_FOUND, UNREGISTERED
from netra.intake.keys import reporter_seal
from netra.intake.proof import solve
from netra.intake.router import create_intake_router
from netra.kafka_tools import replay
from schemas import EmploymentType, RegistryEntry, ReviewVerdict, SealedReporter, Verdict
from tests.integration.harness import Harness

pytestmark = pytest.mark.integration


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (360, 640), (30, 90, 200)).save(out, format="PNG")
    return out.getvalue()


def _records(harness: Harness, topic: str) -> list[tuple[bytes, bytes]]:
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=harness.kafka_bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=3000,
    )
    try:
        return [(r.key, r.value) for r in consumer]
    finally:
        consumer.close()


def test_reports_end_judged_with_a_ticket_and_unregistered_accounts_reach_review(
    harness: Harness, tmp_path: Path
) -> None:
    account = f"asn.lapor.{harness.suffix}"
    entry = RegistryEntry(
        account_id=f"ig:{account}",
        nip="198703142011012003",
        name="Rina Utami",
        agency="Pemkab Blora",
        province="Jawa Tengah",
        region="Kabupaten Blora",
        employment_type=EmploymentType.PNS,
    )
    worker = harness.start_worker("w1")
    harness.load_registry([entry], wait_for=worker)

    settings = harness.settings.model_copy(
        update={"state_dir": tmp_path / "state", "intake_pow_bits": 10}
    )
    app = FastAPI()
    app.include_router(create_intake_router(settings))
    image = _png()
    when = datetime.now(UTC) - timedelta(hours=5)
    with TestClient(app) as client:

        def proof() -> dict[str, str]:
            got = client.get("/api/reports/challenge").json()
            return {
                "pow_challenge": got["challenge"],
                "pow_nonce": solve(got["challenge"], got["bits"]),
            }

        registered = client.post(
            "/api/reports",
            json={
                "platform": "instagram",
                "account": f"@{account}",
                "what_happened": "Ayo coblos Prabowo-Gibran, menang satu putaran! katanya di story",
                "occurred_at": when.isoformat(),
                "image_base64": base64.b64encode(image).decode(),
                "reporter_name": "Dewi Lestari",
                "reporter_contact": "dewi.lestari@example.org",
                **proof(),
            },
        )
        assert registered.status_code == 201, registered.text
        first = registered.json()
        local = (when + timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M")
        unknown = client.post(
            "/report",
            data={
                "platform": "facebook",
                "account": f"https://www.facebook.com/camat.anonim.{harness.suffix}",
                "what_happened": "Camat ini membagikan undangan rapat di grup WhatsApp kantor",
                "occurred_at": local,
                "zone": "WIB",
                "url": "https://www.facebook.com/groups/123/posts/456",
                "reporter_name": "",
                "reporter_contact": "",
                **proof(),
            },
            files={"image": ("", b"", "application/octet-stream")},
        )
        assert unknown.status_code == 201, unknown.text
        [second] = re.findall(r'id="ticket">(LAP-[0-9A-Z-]+)<', unknown.text)

        harness.wait("both reports indexed", lambda: len(harness.indexed()[1]) == 2, 120)
        docs = {d["report"]["ticket"]: d for d in harness.documents()}
        flag, review = docs[first["ticket"]], docs[second]

        # The registered account's report: judged like a post, its clock from the report.
        assert flag["outcome"] == "flag" and flag["asn"]["registered"] is True
        assert flag["post_id"] == first["ticket"] and flag["account_id"] == f"ig:{account}"
        assert flag["known_via"] == "report"
        assert datetime.fromisoformat(flag["known_at"]) == datetime.fromisoformat(
            first["reported_at"]
        )
        [kept] = flag["report"]["images"]
        assert kept["sha256"] == hashlib.sha256(image).hexdigest() == first["image_sha256"]
        assert Path(kept["location"].removeprefix("file://")).read_bytes() == image
        # The unregistered account's report reaches a reviewer, saying why.
        assert review["outcome"] == "review" and review["asn"]["registered"] is False
        assert UNREGISTERED in review["rule_ids"] and NOTHING_FOUND in review["rule_ids"]
        assert review["account_id"] == f"fb:camat.anonim.{harness.suffix}"

        for ticket in (first["ticket"], second):
            got = client.get(f"/api/reports/{ticket}")
            assert got.json() == {"ticket": ticket, "status": "judged"}

        # A dismissal closes the second ticket; the reporter learns that and nothing more.
        verdict = ReviewVerdict(
            flag_id=review["flag_id"],
            reviewer="bawaslu.test",
            verdict=Verdict.DISMISS,
            note="bukan ASN",
            reviewed_at=datetime.now(UTC),
        )
        replay(
            harness.settings,
            harness.settings.reviews_topic,
            [verdict.model_dump_json().encode()],
            key_field="flag_id",
        )
        harness.wait(
            "the dismissal applied",
            lambda: client.get(f"/api/reports/{second}").json()["status"] == "closed",
            60,
        )
        page = client.get("/report/status", params={"ticket": second})
        assert 'data-status="closed"' in page.text and "bukan ASN" not in page.text

    # The reporter is sealed on the reporters topic, and nowhere else.
    sealed = _records(harness, settings.reporters_topic)
    assert [key for key, _ in sealed] == [first["ticket"].encode()]
    record = SealedReporter.model_validate_json(sealed[0][1])
    assert reporter_seal(settings).open(record).contact == "dewi.lestari@example.org"
    everywhere: list[Any] = [
        *_records(harness, settings.posts_topic),
        *_records(harness, settings.flags_topic),
        *harness.documents(),
    ]
    for item in everywhere:
        assert "Dewi" not in str(item) and "example.org" not in str(item)
