"""What the judge adds to its decision on a public report, so that every report reaches a
person.

A report is judged by the engine like any post; this only adds to the decision, never takes
from it, and only for events marked as reports (ordinary posts are judged exactly as before):

- about an account outside the ASN registry: judged all the same (unregistered accounts are
  otherwise skipped), and at least a review, because the reporter says a civil servant is
  behind it and only a Bawaslu reviewer can find out who;
- where the engine found nothing: a review, because Bawaslu must answer every public report
  within its deadline (UU 7/2017 Pasal 454), and a screenshot may show what the words do not.

The reason is a hit of its own with the evidence a reviewer starts from; it is review-only,
so it never makes a flag by itself, and it carries no SKB form (no breach has been read yet).
"""

from __future__ import annotations

from schemas.decision import Decision, Evidence, Outcome, RuleHit, Severity
from schemas.post import Post

UNREGISTERED = "report.unregistered-account"
UNREGISTERED_TITLE = (
    "Public report about an account outside the ASN registry: a reviewer identifies its owner"
)
NOTHING_FOUND = "report.nothing-found"
NOTHING_FOUND_TITLE = (
    "Public report in which the engine read no breach: a reviewer reads it and its evidence"
)


def review_report(
    post: Post, decision: Decision, *, registered: bool, review_at: float
) -> Decision:
    """The decision on a report, raised to a review where a person must look; `decision`
    unchanged for anything that is not a report, or a registered account's flagged report."""
    if post.report is None:
        return decision
    added: list[RuleHit] = []
    if not registered:
        added.append(
            _hit(
                UNREGISTERED,
                UNREGISTERED_TITLE,
                review_at,
                Evidence(
                    field="account_id",
                    excerpt=post.account_id,
                    feature="registry:not found",
                ),
            )
        )
    if decision.outcome is Outcome.PASS:
        added.append(
            _hit(
                NOTHING_FOUND,
                NOTHING_FOUND_TITLE,
                review_at,
                Evidence(
                    field="report",
                    excerpt=f"ticket {post.report.ticket}, {len(post.report.images)} image(s)",
                    feature="report:public",
                ),
            )
        )
    if not added:
        return decision
    if decision.outcome is not Outcome.PASS:
        return decision.model_copy(update={"hits": [*decision.hits, *added]})
    return decision.model_copy(
        update={
            "outcome": Outcome.REVIEW,
            "score": max(decision.score, review_at),
            "severity": decision.severity or Severity.LOW,
            "hits": [*decision.hits, *added],
        }
    )


def _hit(rule_id: str, title: str, score: float, evidence: Evidence) -> RuleHit:
    return RuleHit(
        rule_id=rule_id,
        title=title,
        skb_form="",
        severity=Severity.LOW,
        score=score,
        evidence=[evidence],
        review_only=True,
    )
