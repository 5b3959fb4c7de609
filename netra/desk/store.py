"""The desk's reads and writes in Elasticsearch, every one confined to the user's scope.

A flag is fetched by a search (its id and the scope), never by a bare GET: outside the scope
it is simply not found. Writes (a claim, the record that a verdict was sent) are conditional
on the version the reviewer saw (if_seq_no/if_primary_term): of two reviewers acting on the
same flag, the second is told, and nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError

from netra.desk.queue import QueueFilters, QueueRow, Version, queue_body, row
from netra.desk.scope import scope_filters
from netra.identity import User
from schemas.flag_document import Claim, FlagDocument, FlagField, ReviewStatus


class FlagNotFoundError(LookupError):
    """No such flag in the user's scope (whether it exists elsewhere is not said)."""


class StaleFlagError(RuntimeError):
    """The flag changed since the reviewer saw it; the message says how."""


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int


@dataclass(frozen=True)
class FoundFlag:
    doc: FlagDocument
    version: Version
    index: str


@dataclass
class DeskStore:
    es: AsyncElasticsearch
    alias: str

    async def queue(self, user: User, filters: QueueFilters) -> QueuePage:
        try:
            resp = await self.es.search(
                index=self.alias, **queue_body(filters, scope_filters(user))
            )
        except NotFoundError:  # no flags index yet: an empty queue
            return QueuePage(rows=[], total=0)
        hits = resp["hits"]
        return QueuePage(rows=[row(h) for h in hits["hits"]], total=int(hits["total"]["value"]))

    async def flag(self, user: User, flag_id: str) -> FoundFlag:
        """The flag if it is in `user`'s scope; FlagNotFoundError otherwise."""
        query = {"bool": {"filter": [{"ids": {"values": [flag_id]}}, *scope_filters(user)]}}
        try:
            resp = await self.es.search(
                index=self.alias, query=query, size=1, seq_no_primary_term=True
            )
        except NotFoundError as exc:
            raise FlagNotFoundError(flag_id) from exc
        hits = resp["hits"]["hits"]
        if not hits:
            raise FlagNotFoundError(flag_id)
        hit = hits[0]
        return FoundFlag(
            doc=FlagDocument.from_source(hit["_source"]),
            version=Version(seq_no=hit["_seq_no"], primary_term=hit["_primary_term"]),
            index=hit["_index"],
        )

    async def same_asn(self, user: User, doc: FlagDocument, size: int = 20) -> list[QueueRow]:
        """The ASN's (else the account's) other flags in the user's scope, newest first."""
        if doc.asn.nip_ref:
            same: dict[str, Any] = {"term": {FlagField.NIP_REF: doc.asn.nip_ref}}
        else:
            same = {"term": {FlagField.ACCOUNT_ID: doc.account_id}}
        query = {
            "bool": {
                "filter": [same, *scope_filters(user)],
                "must_not": [{"ids": {"values": [doc.flag_id]}}],
            }
        }
        resp = await self.es.search(
            index=self.alias,
            query=query,
            size=size,
            sort=[{FlagField.TIMESTAMP: "desc"}],
            seq_no_primary_term=True,
        )
        return [row(h) for h in resp["hits"]["hits"]]

    async def claim(
        self, user: User, flag_id: str, seen: Version, reviewer: str, *, force: bool = False
    ) -> Claim:
        """Give the flag to `reviewer` (claimed by `user` for themself, or assigned by them).

        Refused when someone else holds it (unless `force`: an assignment by a supervisor) or
        when the flag changed since `seen`."""
        found = await self.flag(user, flag_id)
        held = found.doc.claim
        if held is not None and held.reviewer != reviewer and not force:
            raise StaleFlagError(
                f"{flag_id} is already claimed by {held.reviewer} (since "
                f"{held.at:%Y-%m-%d %H:%M} UTC)"
            )
        if found.doc.status is not ReviewStatus.UNREVIEWED and not force:
            raise StaleFlagError(f"{flag_id} was reviewed already ({found.doc.status.value})")
        claim = Claim(reviewer=reviewer, at=datetime.now(UTC), by=user.name)
        await self._write(found, seen, claim)
        return claim

    async def record_verdict(self, user: User, flag_id: str, seen: Version) -> FoundFlag:
        """Mark the flag as decided by `user`, conditional on the version they decided on; the
        verdict itself then goes on the reviews topic. StaleFlagError when another verdict or
        a claim by someone else came first."""
        found = await self.flag(user, flag_id)
        held = found.doc.claim
        if held is not None and held.reviewer != user.name:
            raise StaleFlagError(
                f"{flag_id} is claimed by {held.reviewer}: ask them or a supervisor"
            )
        # The claim's time changes on every write, so the update is never a no-op that would
        # leave the version as it was.
        await self._write(
            found, seen, Claim(reviewer=user.name, at=datetime.now(UTC), by=user.name)
        )
        return found

    async def _write(self, found: FoundFlag, seen: Version, claim: Claim) -> None:
        if seen != found.version:
            raise StaleFlagError(_changed(found))
        try:
            await self.es.update(
                index=found.index,
                id=found.doc.flag_id,
                doc=found.doc.model_copy(update={"claim": claim}).to_source(
                    include=FlagDocument.CLAIM_FIELDS
                ),
                if_seq_no=seen.seq_no,
                if_primary_term=seen.primary_term,
                refresh="wait_for",
            )
        except ConflictError as exc:
            raise StaleFlagError(_changed(found)) from exc


def _changed(found: FoundFlag) -> str:
    doc = found.doc
    if doc.reviews:
        last = doc.reviews[-1]
        return (
            f"{doc.flag_id} changed since you opened it: {last.reviewer} recorded "
            f"'{last.verdict.value}' at {last.reviewed_at:%Y-%m-%d %H:%M} UTC. Your verdict was "
            "not recorded; reload the flag and decide again."
        )
    if doc.claim is not None:
        return (
            f"{doc.flag_id} changed since you opened it: {doc.claim.by} gave it to "
            f"{doc.claim.reviewer} at {doc.claim.at:%Y-%m-%d %H:%M} UTC. Nothing was recorded; "
            "reload the flag."
        )
    return f"{doc.flag_id} changed since you opened it. Nothing was recorded; reload the flag."
