"""How Netra's Kafka clients authenticate and encrypt, derived from `Settings` alone.

Every client Netra makes (the Faust app, the rule-state follower on aiokafka, the kafka-python
tools and benchmarks) takes its security from here, so a worker and `netra topics create` can
never disagree about how to reach a cluster: set NETRA_KAFKA_SECURITY_PROTOCOL and its
companions once and every client follows.
"""

from __future__ import annotations

import ssl
from typing import Any

from streams.settings import Settings


class KafkaSecurityError(ValueError):
    """The Kafka security settings cannot work together; the message names the variable."""


def uses_tls(settings: Settings) -> bool:
    return settings.kafka_security_protocol in ("SSL", "SASL_SSL")


def uses_sasl(settings: Settings) -> bool:
    return settings.kafka_security_protocol in ("SASL_PLAINTEXT", "SASL_SSL")


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A verifying TLS context (CA from NETRA_KAFKA_CA_FILE, hostname checked), or None
    without TLS. Built by us rather than left to each library so that none of them can quietly
    skip certificate or hostname checks."""
    if not uses_tls(settings):
        return None
    cafile = settings.kafka_ca_file
    if cafile is not None and not cafile.is_file():
        raise KafkaSecurityError(
            f"NETRA_KAFKA_CA_FILE={cafile} is not a readable file: point it at the PEM of the "
            "CA that signed the brokers' certificates (for `netra stack up --secure`: "
            "<state>/kafka-secure/tls/ca.pem)"
        )
    try:
        context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    except (ssl.SSLError, OSError) as exc:
        raise KafkaSecurityError(f"NETRA_KAFKA_CA_FILE={cafile} is not a PEM CA: {exc}") from exc
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def _sasl_login(settings: Settings) -> tuple[str, str]:
    missing = [
        name
        for name, value in (
            ("NETRA_KAFKA_USERNAME", settings.kafka_username),
            ("NETRA_KAFKA_PASSWORD", settings.kafka_password),
        )
        if not value
    ]
    if missing:
        raise KafkaSecurityError(
            f"NETRA_KAFKA_SECURITY_PROTOCOL={settings.kafka_security_protocol} needs "
            f"{' and '.join(missing)}"
        )
    assert settings.kafka_username is not None and settings.kafka_password is not None
    return settings.kafka_username, settings.kafka_password.get_secret_value()


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for kafka-python's and aiokafka's clients (both name them alike):
    `KafkaProducer(bootstrap_servers=..., **client_kwargs(settings))`."""
    kwargs: dict[str, Any] = {"security_protocol": settings.kafka_security_protocol}
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if uses_sasl(settings):
        username, password = _sasl_login(settings)
        kwargs["sasl_mechanism"] = settings.kafka_sasl_mechanism
        kwargs["sasl_plain_username"] = username
        kwargs["sasl_plain_password"] = password
    return kwargs


def faust_credentials(settings: Settings) -> Any:
    """`broker_credentials` for `faust.App`: SASL (over TLS when SASL_SSL), TLS alone, or None
    for PLAINTEXT. Faust hands these to aiokafka exactly as `client_kwargs` does."""
    # Imported here: faust is heavy, and the kafka-python tools that share this module never
    # need it.
    from faust.auth import SASLCredentials, SSLCredentials

    context = ssl_context(settings)
    if uses_sasl(settings):
        username, password = _sasl_login(settings)
        return SASLCredentials(
            username=username,
            password=password,
            ssl_context=context,
            mechanism=settings.kafka_sasl_mechanism,
        )
    if context is not None:
        return SSLCredentials(context)
    return None


def describe(settings: Settings) -> str:
    """How clients connect, for error messages (never the password)."""
    mode: str = settings.kafka_security_protocol
    if uses_sasl(settings):
        mode += f" {settings.kafka_sasl_mechanism} as {settings.kafka_username or '(no user)'}"
    return f"{settings.kafka_bootstrap} ({mode})"
