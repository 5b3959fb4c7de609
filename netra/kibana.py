"""Load Netra's saved objects (data view, searches, dashboard) into Kibana.

Kibana's import API takes the NDJSON file as a multipart upload and needs the `kbn-xsrf` header;
`overwrite=true` makes a re-import update the objects in place (their ids are fixed), so running
it after every change of deploy/kibana/netra.ndjson is safe. A Kibana with security on takes an
API key or a user and password, and over https its certificate is checked against the system's
CAs or the CA file given (NETRA_KIBANA_CA_CERT).
"""

from __future__ import annotations

import base64
import json
import ssl
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NDJSON = REPO_ROOT / "deploy" / "kibana" / "netra.ndjson"


class KibanaError(Exception):
    """A failure the operator can act on: what went wrong and what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class ImportResult:
    """What Kibana reported: how many objects it stored and the ones it refused."""

    success: bool
    success_count: int
    errors: list[dict[str, Any]] = field(default_factory=list)


def import_url(base_url: str, space: str | None = None) -> str:
    """The import endpoint, in the given Kibana space (the default space when None)."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KibanaError(
            f"{base_url!r} is not a Kibana URL.", "Pass a URL like http://kibana.example:5601."
        )
    prefix = base_url.rstrip("/")
    if space:
        prefix += f"/s/{quote(space, safe='')}"
    return f"{prefix}/api/saved_objects/_import?overwrite=true"


def _multipart(filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = f"netra-{uuid.uuid4().hex}"
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            "Content-Type: application/ndjson\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def build_request(
    base_url: str,
    ndjson: Path,
    space: str | None = None,
    *,
    api_key: str | None = None,
    user: str | None = None,
    password: str | None = None,
) -> urllib.request.Request:
    """The POST Kibana expects; kept apart from sending so it can be checked without a Kibana."""
    try:
        content = ndjson.read_bytes()
    except OSError as err:
        raise KibanaError(
            f"cannot read {ndjson}: {err.strerror}.", "Pass --file with the saved objects NDJSON."
        ) from None
    body, content_type = _multipart(ndjson.name, content)
    headers = {"kbn-xsrf": "netra", "Content-Type": content_type}
    authorization = _authorization(api_key, user, password)
    if authorization:
        headers["Authorization"] = authorization
    return urllib.request.Request(
        import_url(base_url, space), data=body, headers=headers, method="POST"
    )


def _authorization(api_key: str | None, user: str | None, password: str | None) -> str | None:
    """The Authorization header for one kind of credential; two kinds, or half of a user and
    password, is a configuration mistake better named now than answered by a 401."""
    if api_key and (user or password):
        raise KibanaError(
            "both NETRA_KIBANA_API_KEY and NETRA_KIBANA_USER/NETRA_KIBANA_PASSWORD are set.",
            "Give either an API key or a user and password, not both.",
        )
    if api_key:
        return f"ApiKey {api_key}"
    if bool(user) != bool(password):
        raise KibanaError(
            "NETRA_KIBANA_USER and NETRA_KIBANA_PASSWORD go together; only one is set.",
            "Set both, or use NETRA_KIBANA_API_KEY instead.",
        )
    if user and password:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return f"Basic {token}"
    return None


def tls_context(base_url: str, ca_cert: Path | None) -> ssl.SSLContext | None:
    """Certificate checks for an https Kibana: the given CA file, else the system's CAs."""
    if urlsplit(base_url).scheme != "https":
        if ca_cert is not None:
            raise KibanaError(
                f"NETRA_KIBANA_CA_CERT is set but {base_url} is not https.",
                "Use Kibana's https:// URL, or unset NETRA_KIBANA_CA_CERT.",
            )
        return None
    if ca_cert is None:
        return ssl.create_default_context()
    if not ca_cert.is_file():
        raise KibanaError(
            f"NETRA_KIBANA_CA_CERT is {ca_cert}, which is not a file.",
            "Point it at the PEM certificate of the CA that signed Kibana's certificate.",
        )
    try:
        return ssl.create_default_context(cafile=str(ca_cert))
    except ssl.SSLError as err:
        raise KibanaError(
            f"{ca_cert} is not a PEM CA certificate ({err.reason}).",
            "Point NETRA_KIBANA_CA_CERT at the CA's certificate (ca.crt), not a key or a bundle "
            "in another format.",
        ) from None


def _http_error(err: urllib.error.HTTPError, url: str) -> KibanaError:
    detail = err.read().decode(errors="replace")[:500]
    if err.code in (401, 403):
        return KibanaError(
            f"Kibana refused the import ({err.code}): {detail}",
            "Set NETRA_KIBANA_API_KEY, or NETRA_KIBANA_USER and NETRA_KIBANA_PASSWORD, for a user "
            "allowed to manage saved objects.",
        )
    if err.code == 404:
        return KibanaError(
            f"{url} does not exist (404).",
            "Check the URL (Kibana's base URL, without /app) and that the --space exists.",
        )
    return KibanaError(f"Kibana answered {err.code}: {detail}", "Check Kibana's log.")


def import_objects(
    base_url: str,
    ndjson: Path = DEFAULT_NDJSON,
    space: str | None = None,
    *,
    api_key: str | None = None,
    user: str | None = None,
    password: str | None = None,
    ca_cert: Path | None = None,
    timeout: float = 60.0,
) -> ImportResult:
    """POST the NDJSON to Kibana's saved-object import API and return what it reported."""
    request = build_request(base_url, ndjson, space, api_key=api_key, user=user, password=password)
    context = tls_context(base_url, ca_cert)
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as resp:
            doc = json.loads(resp.read())
    except urllib.error.HTTPError as err:
        raise _http_error(err, request.full_url) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        if isinstance(reason, ssl.SSLError):
            raise KibanaError(
                f"Kibana's certificate at {base_url} was not accepted: {reason}.",
                "Set NETRA_KIBANA_CA_CERT to the PEM file of the CA that signed it (for "
                "deploy/compose, docs/operations.md says how to copy it out).",
            ) from None
        raise KibanaError(
            f"Kibana at {base_url} is not reachable: {reason}.",
            "Start Kibana (deploy/compose: `docker compose up -d kibana`) or pass the right --url "
            "(env NETRA_KIBANA_URL).",
        ) from None
    except json.JSONDecodeError:
        raise KibanaError(
            f"{base_url} answered, but not with JSON: is it Kibana?", "Check --url."
        ) from None
    return ImportResult(
        success=bool(doc.get("success")),
        success_count=int(doc.get("successCount", 0)),
        errors=list(doc.get("errors", [])),
    )
