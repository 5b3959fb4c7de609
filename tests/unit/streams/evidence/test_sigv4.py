"""Netra's SigV4 signatures must be the ones botocore's own signer makes for the same request."""

from __future__ import annotations

from datetime import UTC, datetime
from unittest import mock

import pytest
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from streams.evidence.sigv4 import SigningKeys, canonical_path, sign

AT = datetime(2024, 11, 27, 3, 4, 5, tzinfo=UTC)


def botocore_authorization(path: str, headers: dict[str, str], payload: bytes) -> str:
    request = AWSRequest(method="PUT", url=f"http://127.0.0.1:29333{path}", data=payload)
    for name, value in headers.items():
        request.headers[name] = value
    signer = S3SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG"), "s3", "us-east-1")
    with mock.patch("botocore.auth.get_current_datetime", return_value=AT.replace(tzinfo=None)):
        signer.add_auth(request)
    return str(request.headers["Authorization"])


@pytest.mark.parametrize(
    "key",
    [
        "flags/instagram:C3xYz/record.json",
        "flags/x:1/artefacts/screenshot-ab12.png",
        "flags/tiktok:@akun resmi/custody/0000000000.json",
        "flags/facebook:ü+é=/record.json",
    ],
)
def test_same_signature_as_botocore(key: str) -> None:
    import hashlib

    payload = b'{"flag": "x"}'
    digest = hashlib.sha256(payload).hexdigest()
    path = canonical_path(f"/netra-evidence/{key}")
    headers = {
        "host": "127.0.0.1:29333",
        "content-type": "application/json",
        "if-none-match": "*",
    }
    keys = SigningKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", "us-east-1")
    ours = sign(keys, "PUT", path, headers, digest, now=AT)
    theirs = botocore_authorization(
        path,
        {
            "Content-Type": "application/json",
            "If-None-Match": "*",
            "X-Amz-Content-SHA256": digest,
        },
        payload,
    )
    assert ours["authorization"] == theirs


def test_day_key_is_derived_again_on_a_new_day() -> None:
    keys = SigningKeys("AKIDEXAMPLE", "secret", "us-east-1")
    first = keys.key_for("20241127")
    assert keys.key_for("20241127") is first
    assert keys.key_for("20241128") != first


def test_header_values_are_trimmed_and_names_lowercased() -> None:
    keys = SigningKeys("AKIDEXAMPLE", "secret", "us-east-1")
    signed = sign(keys, "PUT", "/b/k", {"Host": "h", "X-Note": "  a   b "}, "0" * 64, now=AT)
    assert signed["x-note"] == "a b"
    assert "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-note," in signed["authorization"]


def test_secret_is_not_in_repr() -> None:
    assert "wJalr" not in repr(SigningKeys("AKIDEXAMPLE", "wJalrXUtnFEMI", "us-east-1"))
