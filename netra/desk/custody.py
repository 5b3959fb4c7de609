"""The desk's entries in a flag's evidence custody log: a verdict is a status change, opening
a flag is a view.

A chain of custody must say who saw the evidence, not only who changed it, so the desk writes
each before it acts: a view the log could not record is not shown, a verdict it could not
record is not sent (as `netra evidence show` and `netra case` stop without their entry). A flag
without captured evidence has no chain, and nothing is appended to it.
"""

from __future__ import annotations

import hashlib

from starlette.concurrency import run_in_threadpool

from netra.desk.wiring import OpenCustody
from netra.identity import User
from schemas.custody import CustodyAction
from schemas.flag_document import FlagDocument


class CustodyNotWrittenError(RuntimeError):
    """The evidence store did not take the entry; the message says why."""


async def append_custody(
    custody: OpenCustody,
    flag_id: str,
    action: CustodyAction,
    *,
    actor: str,
    detail: str,
    subject: bytes,
) -> None:
    """Append to the flag's chain when it has one; CustodyNotWrittenError when the store is
    down or refuses. `subject` is what the entry is about (its SHA-256 is kept)."""
    digest = hashlib.sha256(subject).hexdigest()
    try:
        await run_in_threadpool(
            lambda: custody().append_if_captured(
                flag_id, action, actor=actor, detail=detail, subject_sha256=digest
            )
        )
    except Exception as exc:  # store down or refusing: the caller must not go on
        raise CustodyNotWrittenError(
            f"the evidence custody log could not be written: {exc}"
        ) from exc


async def log_view(custody: OpenCustody | None, user: User, doc: FlagDocument) -> None:
    """The signed-in user opened the flag in the desk (the document they were shown hashed)."""
    if custody is None:
        return
    await append_custody(
        custody,
        doc.flag_id,
        CustodyAction.VIEWED,
        actor=user.name,
        detail=f"flag opened in the review desk ({user.role.value})",
        subject=doc.model_dump_json().encode(),
    )
