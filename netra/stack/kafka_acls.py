"""The ACLs of the worker principal on the secure broker: Netra's topics and group, nothing else.

Pure data, so the grant is reviewed (and unit-tested) apart from the broker that applies it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from streams.settings import Settings
from streams.topics import topic_specs

#: What the worker does on its topics: read and write records, see them, create missing ones
#: (`netra topics create`, Faust's changelog and leader topics).
TOPIC_OPERATIONS = ("READ", "WRITE", "DESCRIBE", "CREATE")
#: What a member of the workers' consumer group needs: join, commit, and read its offsets.
GROUP_OPERATIONS = ("READ", "DESCRIBE")
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
    agent's, exactly (the Faust workers' and evidence capture's; the tools read without a group).
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
    return rules
