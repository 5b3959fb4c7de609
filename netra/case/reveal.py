"""Revealing the NIP behind a flag: authenticated, entitled, in scope, checked, and audited.

`AuditTrail` is the audited path every reveal of personal data takes (the NIP here, a public
reporter's contact in netra.intake.reveal): decide, store the attempt, then show or refuse.

Flags carry only a keyed pseudonym of the NIP. A user who needs the NIP itself (to file a
report with BKN, say) asks for it with a reason; the clear NIP comes from the registry, not
from the flag, and is shown only after the attempt is stored in the audit trail. Refused
attempts (a wrong password, a role that is not entitled, an ASN outside the user's scope) are
recorded too: the audit trail answers both "who saw this NIP" and "who tried".
"""

from __future__ import annotations

import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from netra.identity import User
from schemas import AsnProfile, AuditAction, AuditEntry, AuditOutcome, RegistryEntry
from schemas.flag_document import FlagDocument
from streams.pseudonyms import NipPseudonyms
from streams.settings import Settings


class RevealRefusedError(PermissionError):
    """The NIP was not revealed; the message says why (the attempt is in the audit trail)."""


@dataclass(frozen=True)
class AuditTrail:
    """Where every attempt to see personal data is recorded, and as which tool on which host.

    Each reveal (a NIP, a reporter's contact) decides on its own, then passes its decision
    here: the entry is stored before anything is shown, and a refusal is raised only after it
    is stored, so the trail answers both "who saw this" and "who tried"."""

    write: Callable[[AuditEntry], None]  # returns only once the entry is stored
    tool: str
    host: str

    def record(
        self,
        action: AuditAction,
        doc: FlagDocument,
        *,
        actor: str,
        user: User | None,
        reason: str,
        refusal: str | None,
        nip_ref: str = "",
        ticket: str = "",
    ) -> None:
        """Store the attempt; RevealRefusedError when `refusal` says why it was refused."""
        self.write(
            AuditEntry(
                audit_id=secrets.token_hex(16),
                at=datetime.now(UTC),
                actor=actor,
                actor_role=user.role.value if user else "unauthenticated",
                action=action,
                outcome=AuditOutcome.REFUSED if refusal else AuditOutcome.GRANTED,
                refusal=refusal or "",
                reason=reason,
                flag_id=doc.flag_id,
                account_id=doc.account_id,
                nip_ref=nip_ref,
                ticket=ticket,
                tool=self.tool,
                host=self.host,
            )
        )
        if refusal:
            raise RevealRefusedError(refusal)


@dataclass
class NipRevealer:
    """Everything a reveal needs, passed in: the registry and the audit trail are functions,
    so the decision logic is tested without Kafka."""

    pseudonyms: NipPseudonyms
    entitled_roles: frozenset[str]
    registry: Callable[[str], RegistryEntry | None]
    trail: AuditTrail

    def reveal(
        self,
        doc: FlagDocument,
        *,
        actor: str,
        user: User | None,
        reason: str,
        refusal: str | None = None,
    ) -> str:
        """The clear NIP of the flag's ASN, or RevealRefusedError. `user` None with a
        `refusal` records an attempt that failed before (e.g. authentication)."""
        asn = doc.asn.profile()
        nip: str | None = None
        if refusal is None:
            refusal, nip = self._check(user, asn, doc.account_id)
        self.trail.record(
            AuditAction.NIP_REVEAL,
            doc,
            actor=actor,
            user=user,
            reason=reason,
            refusal=refusal,
            nip_ref=asn.nip_ref if asn else "",
        )
        if nip is None:  # record() raised on every refusal; _check names the NIP otherwise
            raise RevealRefusedError("no NIP")
        return nip

    def _check(
        self, user: User | None, asn: AsnProfile | None, account_id: str
    ) -> tuple[str | None, str | None]:
        """(why not, None) or (None, the NIP)."""
        if user is None:
            return "not signed in", None
        if asn is None:
            why = "the flag names no ASN with a NIP pseudonym (not registered, or indexed before "
            return why + "pseudonyms)", None
        denied = user.may_reveal(asn, self.entitled_roles)
        if denied:
            return denied, None
        if asn.nip_key != self.pseudonyms.key_id:
            return (
                f"the flag's pseudonym was made with key {asn.nip_key}, this deployment's key "
                f"is {self.pseudonyms.key_id} (NETRA_NIP_KEY changed)",
                None,
            )
        entry = self.registry(account_id)
        if entry is None:
            return f"account {account_id} is no longer in the registry", None
        if not self.pseudonyms.matches(entry.nip, asn.nip_ref):
            return (
                f"the registry now attributes account {account_id} to another NIP than the "
                "flagged one; ask the registry's keeper",
                None,
            )
        return None, entry.nip


def audit_trail(settings: Settings, tool: str) -> AuditTrail:
    """This deployment's audit trail: the audit topic, each entry awaited until stored."""
    from netra import __version__
    from netra.kafka_tools import send_and_wait

    def write(entry: AuditEntry) -> None:
        value = entry.model_dump_json().encode()
        send_and_wait(settings, settings.audit_topic, entry.audit_id.encode(), value)

    return AuditTrail(write=write, tool=f"{tool} {__version__}", host=socket.gethostname())


def nip_revealer(settings: Settings, tool: str = "netra case") -> NipRevealer:
    """The revealer of this deployment: its key, entitled roles, registry and audit trail."""
    from netra.case.access import entitled_roles
    from netra.kafka_tools import latest_value
    from streams.pseudonyms import load_nip_pseudonyms

    def registry(account_id: str) -> RegistryEntry | None:
        raw = latest_value(settings, settings.registry_topic, account_id.encode())
        return RegistryEntry.model_validate_json(raw) if raw else None

    return NipRevealer(
        pseudonyms=load_nip_pseudonyms(settings),
        entitled_roles=entitled_roles(settings.nip_entitled_roles),
        registry=registry,
        trail=audit_trail(settings, tool),
    )
