"""A reviewer's verdict: recorded against the version of the flag they decided on, then sent
to the reviews topic, where the review agent applies it as it does every verdict.

The conditional write comes first: of two reviewers deciding on one flag, the second is refused
with who decided and when, so no verdict is silently lost or overwritten. A verdict Kafka did
not store is reported as not recorded; the reviewer sends it again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.concurrency import run_in_threadpool

from netra.desk.custody import CustodyNotWrittenError, append_custody
from netra.desk.queue import Version
from netra.desk.wiring import Desk, OpenCustody
from netra.identity import User
from schemas import ReviewVerdict, Verdict
from schemas.custody import CustodyAction

MAX_NOTE = 2000


class VerdictNotSentError(RuntimeError):
    """Kafka did not store the verdict."""


async def send_verdict(
    desk: Desk, user: User, flag_id: str, seen: Version, verdict: Verdict, note: str
) -> ReviewVerdict:
    """Record and send one verdict; StaleFlagError when the flag changed since `seen`."""
    await desk.store.record_verdict(user, flag_id, seen)
    review = ReviewVerdict(
        flag_id=flag_id,
        reviewer=user.name,
        verdict=verdict,
        note=note.strip(),
        reviewed_at=datetime.now(UTC),
    )
    if desk.custody is not None:
        await log_status_change(desk.custody, review)
    try:
        await run_in_threadpool(
            desk.publish,
            desk.settings.reviews_topic,
            flag_id.encode(),
            review.model_dump_json().encode(),
        )
    except Exception as exc:  # the reviewer must know it did not reach the record
        raise VerdictNotSentError(
            f"the verdict on {flag_id} was not recorded (the reviews topic did not store it: "
            f"{exc}); send it again"
        ) from exc
    return review


async def log_status_change(custody: OpenCustody, review: ReviewVerdict) -> None:
    """The verdict in the flag's evidence custody log, before it is sent: a status change the
    log could not record is not made."""
    try:
        await append_custody(
            custody,
            review.flag_id,
            CustodyAction.STATUS_CHANGED,
            actor=review.reviewer,
            detail=f"verdict {review.verdict.value}" + (f": {review.note}" if review.note else ""),
            subject=review.model_dump_json().encode(),
        )
    except CustodyNotWrittenError as exc:  # the reviewer must know
        raise VerdictNotSentError(
            f"the verdict on {review.flag_id} was not recorded ({exc}); send it again"
        ) from exc
