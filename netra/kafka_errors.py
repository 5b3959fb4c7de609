"""What an operator reads when Kafka says no to a tool: one message that says what failed, on
which topic or group, as which principal, and what to do, instead of a kafka-python traceback.

Every tool of netra.kafka_tools runs its Kafka calls inside `kafka_errors`, so a refused ACL, a
broker that is down or one that stops answering ends the command with a message (and a non-zero
exit: the CLIs turn these errors into `error: ...`, exit code 2)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kafka.errors import (
    AuthorizationError,
    ClusterAuthorizationFailedError,
    GroupAuthorizationFailedError,
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    TopicAuthorizationFailedError,
)

from streams.kafka_security import describe
from streams.settings import Settings

#: Where the grants a principal needs, and how to give them, are written down.
ACL_DOCS = 'docs/operations.md, "Authenticated, encrypted Kafka"'


class KafkaUnavailableError(RuntimeError):
    """Kafka could not be reached; the message says where it looked and what to do."""


class KafkaDeliveryError(RuntimeError):
    """Some records could not be written or read; the message says which and what to do."""


class KafkaRefusedError(KafkaDeliveryError):
    """The broker refused the principal (an ACL is missing); the message names the grant."""


def unavailable(settings: Settings) -> KafkaUnavailableError:
    """No broker answered at the configured address: where Netra looked and how to start one."""
    if settings.kafka_security_protocol != "PLAINTEXT":
        return KafkaUnavailableError(
            f"no Kafka broker accepted Netra at {describe(settings)}: check that it runs "
            "('netra stack up --secure' locally) and the NETRA_KAFKA_* credentials and CA file"
        )
    return KafkaUnavailableError(
        f"no Kafka broker at {settings.kafka_bootstrap}: start the local stack with "
        "'netra stack up', or point NETRA_KAFKA_BOOTSTRAP at your cluster"
    )


def no_topic(settings: Settings, topic: str) -> KafkaDeliveryError:
    """A topic the broker does not show: missing, or (on a broker with ACLs) not described to
    the principal, which Kafka reports the same way."""
    if settings.kafka_security_protocol in ("SASL_SSL", "SASL_PLAINTEXT"):
        return KafkaRefusedError(
            f"{principal(settings)} sees no topic {topic}: create it ('netra topics create'), "
            f"or, if it exists, the principal needs DESCRIBE and READ on it; {_grant(settings)}"
        )
    return KafkaDeliveryError(f"there is no topic {topic} (netra topics create)")


def principal(settings: Settings) -> str:
    """The principal the broker sees, as ACLs name it."""
    if settings.kafka_security_protocol in ("SASL_SSL", "SASL_PLAINTEXT"):
        return f"User:{settings.kafka_username or '(no user)'}"
    return "the anonymous principal (NETRA_KAFKA_SECURITY_PROTOCOL is not SASL)"


def _grant(settings: Settings) -> str:
    who = principal(settings)
    command = f"'netra topics grant {who}'" if who.startswith("User:") else "'netra topics grant'"
    return f"an admin grants it with {command} or kafka-acls.sh (see {ACL_DOCS})"


def explain(
    exc: KafkaError, settings: Settings, *, doing: str, topic: str | None, group: str | None
) -> KafkaUnavailableError | KafkaDeliveryError:
    """The error a person reads for `exc`, raised while `doing` (e.g. "reading netra.flags")."""
    who = principal(settings)
    # the refused resource: what it is, its name, and the grant it needs
    resources = (
        (GroupAuthorizationFailedError, "consumer group", group, "READ and DESCRIBE on group"),
        (TopicAuthorizationFailedError, "topic", topic, "READ, WRITE and DESCRIBE on topic"),
    )
    for kind, what, name, needs in resources:
        if isinstance(exc, kind):
            named = name or "(unknown)"
            return KafkaRefusedError(
                f"Kafka refused {who} the {what} {named} while {doing}: it needs {needs} "
                f"{named}; {_grant(settings)}"
            )
    if isinstance(exc, ClusterAuthorizationFailedError):
        return KafkaRefusedError(
            f"Kafka refused {who} an operation on the cluster while {doing}: run it as an "
            f"admin (NETRA_KAFKA_USERNAME of a super user), see {ACL_DOCS}"
        )
    if isinstance(exc, AuthorizationError):
        return KafkaRefusedError(
            f"Kafka refused {who} while {doing} ({type(exc).__name__}); {_grant(settings)}"
        )
    if isinstance(exc, KafkaConnectionError):
        return unavailable(settings)
    if isinstance(exc, KafkaTimeoutError):
        return KafkaUnavailableError(
            f"Kafka at {describe(settings)} did not answer in time while {doing}: check that "
            "the broker runs and is reachable, then run the command again"
        )
    name, detail = type(exc).__name__, str(exc)
    # kafka-python's messages often open with the class name already
    said = detail if detail.startswith(name) else f"{name}: {detail}" if detail else name
    return KafkaDeliveryError(f"Kafka failed while {doing}: {said}")


@contextmanager
def kafka_errors(
    settings: Settings, *, doing: str, topic: str | None = None, group: str | None = None
) -> Iterator[None]:
    """Run Kafka calls; any KafkaError leaves as the error `explain` gives, its cause kept."""
    try:
        yield
    except KafkaError as exc:
        raise explain(exc, settings, doing=doing, topic=topic, group=group) from exc
