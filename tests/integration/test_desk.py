"""The review desk on the real Elasticsearch and Kafka, through its HTTP interface: scope in
every query, claims and verdicts with optimistic concurrency, the audited NIP reveal, and
hostile input refused with a clear 4xx and nothing stored."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from netra.desk import create_app
from netra.kafka_tools import send_and_wait
from netra.stack import StackSettings
from schemas import AuditAction, AuditEntry, AuditOutcome, ReviewVerdict, Verdict
from schemas.custody import CustodyAction
from schemas.report import ReporterContact, ReportInfo
from streams.evidence.custody import CustodyLog
from streams.evidence.store import open_store
from streams.evidence.verify import verify
from tests.integration.desk_setup import PASSWORD, REPORTER_SEAL, DeskUnderTest, build_desk
from tests.integration.report_samples import ANDI, BUDI, SITI, Indexed
from tests.unit.streams.evidence.test_verify import store_capture


@pytest.fixture
def desk(indexed: Indexed, kafka_bootstrap: str, tmp_path: Path) -> DeskUnderTest:
    return build_desk(indexed, kafka_bootstrap, tmp_path)


@pytest.fixture
def client(desk: DeskUnderTest) -> Iterator[TestClient]:
    with TestClient(create_app(desk.desk), base_url="http://testserver") as c:
        yield c


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, html[:500]
    return m[1]


def sign_in(client: TestClient, name: str) -> str:
    """Sign in; the session's CSRF token."""
    client.cookies.clear()
    token = _csrf(client.get("/login").text)
    resp = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token})
    assert resp.status_code == 200, resp.text[:300]  # followed the redirect
    return _csrf(client.get("/rules" if name == "rules" else "/").text)


def _version(client: TestClient, flag_id: str) -> str:
    resp = client.get("/api/flag", params={"id": flag_id})
    assert resp.status_code == 200, resp.text
    version: str = resp.json()["version"]
    return version


SCOPES = [
    ("ri", {"budi", "siti", "andi", "none"}, set()),
    ("jateng", {"budi", "siti"}, {"andi", "none"}),
    ("blora", {"budi"}, {"siti", "andi", "none"}),
    ("bkn", {"budi", "siti", "andi"}, {"none"}),
    ("insp-kemenag", {"siti"}, {"budi", "andi", "none"}),
]


def test_each_role_sees_its_scope_in_queue_page_api_and_by_id(
    desk: DeskUnderTest, client: TestClient
) -> None:
    ids = {
        "budi": desk.flag_of(BUDI),
        "siti": desk.flag_of(SITI),
        "andi": desk.flag_of(ANDI),
        "none": desk.flag_of(None),
    }
    for user, sees, hidden in SCOPES:
        sign_in(client, user)
        listed = {f["flag_id"] for f in client.get("/api/queue").json()["flags"]}
        page = client.get("/").text
        for who in sees:
            assert ids[who] in listed and ids[who] in page, (user, who)
            assert client.get("/flag", params={"id": ids[who]}).status_code == 200
        for who in hidden:
            assert ids[who] not in listed and ids[who] not in page, (user, who)
            assert client.get("/flag", params={"id": ids[who]}).status_code == 404
            assert client.get("/api/flag", params={"id": ids[who]}).status_code == 404


def test_the_queue_puts_high_severity_first(client: TestClient) -> None:
    sign_in(client, "ri")
    flags = client.get("/api/queue").json()["flags"]
    severities = [f["severity"] for f in flags]
    rank = {"high": 3, "medium": 2, "low": 1, None: 0}
    assert [rank[s] for s in severities] == sorted((rank[s] for s in severities), reverse=True)
    narrowed = client.get("/api/queue", params={"province": "jawa tengah"}).json()["flags"]
    assert narrowed and all(f["province"] == "Jawa Tengah" for f in narrowed)


def test_a_rule_author_sees_statistics_and_no_flags(
    desk: DeskUnderTest, client: TestClient
) -> None:
    sign_in(client, "rules")
    assert client.get("/rules").status_code == 200
    assert client.get("/api/queue").status_code == 403
    assert client.get("/flag", params={"id": desk.flag_of(BUDI)}).status_code == 403
    assert BUDI.name not in client.get("/rules").text


def test_a_claim_by_one_reviewer_refuses_another(desk: DeskUnderTest, client: TestClient) -> None:
    flag_id = desk.unreviewed_of(SITI)
    csrf = sign_in(client, "jateng")
    version = _version(client, flag_id)
    resp = client.post(
        "/flag/claim", data={"flag_id": flag_id, "version": version, "csrf_token": csrf}
    )
    assert resp.status_code == 200 and "Claimed by" in resp.text
    csrf = sign_in(client, "ri")
    resp = client.post(
        "/flag/claim",
        data={
            "flag_id": flag_id,
            "version": _version(client, flag_id),
            "csrf_token": csrf,
            "assignee": "",
        },
    )
    assert resp.status_code == 409 and "already claimed by jateng" in resp.text


def test_a_verdict_goes_on_the_reviews_topic_and_a_concurrent_one_is_refused(
    desk: DeskUnderTest, client: TestClient
) -> None:
    flag_id = desk.flag_of(SITI)
    csrf = sign_in(client, "jateng")
    seen = _version(client, flag_id)
    resp = client.post(
        "/flag/verdict",
        data={
            "flag_id": flag_id,
            "version": seen,
            "verdict": "confirm",
            "note": "akun resmi",
            "csrf_token": csrf,
        },
    )
    assert resp.status_code == 200, resp.text[:500]
    # A second reviewer decided on the same version: refused, with who decided.
    csrf = sign_in(client, "ri")
    resp = client.post(
        "/api/verdict",
        json={"flag_id": flag_id, "version": seen, "verdict": "dismiss"},
        headers={"X-CSRF-Token": csrf},
    )
    assert resp.status_code == 409 and "jateng" in resp.json()["error"]
    sent = [ReviewVerdict.model_validate_json(v) for v in desk.records(desk.settings.reviews_topic)]
    assert [(v.flag_id, v.reviewer, v.verdict, v.note) for v in sent] == [
        (flag_id, "jateng", Verdict.CONFIRM, "akun resmi")
    ]


def test_the_nip_reveal_is_audited_with_who_and_why(
    desk: DeskUnderTest, client: TestClient
) -> None:
    flag_id = desk.flag_of(BUDI)
    csrf = sign_in(client, "blora")
    resp = client.post(
        "/flag/reveal", data={"flag_id": flag_id, "reason": "laporan ke BKN", "csrf_token": csrf}
    )
    assert resp.status_code == 200 and BUDI.nip in resp.text
    assert BUDI.nip not in client.get("/flag", params={"id": flag_id}).text  # shown once
    [entry] = [AuditEntry.model_validate_json(v) for v in desk.records(desk.settings.audit_topic)]
    assert (entry.actor, entry.actor_role, entry.reason, entry.outcome) == (
        "blora",
        "bawaslu",
        "laporan ke BKN",
        AuditOutcome.GRANTED,
    )


def _reported(desk: DeskUnderTest, flag_id: str, contact: ReporterContact) -> str:
    """Make the flag one that came from a public report whose reporter left `contact`, sealed
    on the desk's reporters topic as the intake seals it; its ticket."""
    ticket = "LAP-" + "-".join(
        "".join(secrets.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(4))
        for _ in range(4)
    )
    sealed = REPORTER_SEAL.seal(ticket, contact)
    send_and_wait(
        desk.settings,
        desk.settings.reporters_topic,
        ticket.encode(),
        sealed.model_dump_json().encode(),
    )
    report = ReportInfo(ticket=ticket, reported_at=desk.indexed.now, reporter_sealed=True)
    es = Elasticsearch(desk.indexed.es_url, request_timeout=30)
    try:
        es.update(
            index=desk.indexed.alias,
            id=flag_id,
            doc={"report": report.model_dump(mode="json")},
            refresh=True,
        )
    finally:
        es.close()
    return ticket


def test_only_bawaslu_opens_a_reporters_contact_and_every_attempt_is_audited(
    desk: DeskUnderTest, client: TestClient
) -> None:
    contact = ReporterContact(name="Warga Kradenan", contact="warga.kradenan@example.org")
    flag_id = desk.flag_of(BUDI)
    ticket = _reported(desk, flag_id, contact)
    for name in ("bkn", "insp-blora"):  # both see the flag, neither may see who reported it
        csrf = sign_in(client, name)
        page = client.get("/flag", params={"id": flag_id})
        assert page.status_code == 200 and 'id="reveal-reporter"' not in page.text
        resp = client.post(
            "/api/reveal-reporter",
            json={"flag_id": flag_id, "reason": "ingin tahu pelapor"},
            headers={"X-CSRF-Token": csrf},
        )
        assert resp.status_code == 403, resp.text
        assert contact.contact not in resp.text and "Bawaslu only" in resp.json()["error"]
        form = {"flag_id": flag_id, "reason": "ingin tahu pelapor", "csrf_token": csrf}
        resp = client.post("/flag/reveal-reporter", data=form)
        assert resp.status_code == 403 and contact.contact not in resp.text

    csrf = sign_in(client, "blora")
    assert 'id="reveal-reporter"' in client.get("/flag", params={"id": flag_id}).text
    resp = client.post(
        "/api/reveal-reporter",
        json={"flag_id": flag_id, "reason": "memanggil pelapor sebagai saksi"},
        headers={"X-CSRF-Token": csrf},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["reporter"] == contact.model_dump(mode="json")
    form = {"flag_id": flag_id, "reason": "klarifikasi laporan", "csrf_token": csrf}
    page = client.post("/flag/reveal-reporter", data=form)
    assert page.status_code == 200 and contact.contact in page.text
    assert contact.contact not in client.get("/flag", params={"id": flag_id}).text  # shown once

    records = desk.records(desk.settings.audit_topic)  # across partitions: order by time
    entries = sorted((AuditEntry.model_validate_json(v) for v in records), key=lambda e: e.at)
    assert [(e.actor, e.actor_role, e.outcome, e.ticket, e.flag_id) for e in entries] == [
        ("bkn", "bkn", AuditOutcome.REFUSED, ticket, flag_id),
        ("bkn", "bkn", AuditOutcome.REFUSED, ticket, flag_id),
        ("insp-blora", "inspectorate", AuditOutcome.REFUSED, ticket, flag_id),
        ("insp-blora", "inspectorate", AuditOutcome.REFUSED, ticket, flag_id),
        ("blora", "bawaslu", AuditOutcome.GRANTED, ticket, flag_id),
        ("blora", "bawaslu", AuditOutcome.GRANTED, ticket, flag_id),
    ]
    assert {e.action for e in entries} == {AuditAction.REPORTER_REVEAL}
    assert entries[4].reason == "memanggil pelapor sebagai saksi"
    assert all(contact.contact not in e.model_dump_json() for e in entries)


def test_opening_a_flag_is_a_view_in_its_custody_chain_which_still_verifies(
    desk: DeskUnderTest, client: TestClient, stack: StackSettings
) -> None:
    """On the shared evidence store: a captured flag opened in the desk (page and API) gains
    one view entry per opening, by the signed-in user, and `netra evidence verify`'s check
    still finds the chain intact; claims and verdict pages re-shown are not views."""
    # The test desk keeps its state apart; the store's keys are the running stack's.
    store = open_store(desk.settings.model_copy(update={"state_dir": stack.state_dir}))
    desk.desk.custody = lambda: CustodyLog(store)
    flag = next(s.flag for s in desk.indexed.items if s.flag.flag_id == desk.flag_of(BUDI))
    store_capture(store, flag, None)
    sign_in(client, "blora")
    assert client.get("/flag", params={"id": flag.flag_id}).status_code == 200
    assert client.get("/api/flag", params={"id": flag.flag_id}).status_code == 200
    result = verify(store, flag.flag_id)
    assert result.intact, result.problems
    assert [(e.action, e.actor) for e in result.entries] == [
        (CustodyAction.CAPTURED, "capture agent (test)"),
        (CustodyAction.VIEWED, "blora"),
        (CustodyAction.VIEWED, "blora"),
    ]
    assert result.entries[1].detail == "flag opened in the review desk (bawaslu)"
    # A flag outside the user's scope is not shown, and no view is recorded for it.
    sign_in(client, "insp-kemenag")
    assert client.get("/flag", params={"id": flag.flag_id}).status_code == 404
    assert len(verify(store, flag.flag_id).entries) == 3


HOSTILE_NOTE = "<script>alert(1)</script>"


HOSTILE_FORMS = [
    ("/flag/verdict", {"verdict": "confirm", "note": "x" * 2001}),
    ("/flag/verdict", {"verdict": "approve"}),
    ("/flag/verdict", {"verdict": "confirm", "version": "1.2.3"}),
    ("/flag/verdict", {"verdict": "confirm", "version": "<script>"}),
    ("/flag/verdict", {"verdict": "confirm", "flag_id": ""}),
    ("/flag/reveal", {"reason": "x"}),
    ("/flag/claim", {"assignee": "nobody.here"}),
    ("/bulk", {"verdict": "escalate"}),
    ("/bulk", {"verdict": "confirm", "flags": "no-at-sign"}),
]


def test_hostile_form_input_is_a_clear_4xx_and_nothing_is_sent(
    desk: DeskUnderTest, client: TestClient
) -> None:
    flag_id = desk.flag_of(BUDI)
    csrf = sign_in(client, "blora")
    version = _version(client, flag_id)
    for path, data in HOSTILE_FORMS:
        form = {"flag_id": flag_id, "version": version, "csrf_token": csrf} | data
        resp = client.post(path, data=form)
        assert 400 <= resp.status_code < 500, (path, data, resp.status_code)
    assert desk.records(desk.settings.reviews_topic) == []
    assert desk.records(desk.settings.audit_topic) == []
    assert _version(client, flag_id) == version  # nothing was written to the flag either


def test_no_csrf_token_no_action_and_script_in_a_note_is_shown_as_text(
    desk: DeskUnderTest, client: TestClient
) -> None:
    flag_id = desk.flag_of(BUDI)
    csrf = sign_in(client, "blora")
    version = _version(client, flag_id)
    base = {"flag_id": flag_id, "version": version, "verdict": "dismiss", "note": HOSTILE_NOTE}
    assert client.post("/flag/verdict", data=base).status_code == 403
    assert client.post("/flag/verdict", data=base | {"csrf_token": "x" * 43}).status_code == 403
    assert client.post("/api/verdict", json=base).status_code == 403
    assert client.post("/logout").status_code == 403
    assert desk.records(desk.settings.reviews_topic) == []
    # With the token the note is stored as text and shown escaped, never as markup.
    resp = client.post("/flag/verdict", data=base | {"csrf_token": csrf})
    assert resp.status_code == 200
    [sent] = desk.records(desk.settings.reviews_topic)
    assert json.loads(sent)["note"] == HOSTILE_NOTE


def test_hostile_requests_without_a_session_or_too_large(
    desk: DeskUnderTest, client: TestClient
) -> None:
    client.cookies.clear()
    assert client.get("/api/queue").status_code == 401
    assert client.get("/", follow_redirects=False).status_code == 303
    token = _csrf(client.get("/login").text)
    bad = client.post("/login", data={"username": "ri", "password": "wrong", "csrf_token": token})
    assert bad.status_code == 401 and "wrong user name or password" in bad.text
    assert client.post("/login", data={"username": "ri", "password": PASSWORD}).status_code == 422
    assert (
        client.post(
            "/login", data={"username": "ri", "password": PASSWORD, "csrf_token": "x"}
        ).status_code
        == 403
    )
    huge = client.post(
        "/login", data={"username": "ri", "password": "p" * 70_000, "csrf_token": token}
    )
    assert huge.status_code == 413
    client.cookies.set("netra_desk", "forged.cookie.value")
    assert client.get("/api/queue").status_code == 401
    resp = client.get("/api/queue", params={"page": "<script>"})
    assert resp.status_code == 401  # not signed in: refused before anything else
    sign_in(client, "ri")
    assert client.get("/api/queue", params={"page": "<script>"}).status_code == 422
    assert client.get("/api/queue", params={"status": "x" * 500}).status_code == 422
    assert client.get("/flag", params={"id": "../../etc/passwd"}).status_code == 404


def test_every_alert_link_opens_its_desk_view(client: TestClient) -> None:
    """The `desk` annotation of every alert rule, expanded as Prometheus does, is a page a
    signed-in Bawaslu RI reviewer gets, with its filters applied (not refused, not ignored)."""
    from tests.unit.deploy.alert_links import SAMPLE_LABELS, desk_links, expand

    sign_in(client, "ri")
    for name, template in desk_links().items():
        url = expand(template, "", SAMPLE_LABELS)
        resp = client.get(url)
        assert resp.status_code == 200, (name, url, resp.text[:300])
        if "province=" in url:
            assert 'value="Jawa Tengah"' in resp.text, (name, url)
