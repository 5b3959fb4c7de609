"""The one place an Elasticsearch client is built, so the worker, `netra report`, `netra case`
and `netra purge` authenticate and verify the cluster's certificate the same way.

A cluster with security on wants either an API key or a user and password, and over https the
client must trust the certificate authority that signed the cluster's certificate. Mistakes in
those settings (both kinds of credential, a password without a user, a CA file that is not
there, TLS options on an http:// URL) are refused here with the setting to fix, instead of
surfacing later as a 401 or an SSL error deep inside a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from elasticsearch import AsyncElasticsearch
from pydantic import SecretStr

from streams.settings import Settings

REQUEST_TIMEOUT_SECONDS = 30.0


class ElasticsearchConfigError(ValueError):
    """The NETRA_ES_* settings cannot describe one working connection; the message says which."""


def _secret(value: SecretStr | None) -> str | None:
    """An empty value counts as unset: compose and k8s write `VAR=` for an absent secret."""
    if value is None:
        return None
    return value.get_secret_value() or None


def _api_key(value: str) -> str | tuple[str, str]:
    """Elasticsearch hands out an API key as `encoded` (base64 of id:key) and as id and key;
    both forms are accepted (base64 has no colon, so a colon means id:key)."""
    if ":" in value:
        key_id, _, key = value.partition(":")
        if not key_id or not key:
            raise ElasticsearchConfigError(
                "NETRA_ES_API_KEY looks like id:key but one half is empty; use the 'encoded' "
                "value Elasticsearch returned when the key was created."
            )
        return key_id, key
    return value


def _auth_options(settings: Settings) -> dict[str, Any]:
    api_key = _secret(settings.es_api_key)
    user = settings.es_username or None
    password = _secret(settings.es_password)
    if api_key and (user or password):
        raise ElasticsearchConfigError(
            "NETRA_ES_API_KEY and NETRA_ES_USERNAME/NETRA_ES_PASSWORD are both set: give either an "
            "API key or a user and password, not both."
        )
    if api_key:
        return {"api_key": _api_key(api_key)}
    if user and not password:
        raise ElasticsearchConfigError(
            f"NETRA_ES_USERNAME is {user!r} but NETRA_ES_PASSWORD is not set: give its "
            "password too."
        )
    if password and not user:
        raise ElasticsearchConfigError(
            "NETRA_ES_PASSWORD is set but NETRA_ES_USERNAME is not: name the user it belongs to."
        )
    if user and password:
        return {"basic_auth": (user, password)}
    return {}


def _tls_options(settings: Settings) -> dict[str, Any]:
    https = urlsplit(settings.es_url).scheme == "https"
    ca_cert: Path | None = settings.es_ca_cert
    if not https:
        if ca_cert is not None or not settings.es_verify_certs:
            raise ElasticsearchConfigError(
                f"NETRA_ES_CA_CERT and NETRA_ES_VERIFY_CERTS apply to https, but NETRA_ES_URL is "
                f"{settings.es_url!r}: use the https:// URL of the cluster."
            )
        return {}
    if ca_cert is not None and not settings.es_verify_certs:
        raise ElasticsearchConfigError(
            "NETRA_ES_CA_CERT is set but NETRA_ES_VERIFY_CERTS is false: a CA is only used to "
            "verify the certificate; drop one of the two."
        )
    if ca_cert is not None:
        if not ca_cert.is_file():
            raise ElasticsearchConfigError(
                f"NETRA_ES_CA_CERT is {str(ca_cert)!r}, which is not a file: point it at the PEM "
                "certificate of the CA that signed the cluster's certificate."
            )
        return {"ca_certs": str(ca_cert), "verify_certs": True}
    return {"verify_certs": settings.es_verify_certs}


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for `AsyncElasticsearch`: the URL, the credentials and TLS trust.

    Raises ElasticsearchConfigError when the settings contradict each other."""
    url = settings.es_url
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ElasticsearchConfigError(
            f"NETRA_ES_URL is {url!r}: give the cluster's URL, e.g. https://elasticsearch:9200."
        )
    return {
        "hosts": [url],
        "request_timeout": REQUEST_TIMEOUT_SECONDS,
        **_auth_options(settings),
        **_tls_options(settings),
    }


def elasticsearch_client(
    settings: Settings, *, max_retries: int = 3, retry_on_timeout: bool = False
) -> AsyncElasticsearch:
    """A client for the cluster the settings name. The indexer retries by itself (it must not
    acknowledge a flag before it is stored), so it asks for max_retries=0."""
    return AsyncElasticsearch(
        **client_options(settings), max_retries=max_retries, retry_on_timeout=retry_on_timeout
    )
