"""Revealing the NIP behind a flag: authenticated, entitled, in scope, checked, and audited.

Flags carry only a keyed pseudonym of the NIP. A user who needs the NIP itself (to file a
report with BKN, say) asks for it with a reason; the clear NIP comes from the registry, not
from the flag, and is shown only after the attempt is stored in the audit trail. Refused
attempts (a wrong password, a role that is not entitled, an ASN outside the user's scope) are
recorded too: the audit trail answers both "who saw this NIP" and "who tried".
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from netra.identity import User
from schemas import AsnProfile, AuditAction, AuditEntry, AuditOutcome, RegistryEntry
from schemas.flag_document import FlagDocument
from streams.pseudonyms import NipPseudonyms


class RevealRefusedError(PermissionError):
    """The NIP was not revealed; the message says why (the attempt is in the audit trail)."""


@dataclass
class NipRevealer:
    """Everything a reveal needs, passed in: the registry and the audit trail are functions,
    so the decision logic is tested without Kafka."""

    pseudonyms: NipPseudonyms
    entitled_roles: frozenset[str]
    registry: Callable[[str], RegistryEntry | None]
    audit: Callable[[AuditEntry], None]  # returns only once the entry is stored
    tool: str
    host: str

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
        account_id = doc.account_id
        nip: str | None = None
        if refusal is None:
            refusal, nip = self._check(user, asn, account_id)
        self.audit(
            AuditEntry(
                audit_id=secrets.token_hex(16),
                at=datetime.now(UTC),
                actor=actor,
                actor_role=user.role.value if user else "unauthenticated",
                action=AuditAction.NIP_REVEAL,
                outcome=AuditOutcome.REFUSED if refusal else AuditOutcome.GRANTED,
                refusal=refusal or "",
                reason=reason,
                flag_id=doc.flag_id,
                account_id=account_id,
                nip_ref=asn.nip_ref if asn else "",
                tool=self.tool,
                host=self.host,
            )
        )
        if refusal or nip is None:
            raise RevealRefusedError(refusal or "no NIP")
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
