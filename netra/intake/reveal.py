"""Opening a public reporter's sealed contact: Bawaslu only, with a reason, and audited.

Bawaslu must be able to reach whoever reported a breach (to ask for more, to call them as a
witness), and nobody else may learn who they are: BKN and the inspectorates act against the
civil servant, and a reporter named to them is exposed to the very employer they reported. So
the roles are fixed here, not configured, and every attempt, granted or refused, goes through
the same audit trail as the NIP reveal (`netra.case.reveal.AuditTrail`) before anything is
shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netra.case.reveal import AuditTrail, RevealRefusedError, audit_trail
from netra.identity import Role, User
from netra.intake.sealing import ReporterSeal, SealError
from schemas import AuditAction
from schemas.flag_document import FlagDocument
from schemas.report import ReporterContact, SealedReporter
from streams.settings import Settings

#: Who may ever open a reporter's contact: Bawaslu, which takes and answers the reports.
REPORTER_ROLES = frozenset({Role.BAWASLU})


@dataclass
class ReporterRevealer:
    """The key, the reporters topic (a lookup by ticket) and the audit trail, passed in."""

    seal: ReporterSeal
    sealed: Callable[[str], SealedReporter | None]
    trail: AuditTrail

    def reveal(
        self, doc: FlagDocument, *, actor: str, user: User | None, reason: str
    ) -> ReporterContact:
        """The contact the reporter of this flag left, or RevealRefusedError (the attempt is
        in the audit trail either way)."""
        ticket = doc.report.ticket if doc.report else ""
        refusal, contact = self._check(user, doc, ticket)
        self.trail.record(
            AuditAction.REPORTER_REVEAL,
            doc,
            actor=actor,
            user=user,
            reason=reason,
            refusal=refusal,
            ticket=ticket,
        )
        if contact is None:  # record() raised on every refusal; _check opens it otherwise
            raise RevealRefusedError("no contact")
        return contact

    def _check(
        self, user: User | None, doc: FlagDocument, ticket: str
    ) -> tuple[str | None, ReporterContact | None]:
        """(why not, None) or (None, the contact)."""
        if user is None:
            return "not signed in", None
        if user.disabled:
            return f"user {user.name} is disabled", None
        if user.role not in REPORTER_ROLES:
            return f"role {user.role.value} may never see who reported (Bawaslu only)", None
        asn = doc.asn.profile()
        if asn is not None and not user.scope.covers(asn):
            return f"the flag is outside {user.name}'s scope ({user.scope.describe()})", None
        if doc.report is None:
            return "the flag did not come from a public report", None
        if not doc.report.reporter_sealed:
            return f"the reporter of {ticket} left no contact", None
        sealed = self.sealed(ticket)
        if sealed is None:
            return (
                f"no sealed contact for {ticket} on the reporters topic (expired with the "
                "topic's retention?)",
                None,
            )
        try:
            return None, self.seal.open(sealed)
        except SealError as exc:
            return f"the sealed contact of {ticket} cannot be opened: {exc}", None


def reporter_revealer(settings: Settings, tool: str = "netra desk") -> ReporterRevealer:
    """This deployment's: the reporter key, the reporters topic and the audit trail."""
    from netra.intake.keys import reporter_seal
    from netra.kafka_tools import latest_value

    def sealed(ticket: str) -> SealedReporter | None:
        raw = latest_value(settings, settings.reporters_topic, ticket.encode())
        return SealedReporter.model_validate_json(raw) if raw else None

    return ReporterRevealer(
        seal=reporter_seal(settings), sealed=sealed, trail=audit_trail(settings, tool)
    )
