"""The ACLs of Netra's principals on the secure broker, each the least its role needs.

The worker gets Netra's topics and group; the desk (the review desk and the public report
intake it serves) may only write the records it makes and read the two keyed topics it looks a
record up in. Pure data, so the grant is reviewed (and unit-tested) apart from the broker that
applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from streams.settings import Settings
from streams.topics import topic_specs

#: What the worker does on its topics: read and write records, see them, create missing ones
#: (`netra topics create`, Faust's changelog and leader topics).
TOPIC_OPERATIONS = ("READ", "WRITE", "DESCRIBE", "CREATE")
#: What a member of the workers' consumer group needs: join, commit, and read its offsets.
GROUP_OPERATIONS = ("READ", "DESCRIBE")
#: What the desk does on a topic it writes: produce, and see its partitions to do so.
DESK_WRITE_OPERATIONS = ("WRITE", "DESCRIBE")
#: What the desk does on a topic it looks a key up in (no group: nothing is committed).
DESK_LOOKUP_OPERATIONS = ("READ", "DESCRIBE")
#: Netra's topics all start with this unless renamed one by one (NETRA_*_TOPIC).
TOPIC_PREFIX = "netra."


@dataclass(frozen=True, order=True)
class AclRule:
    """One ALLOW entry: a principal may do `operation` on a resource (name or name prefix)."""

    principal: str
    resource: Literal["TOPIC", "GROUP"]
    name: str
    pattern: Literal["LITERAL", "PREFIXED"]
    operation: str

    def to_kafka(self) -> Any:
        """The kafka-python ACL object for CreateAcls (any host)."""
        from kafka.admin import (
            ACL,
            ACLOperation,
            ACLPermissionType,
            ACLResourcePatternType,
            ResourcePattern,
            ResourceType,
        )

        return ACL(
            self.principal,
            "*",
            ACLOperation[self.operation],
            ACLPermissionType.ALLOW,
            ResourcePattern(
                ResourceType[self.resource], self.name, ACLResourcePatternType[self.pattern]
            ),
        )


def worker_acls(principal: str, settings: Settings) -> list[AclRule]:
    """Least privilege for the workers and tools: their topics and their consumer group.

    Topics: the `netra.` prefix; `<app id>-` for what Faust makes itself (table changelogs
    such as `netra-registry-changelog`, the `netra-__assignor-__leader` topic); and, by exact
    name, any topic renamed out of both prefixes. Groups: the app id and the capture
    agent's, exactly (the Faust workers' and evidence capture's), and the dead-letter replay's
    prefix (`netra deadletters replay`, one group a reason); other tools read without a group.
    """
    internal = f"{settings.app_id}-"
    topics: list[tuple[str, Literal["LITERAL", "PREFIXED"]]] = [
        (TOPIC_PREFIX, "PREFIXED"),
        (internal, "PREFIXED"),
    ]
    topics += sorted(
        {
            (spec.name, "LITERAL")
            for spec in topic_specs(settings)
            if not spec.name.startswith((TOPIC_PREFIX, internal))
        }
    )
    rules = [
        AclRule(principal, "TOPIC", name, pattern, op)
        for name, pattern in topics
        for op in TOPIC_OPERATIONS
    ]
    rules += [
        AclRule(principal, "GROUP", group, "LITERAL", op)
        for group in (settings.app_id, settings.capture_group)
        for op in GROUP_OPERATIONS
    ]
    rules += [
        AclRule(principal, "GROUP", settings.replay_group_prefix, "PREFIXED", op)
        for op in GROUP_OPERATIONS
    ]
    return rules


class PrincipalRole(StrEnum):
    """Which of Netra's grants a principal gets (`netra topics grant --role`)."""

    WORKER = "worker"
    DESK = "desk"


def desk_written_topics(settings: Settings) -> list[str]:
    """The topics the desk process produces to: verdicts (reviews), the audit trail (every NIP
    reveal, granted or refused), and the intake's public reports (the event on posts, the
    sealed reporter on reporters). Case steps are written by `netra cases`, not the desk."""
    return sorted(
        {
            settings.reviews_topic,
            settings.audit_topic,
            settings.posts_topic,
            settings.reporters_topic,
        }
    )


def desk_read_topics(settings: Settings) -> list[str]:
    """The topics the desk reads one key of: the registry, for the NIP a reveal shows, and the
    reporters topic, for the sealed contact Bawaslu opens (netra.intake.reveal)."""
    return sorted({settings.registry_topic, settings.reporters_topic})


def desk_acls(principal: str, settings: Settings) -> list[AclRule]:
    """Least privilege for the desk: write its topics by exact name, look keys up in the
    registry and the reporters topic, and nothing else (no group, no topic creation, no other
    topic read)."""
    rules = {
        AclRule(principal, "TOPIC", name, "LITERAL", op)
        for name in desk_written_topics(settings)
        for op in DESK_WRITE_OPERATIONS
    }
    rules |= {
        AclRule(principal, "TOPIC", name, "LITERAL", op)
        for name in desk_read_topics(settings)
        for op in DESK_LOOKUP_OPERATIONS
    }
    return sorted(rules)


def role_acls(role: PrincipalRole, principal: str, settings: Settings) -> list[AclRule]:
    """The grant of `role` for `principal`."""
    if role is PrincipalRole.DESK:
        return desk_acls(principal, settings)
    return worker_acls(principal, settings)
