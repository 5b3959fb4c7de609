"""The Kafka topics Netra uses: one declaration serves the Faust app and the admin tooling.

Every topic is keyed by the account id, so one account's events stay in order on one partition,
and the posts topic and the registry table are co-partitioned (the judge reads the registry
entry of an account from the same worker that owns its events).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.settings import Settings

# Posts may be large (long captions, many hashtags); the judge dead-letters anything above
# `max_event_bytes`, but the broker must still accept it so that nothing vanishes at the door.
POSTS_MAX_MESSAGE_BYTES = 8 * 1024 * 1024
# The judge cuts a flag to `Settings.flag_max_bytes` (under this) before it is sent; dead letters
# keep at most 64 KiB of the original. Both limits are set on the topics, not left to defaults.
FLAGS_MAX_MESSAGE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    configs: dict[str, str] = field(default_factory=dict)
    purpose: str = ""


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """All topics with their partitions and configs, in pipeline order."""
    n = settings.partitions
    return [
        TopicSpec(
            settings.posts_topic,
            n,
            {"max.message.bytes": str(POSTS_MAX_MESSAGE_BYTES)},
            "incoming posts and actions (schemas.Post), key = account id",
        ),
        TopicSpec(
            settings.registry_topic,
            n,
            {"cleanup.policy": "compact"},
            "ASN registry (schemas.RegistryEntry), compacted, key = account id",
        ),
        TopicSpec(
            settings.flags_topic,
            n,
            {"max.message.bytes": str(FLAGS_MAX_MESSAGE_BYTES)},
            "flagged and review-level decisions (schemas.Flag), key = account id",
        ),
        TopicSpec(
            settings.deadletter_topic,
            n,
            {
                "retention.ms": str(30 * 24 * 3600 * 1000),
                "max.message.bytes": str(FLAGS_MAX_MESSAGE_BYTES),
            },
            "messages that could not be processed (schemas.DeadLetter), with the reason",
        ),
        TopicSpec(
            settings.reviews_topic,
            n,
            {},
            "supervisors' verdicts on flags (schemas.ReviewVerdict), key = flag id",
        ),
        TopicSpec(
            settings.rulestate_topic,
            1,
            {"cleanup.policy": "compact"},
            "rules dropped to review-only or restored (schemas.RuleState), key = rule id",
        ),
        TopicSpec(
            settings.escalations_topic,
            n,
            {},
            "repeat offenders crossing a threshold, key = account id",
        ),
        TopicSpec(
            settings.audit_topic,
            n,
            {"retention.ms": "-1"},
            "the audit trail: every reveal of a NIP, granted or refused (schemas.AuditEntry), "
            "kept until the deployment deletes it, key = audit id",
        ),
        TopicSpec(
            settings.case_steps_topic,
            n,
            {"retention.ms": "-1"},
            "what each agency did with a case (schemas.CaseStep): finding, recommendation, "
            "verification, PPK decision, closing; kept, key = flag id",
        ),
        TopicSpec(
            settings.reporters_topic,
            n,
            {"retention.ms": str(settings.reporters_retention_days * 24 * 3600 * 1000)},
            "public reporters' contacts, sealed (schemas.SealedReporter), never in a post or "
            "a flag, key = ticket",
        ),
    ]


#: The Faust tables of a worker: the registry (account -> ASN) and the offenders' history.
REGISTRY_TABLE = "registry"
OFFENDERS_TABLE = "offenders"


def changelog_specs(settings: Settings) -> list[TopicSpec]:
    """The tables' changelog topics, named as Faust names them (`<app id>-<table>-changelog`).

    Faust creates a missing changelog itself when an agent starts, but a worker that starts
    while the new topic is not yet visible to it fails in a loop (PartitionsMismatch) and holds
    an unacknowledged message through the next rebalance; `netra topics create` makes them
    beforehand, compacted and with the tables' partitions.
    """
    return [
        TopicSpec(
            f"{settings.app_id}-{table}-changelog",
            settings.partitions,
            {"cleanup.policy": "compact"},
            f"changelog of the {table} table (Faust), compacted",
        )
        for table in (REGISTRY_TABLE, OFFENDERS_TABLE)
    ]
