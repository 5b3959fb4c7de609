"""Every Prometheus metric a worker exposes, declared once so dashboards and alerts have one source.

Naming follows Prometheus conventions: base units, `_total` for counters, and no label whose
values grow with the data (no account or post ids).
"""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram, Info

# Latency from entering Netra to flagged (judge) and to searchable (indexer).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)

EVENTS = Counter("netra_events_total", "Events read from the posts topic.", ["platform", "action"])
DECISIONS = Counter("netra_decisions_total", "Engine decisions by outcome.", ["outcome"])
FLAGS = Counter(
    "netra_flags_total",
    "Rule hits on flagged or review-level events.",
    ["rule", "severity", "province"],
)
TOO_COMPLEX = Counter(
    "netra_too_complex_total",
    "Events the engine could not finish within NETRA_DECIDE_BUDGET_MS (sent to review).",
)
DEADLETTERS = Counter(
    "netra_deadletters_total", "Messages sent to the dead-letter topic.", ["reason", "stage"]
)
OUTPUT_FAILURES = Counter(
    "netra_output_failures_total",
    "Records Kafka refused to store (the event is dead-lettered or retried, never acknowledged "
    "with nothing downstream).",
    ["stage", "topic"],
)
FLAGS_TRIMMED = Counter(
    "netra_flags_trimmed_total",
    "Flags too large for the flags topic, published with long fields and excerpts cut (the "
    "flag names what was cut and where the whole event is).",
)
REPEATED = Counter(
    "netra_events_repeated_total",
    "Events handed to the judge again after a seek back (a start of the streams, a rebalance) "
    "that this worker had already judged and whose outputs Kafka had stored: acknowledged "
    "without being judged or published again, and counted in no other counter.",
)
REPLACED_LOG_ACKS = Counter(
    "netra_replaced_log_acks_total",
    "Acknowledgements of events whose partition log was replaced (a topic deleted and created "
    "again) while their outputs were on their way: dropped, so the new log's commit never "
    "passes one of its own events for them.",
)
JUDGED_AGAIN = Counter(
    "netra_events_judged_again_total",
    "Events this worker judged a second time: handed on again after a seek back while their "
    "outputs were still on their way or after one was refused, or on a partition given back "
    "after another worker judged past this one's run. Their flags are published again (same "
    "ids); their counts are not added again.",
)
REKEYED = Counter(
    "netra_rekeyed_total",
    "Events whose Kafka key was not their account id, sent back to the posts topic keyed by it "
    "(the registry is partitioned by account id; producers should key by it).",
)
UNREGISTERED = Counter(
    "netra_unregistered_accounts_total", "Events from accounts missing from the ASN registry."
)
REGISTRY_ACCOUNTS = Gauge(
    "netra_registry_accounts", "ASN accounts in this worker's partitions of the registry table."
)
EVENT_TO_FLAG = Histogram(
    "netra_event_to_flag_seconds",
    "From the event entering Netra (Kafka timestamp) to its flag being published.",
    buckets=LATENCY_BUCKETS,
)
EVENT_TO_INDEXED = Histogram(
    "netra_event_to_indexed_seconds",
    "From the event entering Netra (Kafka timestamp) to its flag being searchable.",
    buckets=LATENCY_BUCKETS,
)
ES_BULK_SECONDS = Histogram(
    "netra_es_bulk_seconds",
    "Duration of Elasticsearch bulk requests.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
ES_BULK_ERRORS = Counter(
    "netra_es_bulk_errors_total",
    "Failed bulk requests or documents (unavailable, throttled, rejected).",
    ["kind"],
)
ES_INDEXED = Counter("netra_es_indexed_total", "Flag documents written to Elasticsearch.")
RULE_PACK = Info("netra_rule_pack", "The rule pack this worker judges with.")
RULE_PACK_RELOADS = Counter(
    "netra_rule_pack_reloads_total", "Rule pack reloads by result.", ["result"]
)
CONSUMER_LAG = Gauge(
    "netra_consumer_lag_messages",
    "Messages in a partition not yet processed by this worker.",
    ["topic", "partition"],
)
UNCOMMITTED = Gauge(
    "netra_uncommitted_events",
    "Events of a partition this worker processed but has not committed yet.",
    ["topic", "partition"],
)
COMMIT_STALLED = Gauge(
    "netra_commit_stalled_seconds",
    "How long a partition's committed offset has stood still while processed events wait past "
    "it (0 when it keeps up); a restart would process them again.",
    ["topic", "partition"],
)
LAST_COMMIT = Gauge(
    "netra_last_commit_timestamp_seconds", "Unix time of this worker's last offset commit."
)
REVIEWS = Counter("netra_reviews_total", "Review verdicts applied to flags.", ["verdict"])
RULE_PRECISION = Gauge(
    "netra_rule_precision_ratio",
    "Per rule: confirmed / (confirmed + dismissed) flags, from supervisors' reviews.",
    ["rule"],
)
UNREVIEWED_DUE = Gauge(
    "netra_unreviewed_flags_due",
    "Unreviewed flags by their first legal deadline (report_deadline): within=48h falls in the "
    "next 48 hours, within=passed_24h passed in the last 24 hours. Every worker running the "
    "review agent counts the same index: aggregate with max.",
    ["within"],
)
RULE_REVIEW_ONLY = Gauge(
    "netra_rule_review_only",
    "1 while a rule may only send events to review (dropped after a spike, until restored).",
    ["rule"],
)
ESCALATIONS = Counter(
    "netra_escalations_total", "Repeat offenders escalated, by window in days.", ["window"]
)
CASE_STEPS = Counter(
    "netra_case_steps_total",
    "Case steps handled by the case agent, by stage and result (applied, duplicate, refused, "
    "unknown_flag).",
    ["stage", "result"],
)
CASE_STEPS_DUE = Gauge(
    "netra_case_steps_due",
    "Open cases by the step they wait for and its window: within=passed (the window has "
    "passed) or within=48h (it ends in the next 48 hours). Every worker running the case agent "
    "counts the same index: aggregate with max.",
    ["stage", "within"],
)
AUDIT_ENTRIES = Counter(
    "netra_audit_entries_total",
    "Audit trail entries stored in Elasticsearch (reveals of a NIP, granted or refused).",
    ["action", "outcome"],
)

EVIDENCE_CAPTURED = Counter(
    "netra_evidence_captured_total",
    "Evidence records stored, by what was captured (platform page or Netra's rendering).",
    ["source"],
)
EVIDENCE_ALREADY_KEPT = Counter(
    "netra_evidence_already_kept_total",
    "Flags captured again whose evidence was already kept (delivered again after a restart, a "
    "rebalance or a failed commit): the first record stays, nothing new is stored or counted "
    "in netra_evidence_captured_total.",
)
EVIDENCE_STORE_ERRORS = Counter(
    "netra_evidence_store_errors_total",
    "Attempts to store evidence that the object store did not take (retried, never dropped).",
)
EVIDENCE_RENDER_ERRORS = Counter(
    "netra_evidence_render_errors_total", "Chromium renders that failed (retried)."
)
EVENT_TO_EVIDENCE = Histogram(
    "netra_event_to_evidence_seconds",
    "From an event entering Netra to its flag's evidence stored.",
    buckets=LATENCY_BUCKETS,
)


def labelled(metric: Counter, cache: dict[tuple[str, ...], Any], *values: str) -> Any:
    """The child of a labelled counter, looked up once per label set: `labels()` takes a lock
    and builds a key on every call, which the judge would pay on every event."""
    child = cache.get(values)
    if child is None:
        child = cache[values] = metric.labels(*values)
    return child
