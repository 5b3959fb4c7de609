"""The Elasticsearch client factory: which keyword arguments the settings become, and which
combinations it refuses before any connection is tried."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from elastic_transport import TlsError
from elasticsearch import AuthenticationException
from pydantic import SecretStr

from streams.esclient import (
    ElasticsearchConfigError,
    client_options,
    elasticsearch_client,
)
from streams.settings import Settings
from tests.unit.loopback_tls import FakeSecuredElasticsearch, HttpsServer, TlsFiles

HTTPS = "https://elasticsearch.elastic.svc:9200"


def _settings(**values: Any) -> Settings:
    """Settings from explicit values only, whatever NETRA_* the test shell has."""
    base: dict[str, Any] = {
        "es_url": "http://127.0.0.1:29200",
        "es_api_key": None,
        "es_username": None,
        "es_password": None,
        "es_ca_cert": None,
        "es_verify_certs": True,
    }
    return Settings(**{**base, **values})


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    path = tmp_path / "ca.crt"
    path.write_text("-----BEGIN CERTIFICATE-----\n")
    return path


def test_local_stack_defaults_give_a_plain_client() -> None:
    options = client_options(_settings())
    assert options == {"hosts": ["http://127.0.0.1:29200"], "request_timeout": 30.0}


def test_api_key_is_passed_as_given() -> None:
    options = client_options(_settings(es_url=HTTPS, es_api_key=SecretStr("VnVhQ2ZHY0JDZGJrUW0=")))
    assert options["api_key"] == "VnVhQ2ZHY0JDZGJrUW0="
    assert "basic_auth" not in options
    assert options["verify_certs"] is True


def test_api_key_as_id_and_key_becomes_a_pair() -> None:
    options = client_options(_settings(es_url=HTTPS, es_api_key=SecretStr("VuaCfGcBCdbkQm:ui2lp")))
    assert options["api_key"] == ("VuaCfGcBCdbkQm", "ui2lp")


def test_api_key_with_an_empty_half_is_refused() -> None:
    with pytest.raises(ElasticsearchConfigError, match="one half is empty"):
        client_options(_settings(es_url=HTTPS, es_api_key=SecretStr(":ui2lp")))


def test_user_and_password_become_basic_auth() -> None:
    options = client_options(
        _settings(es_url=HTTPS, es_username="netra_worker", es_password=SecretStr("s3cret"))
    )
    assert options["basic_auth"] == ("netra_worker", "s3cret")
    assert "api_key" not in options


def test_api_key_and_password_together_are_refused() -> None:
    with pytest.raises(ElasticsearchConfigError, match="not both"):
        client_options(
            _settings(
                es_url=HTTPS,
                es_api_key=SecretStr("a2V5"),
                es_username="netra_worker",
                es_password=SecretStr("s3cret"),
            )
        )


def test_api_key_and_a_lone_user_are_refused() -> None:
    with pytest.raises(ElasticsearchConfigError, match="not both"):
        client_options(_settings(es_url=HTTPS, es_api_key=SecretStr("a2V5"), es_username="x"))


def test_user_without_password_is_refused() -> None:
    with pytest.raises(ElasticsearchConfigError, match="NETRA_ES_PASSWORD is not set"):
        client_options(_settings(es_url=HTTPS, es_username="netra_worker"))


def test_password_without_user_is_refused() -> None:
    with pytest.raises(ElasticsearchConfigError, match="NETRA_ES_USERNAME is not"):
        client_options(_settings(es_url=HTTPS, es_password=SecretStr("s3cret")))


def test_empty_secrets_count_as_unset() -> None:
    """compose and k8s write `VAR=` for an optional secret that is absent."""
    options = client_options(
        _settings(es_url=HTTPS, es_api_key=SecretStr(""), es_username="", es_password=SecretStr(""))
    )
    assert "api_key" not in options and "basic_auth" not in options


def test_ca_certificate_is_trusted_and_verified(ca_file: Path) -> None:
    options = client_options(_settings(es_url=HTTPS, es_ca_cert=ca_file))
    assert options["ca_certs"] == str(ca_file)
    assert options["verify_certs"] is True


def test_missing_ca_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.crt"
    with pytest.raises(ElasticsearchConfigError, match="not a file") as caught:
        client_options(_settings(es_url=HTTPS, es_ca_cert=missing))
    assert str(missing) in str(caught.value)


def test_ca_with_verification_off_is_refused(ca_file: Path) -> None:
    with pytest.raises(ElasticsearchConfigError, match="VERIFY_CERTS is false"):
        client_options(_settings(es_url=HTTPS, es_ca_cert=ca_file, es_verify_certs=False))


def test_verification_can_be_turned_off_for_a_test_cluster() -> None:
    options = client_options(_settings(es_url=HTTPS, es_verify_certs=False))
    assert options["verify_certs"] is False


@pytest.mark.parametrize("field", ["ca", "noverify"])
def test_tls_options_on_http_are_refused(field: str, ca_file: Path) -> None:
    values: dict[str, Any] = (
        {"es_ca_cert": ca_file} if field == "ca" else {"es_verify_certs": False}
    )
    with pytest.raises(ElasticsearchConfigError, match="https"):
        client_options(_settings(es_url="http://elasticsearch:9200", **values))


@pytest.mark.parametrize("url", ["elasticsearch:9200", "ftp://es:9200", "https://"])
def test_a_url_without_scheme_or_host_is_refused(url: str) -> None:
    with pytest.raises(ElasticsearchConfigError, match="NETRA_ES_URL"):
        client_options(_settings(es_url=url))


def test_the_local_stacks_system_user_is_not_a_login(monkeypatch: pytest.MonkeyPatch) -> None:
    """NETRA_ES_USER names the account `netra stack up` runs Elasticsearch under."""
    for name in ("NETRA_ES_URL", "NETRA_ES_API_KEY", "NETRA_ES_USERNAME", "NETRA_ES_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRA_ES_USER", "netra")
    settings = Settings()
    assert settings.es_username is None
    assert "basic_auth" not in client_options(settings)


def test_the_errors_are_value_errors_the_worker_command_reports() -> None:
    """`netra worker` turns a ValueError from create_pipeline into an error message."""
    assert issubclass(ElasticsearchConfigError, ValueError)


def test_the_client_carries_the_credentials_and_retry_choice() -> None:
    async def build() -> tuple[dict[str, str], int, str]:
        es = elasticsearch_client(
            _settings(es_url=HTTPS, es_username="netra_reader", es_password=SecretStr("pw")),
            max_retries=0,
        )
        try:
            transport = es.transport
            (node,) = transport.node_pool.all()
            return dict(es._headers), es._max_retries, node.config.scheme
        finally:
            await es.close()

    headers, max_retries, scheme = asyncio.run(build())
    assert headers["authorization"].startswith("Basic ")
    assert max_retries == 0
    assert scheme == "https"


def test_settings_keep_credentials_secret() -> None:
    settings = Settings(es_api_key=SecretStr("a2V5"), es_password=SecretStr("pw"))
    shown = repr(settings) + str(settings.model_dump())
    assert "a2V5" not in shown and "'pw'" not in shown


def _count(settings: Settings) -> int:
    async def run() -> int:
        es = elasticsearch_client(settings, max_retries=0)
        try:
            return int((await es.count(index="netra-flags"))["count"])
        finally:
            await es.close()

    return asyncio.run(run())


def test_the_client_trusts_the_given_ca_and_sends_the_credentials(
    https_server: HttpsServer, tls_files: TlsFiles
) -> None:
    FakeSecuredElasticsearch.seen_auth.clear()
    url = https_server(FakeSecuredElasticsearch)
    settings = _settings(
        es_url=url,
        es_username="netra_reader",
        es_password=SecretStr("pw"),
        es_ca_cert=tls_files.ca_cert,
    )
    assert _count(settings) == 7
    assert FakeSecuredElasticsearch.seen_auth[-1].startswith("Basic ")


def test_without_the_ca_the_certificate_is_refused(https_server: HttpsServer) -> None:
    url = https_server(FakeSecuredElasticsearch)
    settings = _settings(es_url=url, es_username="netra_reader", es_password=SecretStr("pw"))
    with pytest.raises(TlsError):
        _count(settings)


def test_wrong_credentials_are_refused_by_the_cluster(
    https_server: HttpsServer, tls_files: TlsFiles
) -> None:
    url = https_server(FakeSecuredElasticsearch)
    settings = _settings(
        es_url=url,
        es_username="netra_reader",
        es_password=SecretStr("no"),
        es_ca_cert=tls_files.ca_cert,
    )
    with pytest.raises(AuthenticationException):
        _count(settings)
