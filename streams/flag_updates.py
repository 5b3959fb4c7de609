"""Changing a flag document in place, without losing anybody else's change.

Several writers touch one flag: the indexer (a redelivered flag), the desk (claims), the review
agent (verdicts) and the case agent (the case's stage and follow-up deadlines). Each reads the
document, decides the fields it sets from what it read, and writes them only if the document is
still the version it read (`if_seq_no`); when another writer came in between, it reads again and
decides again. That way no verdict overwrites a claim it never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError

from schemas.flag_document import FlagDocument


class FlagUpdate(StrEnum):
    """What became of an update."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"  # the change was already there (a redelivery)
    MISSING = "missing"  # no such flag (never indexed, or purged)


async def update_flag(
    es: AsyncElasticsearch,
    alias: str,
    flag_id: str,
    fields_for: Callable[[FlagDocument], dict[str, Any] | None],
) -> FlagUpdate:
    """Set the fields `fields_for` derives from the flag's current document (None: nothing to
    change), on exactly that version of it. A document that no longer validates raises
    pydantic's ValidationError for the caller to report."""
    while True:
        try:
            found = await es.get(index=alias, id=flag_id)
        except NotFoundError:
            return FlagUpdate.MISSING
        fields = fields_for(FlagDocument.from_source(found["_source"]))
        if fields is None:
            return FlagUpdate.UNCHANGED
        try:
            await es.update(
                index=found["_index"],
                id=flag_id,
                doc=fields,
                if_seq_no=found["_seq_no"],
                if_primary_term=found["_primary_term"],
                refresh="wait_for",
            )
        except ConflictError:
            continue  # another writer came in between: read again, decide again
        return FlagUpdate.WRITTEN
