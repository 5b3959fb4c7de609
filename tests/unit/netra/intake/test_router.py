"""The form and the JSON API through FastAPI's TestClient: accepted reports, and hostile input
refused with a clear 4xx and nothing kept. Kafka and Elasticsearch are replaced by in-memory
stand-ins here; tests/integration/test_intake.py runs the real ones."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from netra.intake.errors import UnavailableError
from netra.intake.evidence import FileEvidenceStore
from netra.intake.images import ImageLimits
from netra.intake.proof import ProofOfWork, solve, solves
from netra.intake.router import create_intake_router
from netra.intake.sealing import ReporterSeal
from netra.intake.service import IntakeService
from netra.intake.submission import TextLimits
from netra.intake.tickets import Tickets, TicketStatus
from schemas.post import Post
from schemas.report import SealedReporter
from streams.settings import Settings
from tests.unit.netra.intake.images import image_bytes

KEY = b"unit-test-intake-signing-key-0123456789"
POW_BITS = 6
# What a browser sends for a file input left empty: the form is always multipart.
NO_FILE = {"image": ("", b"", "application/octet-stream")}
SEAL = ReporterSeal(b"unit-test-reporter-key-0123456789abcdef")


@dataclass
class Published:
    """Stands in for Kafka: what would have been stored."""

    records: list[tuple[Post, SealedReporter | None]] = field(default_factory=list)
    down: bool = False

    async def stop(self) -> None:
        return None

    async def publish(self, post: Post, reporter: SealedReporter | None) -> None:
        if self.down:
            raise UnavailableError("reports cannot be stored just now: try again in a minute")
        self.records.append((post, reporter))


@dataclass
class Rig:
    client: TestClient
    published: Published
    evidence: Path
    statuses: dict[str, TicketStatus]

    def challenge(self) -> dict[str, str]:
        got = self.client.get("/api/reports/challenge").json()
        return {
            "pow_challenge": got["challenge"],
            "pow_nonce": solve(got["challenge"], got["bits"]),
        }

    def kept_files(self) -> list[Path]:
        return (
            [p for p in self.evidence.rglob("*") if p.is_file()] if self.evidence.exists() else []
        )


def _settings(tmp_path: Path, **extra: Any) -> Settings:
    values = {
        "NETRA_STATE": str(tmp_path / "state"),
        "intake_pow_bits": POW_BITS,
        "intake_max_body_bytes": 300_000,
        "intake_max_image_bytes": 100_000,
        "intake_submit_burst": 50,
        "intake_lookup_burst": 200,
        **extra,
    }
    return Settings.model_validate(values)


def _rig(tmp_path: Path, **extra: Any) -> Rig:
    settings = _settings(tmp_path, **extra)
    published = Published()
    statuses: dict[str, TicketStatus] = {}

    async def status(ticket: str) -> TicketStatus:
        return statuses.get(ticket, TicketStatus.RECEIVED)

    evidence = tmp_path / "evidence"
    service = IntakeService(
        proof=ProofOfWork(KEY, bits=settings.intake_pow_bits, ttl_seconds=600),
        tickets=Tickets(KEY),
        seal=SEAL,
        evidence=FileEvidenceStore(evidence),
        publisher=published,
        status_source=status,
        image_limits=ImageLimits(max_bytes=100_000, max_side=2000, max_pixels=2_000_000),
        text_limits=TextLimits(max_text_chars=1000, max_age_days=365),
    )
    app = FastAPI()
    app.include_router(create_intake_router(settings, service=service), prefix="/publik")
    client = TestClient(app, base_url="http://testserver/publik")
    return Rig(client, published, evidence, statuses)


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    r = _rig(tmp_path)
    with r.client:
        yield r


def _report(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "platform": "instagram",
        "account": "@budi.santoso",
        "what_happened": "Foto bersama paslon 02, pose dua jari, di akun pribadinya",
        "occurred_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat(),
        "url": "https://www.instagram.com/p/C2abc/",
    }
    base.update(changes)
    return base


def _failing_nonce(challenge: str) -> str:
    """A nonce that does not solve the challenge (a fixed one would, one time in 2**bits)."""
    return next(str(n) for n in range(1, 10_000) if not solves(challenge, str(n), POW_BITS))


def _form(rig: Rig, **changes: str) -> dict[str, str]:
    local = (datetime.now(UTC) + timedelta(hours=7) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    base = {
        "platform": "tiktok",
        "account": "https://www.tiktok.com/@guru.ani",
        "what_happened": "Mengajak murid memilih calon nomor 1",
        "occurred_at": local,
        "zone": "WIB",
        "url": "https://www.tiktok.com/@guru.ani/video/7312345678901234567",
        "reporter_name": "Siti Rahma",
        "reporter_contact": "0812-0000-1111",
        **rig.challenge(),
    }
    base.update(changes)
    return base


def test_a_json_report_becomes_one_event_and_a_ticket(rig: Rig) -> None:
    image = image_bytes("PNG")
    body = _report(
        image_base64=base64.b64encode(image).decode(),
        reporter_name="Siti Rahma",
        reporter_contact="siti@example.org",
        **rig.challenge(),
    )
    resp = rig.client.post("/api/reports", json=body)
    assert resp.status_code == 201, resp.text
    got = resp.json()
    assert got["status"] == "received"
    [(post, sealed)] = rig.published.records
    assert post.post_id == got["ticket"] and post.account_id == "ig:budi.santoso"
    assert post.report is not None and post.report.ticket == got["ticket"]
    assert post.report.reporter_sealed
    assert post.report.images[0].sha256 == got["image_sha256"]
    assert post.urls == ["https://www.instagram.com/p/C2abc/"]
    event = post.model_dump_json()
    assert "Siti" not in event and "example.org" not in event  # the reporter is not in the case
    assert sealed is not None and SEAL.open(sealed).contact == "siti@example.org"
    assert [p.name for p in rig.kept_files()] == [got["image_sha256"]]
    lookup = rig.client.get(f"/api/reports/{got['ticket']}")
    assert lookup.json() == {"ticket": got["ticket"], "status": "received"}
    rig.statuses[got["ticket"]] = TicketStatus.JUDGED
    assert rig.client.get(f"/api/reports/{got['ticket']}").json()["status"] == "judged"


def test_an_anonymous_report_seals_nothing(rig: Rig) -> None:
    resp = rig.client.post("/api/reports", json=_report(**rig.challenge()))
    assert resp.status_code == 201
    [(post, sealed)] = rig.published.records
    assert sealed is None and post.report is not None and not post.report.reporter_sealed


def test_the_form_takes_a_report_with_an_image_and_shows_the_ticket(rig: Rig) -> None:
    page = rig.client.get("/report")
    assert page.status_code == 200 and 'data-challenge="p1.' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text  # the only script is the served file
    image = image_bytes("JPEG")
    resp = rig.client.post(
        "/report",
        data=_form(rig),
        files={"image": ("../../../etc/cron.d/evil.png", image, "image/png")},
    )
    assert resp.status_code == 201, resp.text
    [(post, sealed)] = rig.published.records
    assert post.account_id == "tt:guru.ani" and post.report is not None
    assert post.event_time.utcoffset() == timedelta(hours=7)
    assert post.report.images[0].media_type == "image/jpeg"  # read from the bytes
    assert post.report.ticket in resp.text
    assert sealed is not None and SEAL.open(sealed).name == "Siti Rahma"
    # The client's file name went nowhere: one file, named by its digest, under the store.
    [kept] = rig.kept_files()
    assert kept.name == post.report.images[0].sha256 and kept.read_bytes() == image
    status = rig.client.get("/report/status", params={"ticket": post.report.ticket})
    assert status.status_code == 200 and 'data-status="received"' in status.text


def test_script_in_a_field_is_escaped_on_the_page_and_kept_verbatim(rig: Rig) -> None:
    script = "<script>alert(document.cookie)</script>"
    refused = rig.client.post(
        "/report", data=_form(rig, what_happened=script, platform="nope"), files=NO_FILE
    )
    assert refused.status_code == 422
    assert script not in refused.text and "&lt;script&gt;alert" in refused.text
    accepted = rig.client.post("/report", data=_form(rig, what_happened=script), files=NO_FILE)
    assert accepted.status_code == 201
    assert rig.published.records[0][0].text == script


def test_the_assets_are_served_and_nothing_else(rig: Rig) -> None:
    js = rig.client.get("/report/assets/pow.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("application/javascript")
    for name in ("../router.py", "..%2Frouter.py", "templates", "report.html"):
        assert rig.client.get(f"/report/assets/{name}").status_code == 404


def _refused(resp: Any, status: int, rig: Rig) -> str:
    assert resp.status_code == status, resp.text
    assert rig.published.records == [] and rig.kept_files() == []
    text: str = resp.json()["error"] if "json" in resp.headers["content-type"] else resp.text
    assert text
    return text


def test_hostile_json_is_refused_and_nothing_is_kept(rig: Rig) -> None:
    pow_ = rig.challenge()
    post = rig.client.post
    _refused(post("/api/reports", json=_report()), 422, rig)  # no proof of work at all
    assert "pow_challenge" in _refused(post("/api/reports", json=_report()), 422, rig)
    no_pow = _report(pow_challenge="", pow_nonce="")
    assert "proof of work" in _refused(post("/api/reports", json=no_pow), 403, rig)
    assert "occurred_at" in _refused(
        post("/api/reports", json=_report(occurred_at=12, **pow_)), 422, rig
    )
    assert "platform" in _refused(
        post("/api/reports", json=_report(platform=["x"], **pow_)), 422, rig
    )
    extra = _report(admin=True, **pow_)
    assert "admin" in _refused(post("/api/reports", json=extra), 422, rig)
    _refused(
        post("/api/reports", content=b"{not json", headers={"content-type": "application/json"}),
        422,
        rig,
    )
    _refused(
        post("/api/reports", content=b"\xff\xfe", headers={"content-type": "application/json"}),
        422,
        rig,
    )
    _refused(post("/api/reports", data={"a": "b"}), 415, rig)
    nested = b"[" * 100_000 + b"]" * 100_000
    assert "recursion" in _refused(
        post("/api/reports", content=nested, headers={"content-type": "application/json"}), 422, rig
    )
    big = _report(what_happened="x" * 400_000, **pow_)
    assert "limit" in _refused(post("/api/reports", json=big), 413, rig)
    long_text = _report(what_happened="x" * 1001, **pow_)
    assert "what_happened" in _refused(post("/api/reports", json=long_text), 422, rig)
    not_image = _report(image_base64=base64.b64encode(b"<svg onload=alert(1)>").decode(), **pow_)
    assert "not a PNG" in _refused(post("/api/reports", json=not_image), 415, rig)
    _refused(post("/api/reports", json=_report(image_base64="@@@", **pow_)), 422, rig)
    # The proof of work is given back when the report is refused, so it can be corrected:
    assert post("/api/reports", json=_report(**pow_)).status_code == 201


def test_a_request_without_a_length_is_refused_before_it_is_read(rig: Rig) -> None:
    def chunks() -> Iterator[bytes]:
        yield json.dumps(_report(**rig.challenge())).encode()

    resp = rig.client.post(
        "/api/reports", content=chunks(), headers={"content-type": "application/json"}
    )
    _refused(resp, 411, rig)


def test_hostile_forms_are_refused_and_nothing_is_kept(rig: Rig) -> None:
    post = rig.client.post
    big = image_bytes("PNG", (1200, 1200))
    assert len(big) < 100_000
    _refused(post("/report", data=_form(rig), files={"image": ("a.png", b"x" * 200_000)}), 413, rig)
    named = {"image": ("photo.png", b"GIF89a not really", "image/png")}
    _refused(post("/report", data=_form(rig), files=named), 415, rig)
    huge = {"image": ("a.png", image_bytes("PNG", (2001, 10)), "image/png")}
    _refused(post("/report", data=_form(rig), files=huge), 413, rig)
    two = [("image", ("a.png", big, "image/png")), ("image", ("b.png", big, "image/png"))]
    _refused(post("/report", data=_form(rig), files=two), 422, rig)
    as_file = {"what_happened": ("x.txt", b"text as a file", "text/plain")}
    _refused(post("/report", data=_form(rig), files=as_file), 422, rig)
    unsolved = _form(rig)
    unsolved["pow_nonce"] = _failing_nonce(unsolved["pow_challenge"])
    _refused(post("/report", data=unsolved, files=NO_FILE), 403, rig)
    _refused(post("/report", data=_form(rig, zone="PST"), files=NO_FILE), 422, rig)
    _refused(post("/report", data=_form(rig, occurred_at="kemarin"), files=NO_FILE), 422, rig)
    _refused(post("/report", data={**_form(rig), "role": "admin"}, files=NO_FILE), 422, rig)
    _refused(post("/report", content=b"a=b", headers={"content-type": "text/plain"}), 415, rig)


def test_a_solved_challenge_carries_one_report_only(rig: Rig) -> None:
    pow_ = rig.challenge()
    assert rig.client.post("/api/reports", json=_report(**pow_)).status_code == 201
    again = rig.client.post("/api/reports", json=_report(**pow_))
    assert again.status_code == 403 and "already used" in again.json()["error"]


def test_reports_are_rate_limited_per_client(tmp_path: Path) -> None:
    r = _rig(tmp_path, intake_submit_burst=2, intake_submit_per_hour=1.0)
    with r.client:
        for _ in range(2):
            assert r.client.post("/api/reports", json=_report(**r.challenge())).status_code == 201
        resp = r.client.post("/api/reports", json=_report(**r.challenge()))
        assert resp.status_code == 429 and int(resp.headers["retry-after"]) > 0
        assert "too many reports" in resp.json()["error"]
        assert len(r.published.records) == 2


def test_lookups_reveal_only_a_status(rig: Rig) -> None:
    ok = rig.client.post("/api/reports", json=_report(**rig.challenge())).json()["ticket"]
    rig.statuses[ok] = TicketStatus.UNDER_REVIEW
    assert rig.client.get(f"/api/reports/{ok}").json() == {"ticket": ok, "status": "under_review"}
    forged = ok[:-1] + ("0" if ok[-1] != "0" else "1")
    assert rig.client.get(f"/api/reports/{forged}").status_code == 404
    assert rig.client.get("/api/reports/<script>").status_code == 422
    page = rig.client.get("/report/status", params={"ticket": "<script>alert(1)</script>"})
    assert page.status_code == 422 and "<script>alert" not in page.text


def test_kafka_down_means_no_ticket_and_a_retry_later(rig: Rig) -> None:
    rig.published.down = True
    pow_ = rig.challenge()
    resp = rig.client.post("/api/reports", json=_report(**pow_))
    assert resp.status_code == 503 and "try again" in resp.json()["error"]
    rig.published.down = False
    assert rig.client.post("/api/reports", json=_report(**pow_)).status_code == 201
