"""Checking a flag's evidence: every artefact (an object, or kept in the record) against its
recorded SHA-256, the record against custody entry 0, and every custody entry against its own
hash and the one before it; and, in a bucket with object lock, that no object was written over
or deleted since Netra wrote it.

Each problem is reported as a sentence naming the object and what differs (recorded and
found digests), so an operator can tell an edited screenshot from a removed view entry.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pydantic import ValidationError

from schemas.custody import CustodyAction, CustodyEntry
from schemas.evidence import ArtefactKind, EvidenceRecord
from streams.evidence.custody import CustodyLog, StoredEntry
from streams.evidence.keys import custody_key, flag_prefix, record_key
from streams.evidence.store import Bucket, artefact_bytes


@dataclass
class Verification:
    flag_id: str
    record: EvidenceRecord | None = None
    record_sha256: str | None = None
    artefacts_checked: int = 0
    entries: list[CustodyEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what limits the check, not a finding

    @property
    def intact(self) -> bool:
        return not self.problems and self.record is not None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verify(store: Bucket, flag_id: str) -> Verification:
    """Recompute every hash of the flag's evidence and custody chain."""
    result = Verification(flag_id)
    raw = store.get(record_key(flag_id))
    if raw is None:
        result.problems.append(f"no evidence record at {record_key(flag_id)}")
    else:
        result.record_sha256 = _digest(raw)
        try:
            result.record = EvidenceRecord.model_validate_json(raw)
        except ValidationError as exc:
            result.problems.append(
                f"the evidence record {record_key(flag_id)} no longer reads as one: "
                f"{str(exc).splitlines()[0]}"
            )
    if result.record is not None:
        _check_artefacts(store, result.record, result)
    stored = CustodyLog(store).stored(flag_id)
    _check_chain(flag_id, stored, result)
    _check_histories(store, flag_id, result)
    return result


def _check_histories(store: Bucket, flag_id: str, result: Verification) -> None:
    """Any object with more than the one version Netra wrote, or hidden by a delete: someone
    with the bucket's keys went around Netra's write-once rule. The lock kept the first version,
    so the problem names it for the original to be read back."""
    if not store.locked:
        result.notes.append(
            f"bucket {store.bucket} has no object lock: an object written over by whoever holds "
            "its keys keeps no earlier version, so only the hashes above can show a change"
        )
        return
    for key, history in store.histories(flag_prefix(flag_id)).items():
        if history.untouched:
            continue
        what = []
        if history.versions > 1:
            what.append(f"written over ({history.versions} versions)")
        if history.delete_markers:
            what.append(f"deleted ({history.delete_markers} delete marker(s))")
        result.problems.append(
            f"{key} was {' and '.join(what)} after Netra wrote it; the locked first version "
            f"is kept: version {history.first_version}"
        )


def _check_artefacts(store: Bucket, record: EvidenceRecord, result: Verification) -> None:
    for art in record.artefacts:
        result.artefacts_checked += 1
        try:
            data = artefact_bytes(store, art)
        except ValueError as exc:
            result.problems.append(
                f"artefact {art.kind.value} kept in the record is damaged: {exc}"
            )
            continue
        if data is None:
            result.problems.append(f"artefact {art.kind.value} is missing: {art.key}")
            continue
        found = _digest(data)
        if found != art.sha256:
            result.problems.append(
                f"artefact {art.kind.value} ({art.key}) changed: SHA-256 recorded at capture "
                f"{art.sha256} ({art.size} bytes), now {found} ({len(data)} bytes)"
            )
    raw = record.artefact(ArtefactKind.RAW_EVENT)
    if record.received is not None and raw is not None and raw.sha256 != record.received.sha256:
        result.problems.append(
            f"the kept event's SHA-256 {raw.sha256} is not the judged event's "
            f"{record.received.sha256}"
        )


def _check_chain(flag_id: str, stored: list[StoredEntry], result: Verification) -> None:
    if not stored:
        result.problems.append("the custody chain is empty: entry 0 (the capture) is missing")
        return
    previous: CustodyEntry | None = None
    for position, item in enumerate(stored):
        entry = item.entry
        if entry is None:
            result.problems.append(f"custody entry {item.key} no longer reads: {item.error}")
            previous = None
            continue
        result.entries.append(entry)
        where = f"custody entry {entry.seq} ({entry.action.value} by {entry.actor} at {entry.at})"
        if item.key != custody_key(flag_id, position) or entry.seq != position:
            result.problems.append(
                f"{where} is stored as {item.key}: expected entry {position} there "
                "(an entry was removed or inserted)"
            )
        if entry.flag_id != flag_id:
            result.problems.append(f"{where} belongs to flag {entry.flag_id}")
        computed = entry.computed_hash()
        if computed != entry.hash:
            result.problems.append(
                f"{where} was changed after it was written: its content hashes to {computed}, "
                f"it was written with {entry.hash}"
            )
        expected_prev = previous.hash if previous is not None else None
        if position > 0 and previous is not None and entry.prev_hash != expected_prev:
            result.problems.append(
                f"{where} links to {entry.prev_hash}, but entry {previous.seq} is {expected_prev}"
            )
        if position == 0:
            _check_first(entry, where, result)
        previous = entry


def _check_first(entry: CustodyEntry, where: str, result: Verification) -> None:
    if entry.action is not CustodyAction.CAPTURED or entry.prev_hash is not None:
        result.problems.append(f"{where} is not the capture that starts a chain")
    if result.record_sha256 is not None and entry.subject_sha256 != result.record_sha256:
        result.problems.append(
            f"the evidence record changed since capture: {where} recorded SHA-256 "
            f"{entry.subject_sha256}, the record is now {result.record_sha256}"
        )
