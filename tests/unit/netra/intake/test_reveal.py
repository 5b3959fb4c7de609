"""Opening a reporter's contact: Bawaslu alone, in scope, from a report that left one, and
never without its audit entry; every refusal is audited too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from netra.case import RevealRefusedError
from netra.case.reveal import AuditTrail
from netra.identity import Role, Scope, User, UserStore
from netra.intake.reveal import ReporterRevealer
from netra.intake.sealing import ReporterSeal
from schemas import AuditAction, AuditEntry, AuditOutcome
from schemas.flag_document import FlagDocument
from schemas.report import ReporterContact, ReportInfo, SealedReporter
from tests.integration.report_samples import BUDI, samples

NOW = datetime(2024, 2, 10, 8, tzinfo=UTC)
TICKET = "LAP-0000-0000-0000-0000"
CONTACT = ReporterContact(name="Warga Kradenan", contact="+62 812 0000 1111")
SEAL = ReporterSeal(b"unit-test-reporter-key-0123456789abcdef")


def _doc(*, sealed: bool = True) -> FlagDocument:
    doc = next(s for s in samples(NOW) if s.flag.asn and s.flag.asn.name == BUDI.name).document()
    report = ReportInfo(ticket=TICKET, reported_at=NOW, reporter_sealed=sealed)
    return doc.model_copy(update={"report": report})


def _user(tmp_path: Path, role: Role, scope: Scope | None = None) -> User:
    return UserStore(tmp_path / "users.json").add(f"u-{role.value}", role, "x" * 12, scope)


def _revealer(
    entries: list[AuditEntry], topic: dict[str, SealedReporter] | None = None
) -> ReporterRevealer:
    stored = {TICKET: SEAL.seal(TICKET, CONTACT)} if topic is None else topic
    return ReporterRevealer(
        seal=SEAL,
        sealed=stored.get,
        trail=AuditTrail(write=entries.append, tool="netra desk test", host="test-host"),
    )


def test_bawaslu_in_scope_sees_the_contact_and_the_trail_names_the_ticket(
    tmp_path: Path,
) -> None:
    entries: list[AuditEntry] = []
    user = _user(tmp_path, Role.BAWASLU, Scope(province="Jawa Tengah"))
    contact = _revealer(entries).reveal(_doc(), actor=user.name, user=user, reason="saksi")
    assert contact == CONTACT
    [entry] = entries
    assert (entry.action, entry.outcome, entry.ticket) == (
        AuditAction.REPORTER_REVEAL,
        AuditOutcome.GRANTED,
        TICKET,
    )
    assert (entry.actor, entry.actor_role, entry.reason) == (user.name, "bawaslu", "saksi")
    assert entry.flag_id == _doc().flag_id
    assert CONTACT.contact not in entry.model_dump_json()  # the trail never holds the contact


@pytest.mark.parametrize(
    ("role", "scope", "doc", "topic", "why"),
    [
        (Role.BKN, None, _doc(), None, "role bkn may never see who reported"),
        (Role.INSPECTORATE, Scope(agency="Pemkab Blora"), _doc(), None, "role inspectorate"),
        (Role.ANALYST, None, _doc(), None, "role analyst"),
        (Role.BAWASLU, Scope(province="Papua"), _doc(), None, "outside"),
        (Role.BAWASLU, None, _doc().model_copy(update={"report": None}), None, "public report"),
        (Role.BAWASLU, None, _doc(sealed=False), None, "left no contact"),
        (Role.BAWASLU, None, _doc(), {}, "no sealed contact"),
        (
            Role.BAWASLU,
            None,
            _doc(),
            {TICKET: ReporterSeal(b"another-reporter-key-0123456789abcdef").seal(TICKET, CONTACT)},
            "cannot be opened",
        ),
    ],
)
def test_every_refusal_is_audited_and_shows_nothing(
    tmp_path: Path,
    role: Role,
    scope: Scope | None,
    doc: FlagDocument,
    topic: dict[str, SealedReporter] | None,
    why: str,
) -> None:
    entries: list[AuditEntry] = []
    user = _user(tmp_path, role, scope)
    with pytest.raises(RevealRefusedError, match=why):
        _revealer(entries, topic).reveal(doc, actor=user.name, user=user, reason="ingin tahu")
    [entry] = entries
    assert entry.outcome is AuditOutcome.REFUSED and why in entry.refusal
    assert entry.action is AuditAction.REPORTER_REVEAL and entry.actor_role == role.value


def test_nothing_is_shown_when_the_trail_cannot_be_written(tmp_path: Path) -> None:
    def down(entry: AuditEntry) -> None:
        raise OSError("Kafka refused the audit entry")

    revealer = _revealer([])
    revealer.trail = AuditTrail(write=down, tool="t", host="h")
    user = _user(tmp_path, Role.BAWASLU)
    with pytest.raises(OSError, match="refused"):
        revealer.reveal(_doc(), actor=user.name, user=user, reason="saksi")
