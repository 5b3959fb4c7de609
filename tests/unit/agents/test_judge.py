"""The judge's handling of one valid event: the engine's decision becomes a flag or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from faust.types.tuples import TP, ConsumerMessage

from agents.judge import judge_post
from agents.tally import CountsOnce
from neutrality.engine import TOO_COMPLEX
from schemas import EmploymentType, Outcome, Post, RegistryEntry
from streams import metrics
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder

KEYS = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")

POST = Post.model_validate(
    {
        "platform": "instagram",
        "post_id": "j1",
        "account_id": "ig:asn.judge",
        "action": "post",
        "text": "Ayo coblos Prabowo-Gibran, menang satu putaran!",
        "event_time": "2024-01-15T09:00:00+07:00",
    }
)


def _guard() -> RuleGuard:
    return RuleGuard(share=0.5, min_events=1_000_000, window_seconds=60.0)


def test_an_event_over_the_budget_becomes_a_too_complex_review_flag() -> None:
    holder = EngineHolder(None)
    before = metrics.TOO_COMPLEX._value.get()
    flag, _ = judge_post(POST, None, holder, _guard(), KEYS, datetime.now(UTC), budget_ms=0.0)
    assert flag is not None
    assert flag.decision.outcome is Outcome.REVIEW
    assert [hit.rule_id for hit in flag.decision.hits] == [TOO_COMPLEX]
    assert metrics.TOO_COMPLEX._value.get() == before + 1


def test_within_the_budget_the_engine_decides_as_offline() -> None:
    holder = EngineHolder(None)
    flag, _ = judge_post(POST, None, holder, _guard(), KEYS, datetime.now(UTC), budget_ms=60_000.0)
    assert flag is not None and flag.decision.outcome is Outcome.FLAG
    assert TOO_COMPLEX not in {hit.rule_id for hit in flag.decision.hits}


def test_the_flag_names_the_asn_by_pseudonym_never_by_nip() -> None:
    entry = RegistryEntry(
        account_id=POST.account_id,
        nip="198501152010011001",
        name="Budi Santoso",
        agency="Pemkab Blora",
        province="Jawa Tengah",
        region="Kabupaten Blora",
        employment_type=EmploymentType.PNS,
    )
    flag, _ = judge_post(POST, entry, EngineHolder(None), _guard(), KEYS, datetime.now(UTC))
    assert flag is not None and flag.asn is not None
    assert flag.asn.nip_ref == KEYS.ref(entry.nip) and flag.asn.nip_key == KEYS.key_id
    assert flag.asn.name == entry.name and flag.asn.region == entry.region
    assert entry.nip not in flag.model_dump_json()


class Consumer:
    """Records the final acknowledgements that reach Faust's consumer (what it may commit)."""

    def __init__(self) -> None:
        self.acked: list[int] = []

    def ack(self, message: ConsumerMessage) -> bool:
        self.acked.append(message.offset)
        return True


def test_an_event_judged_again_after_a_seek_back_is_counted_once() -> None:
    """After a recovery the consumer seeks back to the committed offsets and events already
    judged come again: their decisions, events and flags are not counted a second time."""
    holder, guard, counts = EngineHolder(None), _guard(), CountsOnce()
    tp, other = TP("netra.posts", 3), TP("netra.posts", 4)
    decisions = metrics.DECISIONS.labels(Outcome.FLAG.value)
    rekeyed = metrics.REKEYED._value
    before, rekeyed_before = decisions._value.get(), rekeyed.get()
    delivered = [(tp, o) for o in range(5)] + [(tp, o) for o in range(2, 7)] + [(other, 0)]
    for partition, offset in delivered:
        tally = counts.for_event(partition, offset)
        tally.add(metrics.REKEYED)  # any count the event makes on its way
        judge_post(POST, None, holder, guard, KEYS, datetime.now(UTC), tally=tally)
    assert decisions._value.get() == before  # not yet: the timer flushes
    counts.flush()
    assert decisions._value.get() == before + 8  # offsets 0-6 of one partition, 0 of another
    assert rekeyed.get() == rekeyed_before + 8
