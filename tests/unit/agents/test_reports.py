"""Public reports reach a person: the judge's additions to a report's decision, and only to
a report's."""

from __future__ import annotations

from datetime import UTC, datetime

from agents.judge import judge_post
from agents.reports import NOTHING_FOUND, UNREGISTERED
from schemas import EmploymentType, Outcome, Post, RegistryEntry
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder

KEYS = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")
HOLDER = EngineHolder(None)
REPORT = {
    "ticket": "LAP-0000-0000-0000-0000",
    "reported_at": "2024-01-16T10:00:00+07:00",
    "reporter_sealed": False,
}
ENTRY = RegistryEntry(
    account_id="ig:asn.reported",
    nip="198501152010011001",
    name="Budi Santoso",
    agency="Pemkab Blora",
    province="Jawa Tengah",
    region="Kabupaten Blora",
    employment_type=EmploymentType.PNS,
)


def _post(text: str, *, report: bool) -> Post:
    return Post.model_validate(
        {
            "platform": "instagram",
            "post_id": "LAP-0000-0000-0000-0000",
            "account_id": "ig:asn.reported",
            "action": "post",
            "text": text,
            "event_time": "2024-01-15T09:00:00+07:00",
            **({"report": REPORT} if report else {}),
        }
    )


def _judge(post: Post, entry: RegistryEntry | None) -> tuple[Outcome | None, list[str]]:
    guard = RuleGuard(share=0.5, min_events=1_000_000, window_seconds=60.0)
    flag, _ = judge_post(post, entry, HOLDER, guard, KEYS, datetime.now(UTC))
    if flag is None:
        return None, []
    return flag.decision.outcome, [h.rule_id for h in flag.decision.hits]


CAMPAIGN = "Ayo coblos Prabowo-Gibran, menang satu putaran!"
EVERYDAY = "Apel pagi hari Senin di halaman kantor bupati, semangat melayani"


def test_a_report_about_an_unregistered_account_goes_to_review_with_its_reason() -> None:
    outcome, rules = _judge(_post(EVERYDAY, report=True), None)
    assert outcome is Outcome.REVIEW
    assert rules == [UNREGISTERED, NOTHING_FOUND]


def test_a_flagged_report_about_an_unregistered_account_stays_a_flag_and_says_so() -> None:
    outcome, rules = _judge(_post(CAMPAIGN, report=True), None)
    assert outcome is Outcome.FLAG
    assert rules[-1] == UNREGISTERED and NOTHING_FOUND not in rules


def test_a_registered_accounts_report_the_engine_passes_still_reaches_a_reviewer() -> None:
    outcome, rules = _judge(_post(EVERYDAY, report=True), ENTRY)
    assert outcome is Outcome.REVIEW and rules == [NOTHING_FOUND]


def test_a_registered_accounts_flagged_report_is_judged_like_a_post() -> None:
    as_report = _judge(_post(CAMPAIGN, report=True), ENTRY)
    as_post = _judge(_post(CAMPAIGN, report=False), ENTRY)
    assert as_report == as_post and as_post[0] is Outcome.FLAG


def test_ordinary_posts_are_judged_as_before() -> None:
    assert _judge(_post(EVERYDAY, report=False), None) == (None, [])
    assert _judge(_post(EVERYDAY, report=False), ENTRY) == (None, [])
    outcome, rules = _judge(_post(CAMPAIGN, report=False), None)
    assert outcome is Outcome.FLAG and not {UNREGISTERED, NOTHING_FOUND} & set(rules)


def test_the_report_hits_are_review_only_and_carry_no_skb_form() -> None:
    guard = RuleGuard(share=0.5, min_events=1_000_000, window_seconds=60.0)
    flag, _ = judge_post(_post(EVERYDAY, report=True), None, HOLDER, guard, KEYS, datetime.now(UTC))
    assert flag is not None
    for hit in flag.decision.hits:
        assert hit.review_only and hit.skb_form == "" and hit.evidence
    assert flag.decision.hits[0].evidence[0].excerpt == "ig:asn.reported"
