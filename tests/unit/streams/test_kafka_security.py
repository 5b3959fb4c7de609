"""Every Kafka client's security comes from Settings: the kwargs, the TLS context, Faust's view."""

from __future__ import annotations

import json
import ssl
from pathlib import Path

import pytest
from faust.auth import SASLCredentials, SSLCredentials
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from typer.testing import CliRunner

from netra.kafka_tools import KafkaUnavailableError, producer
from streams.kafka_security import (
    KafkaSecurityError,
    client_kwargs,
    describe,
    faust_credentials,
    ssl_context,
)
from streams.settings import Settings

TEST_CA = Path(__file__).resolve().parents[2] / "data" / "kafka-test-ca.pem"


def secure(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "kafka_bootstrap": "127.0.0.1:29095",
        "kafka_security_protocol": "SASL_SSL",
        "kafka_username": "netra-worker",
        "kafka_password": "s3cret-pw",
        "kafka_ca_file": TEST_CA,
    }
    values.update(overrides)
    return Settings.model_validate(values)


def test_plaintext_is_the_default_and_adds_nothing_but_the_protocol() -> None:
    settings = Settings.model_validate({})
    assert client_kwargs(settings) == {"security_protocol": "PLAINTEXT"}
    assert ssl_context(settings) is None
    assert faust_credentials(settings) is None


def test_sasl_ssl_gives_scram_login_and_a_verifying_context_with_the_ca() -> None:
    kwargs = client_kwargs(secure())
    context = kwargs.pop("ssl_context")
    assert kwargs == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "netra-worker",
        "sasl_plain_password": "s3cret-pw",
    }
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2
    issuers = [dict(x[0] for x in ca["subject"]) for ca in context.get_ca_certs()]
    assert issuers == [{"commonName": "Netra unit-test CA"}]


def test_ssl_without_sasl_sends_no_login() -> None:
    kwargs = client_kwargs(secure(kafka_security_protocol="SSL"))
    assert kwargs["security_protocol"] == "SSL" and "ssl_context" in kwargs
    assert not any(k.startswith("sasl_") for k in kwargs)


def test_sasl_without_tls_has_no_context() -> None:
    kwargs = client_kwargs(secure(kafka_security_protocol="SASL_PLAINTEXT"))
    assert "ssl_context" not in kwargs and kwargs["sasl_plain_username"] == "netra-worker"


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ({"kafka_username": None}, "NETRA_KAFKA_USERNAME"),
        ({"kafka_password": None}, "NETRA_KAFKA_PASSWORD"),
        ({"kafka_password": ""}, "NETRA_KAFKA_PASSWORD"),
    ],
)
def test_sasl_without_a_login_names_the_missing_variable(
    missing: dict[str, object], named: str
) -> None:
    with pytest.raises(KafkaSecurityError, match=named):
        client_kwargs(secure(**missing))


def test_a_missing_or_bad_ca_file_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(KafkaSecurityError, match="NETRA_KAFKA_CA_FILE"):
        ssl_context(secure(kafka_ca_file=tmp_path / "nope.pem"))
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    with pytest.raises(KafkaSecurityError, match="NETRA_KAFKA_CA_FILE"):
        ssl_context(secure(kafka_ca_file=junk))


def test_faust_gets_the_same_connection_as_the_other_clients() -> None:
    settings = secure()
    creds = faust_credentials(settings)
    assert isinstance(creds, SASLCredentials)
    # What Faust hands to aiokafka must equal what kafka-python and aiokafka get from us.
    faust_view = credentials_to_aiokafka_auth(creds)
    ours = client_kwargs(settings)
    assert faust_view["ssl_context"].verify_mode is ssl.CERT_REQUIRED
    for key in ("security_protocol", "sasl_mechanism", "sasl_plain_username"):
        assert faust_view[key] == ours[key], key
    assert faust_view["sasl_plain_password"] == "s3cret-pw"
    tls_only = faust_credentials(secure(kafka_security_protocol="SSL"))
    assert isinstance(tls_only, SSLCredentials)
    assert credentials_to_aiokafka_auth(tls_only)["security_protocol"] == "SSL"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NETRA_KAFKA_USERNAME", "netra-worker")
    monkeypatch.setenv("NETRA_KAFKA_PASSWORD", "from-env")
    monkeypatch.setenv("NETRA_KAFKA_CA_FILE", str(TEST_CA))
    settings = Settings()
    assert settings.kafka_password is not None
    assert settings.kafka_password.get_secret_value() == "from-env"
    assert "from-env" not in repr(settings)
    assert client_kwargs(settings)["sasl_plain_password"] == "from-env"


def test_describe_never_shows_the_password() -> None:
    text = describe(secure())
    assert text == "127.0.0.1:29095 (SASL_SSL SCRAM-SHA-512 as netra-worker)"
    assert "s3cret" not in text


def test_tools_report_bad_security_settings_as_a_message() -> None:
    with pytest.raises(KafkaUnavailableError, match="NETRA_KAFKA_USERNAME"):
        producer(secure(kafka_username=None))


def test_netra_config_shows_the_kafka_settings_with_the_password_masked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import typer

    from netra.cli import config as config_cli

    monkeypatch.setenv("NETRA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NETRA_KAFKA_USERNAME", "netra-worker")
    monkeypatch.setenv("NETRA_KAFKA_PASSWORD", "do-not-print-me")
    app = typer.Typer()
    config_cli.register(app)
    app.command("noop")(lambda: None)  # a second command keeps `config` a named sub-command
    result = CliRunner().invoke(app, ["config", "--json"])
    assert result.exit_code == 0, result.output
    values = json.loads(result.output)
    assert values["NETRA_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert values["NETRA_KAFKA_USERNAME"] == "netra-worker"
    assert values["NETRA_KAFKA_PASSWORD"] == "**********"
    assert "NETRA_KAFKA_CA_FILE" in values and "NETRA_KAFKA_SASL_MECHANISM" in values
    assert "do-not-print-me" not in result.output
