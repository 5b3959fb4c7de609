"""Appending to and reading a flag's custody chain in the evidence bucket.

An entry is appended by reading the chain's last entry, linking to its hash and writing the
next sequence number once: if another writer took that number first the store refuses the
write (412) and the append is tried again on top of the new last entry, so concurrent views
and exports never fork the chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import ValidationError

from schemas.custody import CustodyAction, CustodyEntry
from streams.evidence.keys import custody_key, custody_prefix
from streams.evidence.outcome import PutOutcome
from streams.evidence.store import Bucket

MAX_APPEND_RACES = 50


class CustodyConflictError(RuntimeError):
    """Other writers kept taking the next sequence number."""


def make_entry(
    *,
    flag_id: str,
    seq: int,
    action: CustodyAction,
    actor: str,
    at: datetime,
    detail: str,
    subject_sha256: str | None,
    prev_hash: str | None,
) -> CustodyEntry:
    """An entry with its hash computed over everything else in it."""
    content = {
        "schema_version": 1,
        "flag_id": flag_id,
        "seq": seq,
        "action": action.value,
        "actor": actor,
        "at": at,
        "detail": detail,
        "subject_sha256": subject_sha256,
        "prev_hash": prev_hash,
    }
    draft = CustodyEntry.model_validate({**content, "hash": ""})
    return draft.model_copy(update={"hash": draft.computed_hash()})


def next_entry(
    flag_id: str,
    last: CustodyEntry | None,
    action: CustodyAction,
    *,
    actor: str,
    at: datetime,
    detail: str,
    subject_sha256: str | None,
) -> CustodyEntry:
    """The entry that follows `last` (None: the first of the chain)."""
    return make_entry(
        flag_id=flag_id,
        seq=last.seq + 1 if last else 0,
        action=action,
        actor=actor,
        at=at,
        detail=detail,
        subject_sha256=subject_sha256,
        prev_hash=last.hash if last else None,
    )


def entry_bytes(entry: CustodyEntry) -> bytes:
    return entry.model_dump_json().encode("utf-8")


@dataclass(frozen=True)
class StoredEntry:
    """One custody object as stored: its key, its bytes and, if they parse, the entry."""

    key: str
    raw: bytes
    entry: CustodyEntry | None
    error: str = ""


class CustodyLog:
    def __init__(self, store: Bucket) -> None:
        self.store = store

    def stored(self, flag_id: str) -> list[StoredEntry]:
        """Every custody object of the flag in key (= sequence) order, parsed where possible."""
        out = []
        for key in self.store.keys(custody_prefix(flag_id)):
            raw = self.store.get(key)
            if raw is None:
                continue
            try:
                out.append(StoredEntry(key, raw, CustodyEntry.model_validate_json(raw)))
            except ValidationError as exc:
                out.append(StoredEntry(key, raw, None, str(exc).splitlines()[0]))
        return out

    def entries(self, flag_id: str) -> list[CustodyEntry]:
        return [s.entry for s in self.stored(flag_id) if s.entry is not None]

    def first(self, flag_id: str, *, record_sha256: str, actor: str, at: datetime) -> None:
        """Entry 0, the capture: the same bytes however often it is written (redelivery)."""
        entry = next_entry(
            flag_id,
            None,
            CustodyAction.CAPTURED,
            actor=actor,
            at=at,
            detail="evidence record and artefacts stored",
            subject_sha256=record_sha256,
        )
        self.store.put_once(custody_key(flag_id, 0), entry_bytes(entry), "application/json")

    def append(
        self,
        flag_id: str,
        action: CustodyAction,
        *,
        actor: str,
        detail: str = "",
        subject_sha256: str | None = None,
        at: datetime | None = None,
    ) -> CustodyEntry:
        """Add an entry after the chain's last one; retried on top of any concurrent append."""
        for _ in range(MAX_APPEND_RACES):
            chain = self.entries(flag_id)
            entry = next_entry(
                flag_id,
                chain[-1] if chain else None,
                action,
                actor=actor,
                at=at or datetime.now(UTC),
                detail=detail,
                subject_sha256=subject_sha256,
            )
            key = custody_key(flag_id, entry.seq)
            if self.store.put_once(key, entry_bytes(entry), "application/json") is (
                PutOutcome.CREATED
            ):
                return entry
        raise CustodyConflictError(
            f"could not append to the custody chain of {flag_id}: "
            f"{MAX_APPEND_RACES} concurrent appends took the next number first"
        )

    def append_if_captured(
        self,
        flag_id: str,
        action: CustodyAction,
        *,
        actor: str,
        detail: str = "",
        subject_sha256: str | None = None,
    ) -> CustodyEntry | None:
        """Append when the flag's chain exists (its evidence was captured), else None: a chain
        always starts with the capture, so nothing may take entry 0 before it."""
        if not self.store.keys(custody_key(flag_id, 0)):
            return None
        return self.append(
            flag_id, action, actor=actor, detail=detail, subject_sha256=subject_sha256
        )
