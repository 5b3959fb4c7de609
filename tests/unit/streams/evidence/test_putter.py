"""What the store's answers to a conditional PUT mean, and where the store listens."""

from __future__ import annotations

import pytest

from streams.evidence.outcome import (
    ObjectStoreRefusedError,
    ObjectStoreUnavailableError,
    PutOutcome,
)
from streams.evidence.putter import Endpoint, _outcome


def error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
        f"<Message>{message}</Message><Key>k</Key></Error>"
    ).encode()


def test_written_and_already_there() -> None:
    assert _outcome(200, b"", "k") is PutOutcome.CREATED
    assert _outcome(412, error("PreconditionFailed", "At least one"), "k") is PutOutcome.EXISTED
    assert _outcome(409, error("ConditionalRequestConflict", "race"), "k") is PutOutcome.EXISTED


def test_a_refusal_names_the_code_and_message() -> None:
    with pytest.raises(ObjectStoreRefusedError, match="HTTP 403 AccessDenied Access Denied"):
        _outcome(403, error("AccessDenied", "Access Denied"), "flags/x/record.json")
    with pytest.raises(ObjectStoreRefusedError, match="NoSuchBucket"):
        _outcome(404, error("NoSuchBucket", "The specified bucket does not exist"), "k")


def test_bytes_damaged_on_the_way_are_tried_again_not_refused() -> None:
    with pytest.raises(ObjectStoreUnavailableError, match="BadDigest"):
        _outcome(400, error("BadDigest", "The Content-Md5 you specified did not match"), "k")


def test_server_errors_and_unparsable_answers_are_unavailable() -> None:
    with pytest.raises(ObjectStoreUnavailableError, match="HTTP 503"):
        _outcome(503, error("SlowDown", "Please reduce"), "k")
    with pytest.raises(ObjectStoreUnavailableError, match="HTTP 502"):
        _outcome(502, b"<html>bad gateway</html>", "k")


@pytest.mark.parametrize(
    ("url", "scheme", "host", "port", "prefix", "header"),
    [
        ("http://127.0.0.1:29333", "http", "127.0.0.1", 29333, "", "127.0.0.1:29333"),
        ("https://s3.example.go.id", "https", "s3.example.go.id", 443, "", "s3.example.go.id"),
        ("http://store:80/s3/", "http", "store", 80, "/s3", "store"),
    ],
)
def test_endpoint(url: str, scheme: str, host: str, port: int, prefix: str, header: str) -> None:
    endpoint = Endpoint.parse(url)
    assert (endpoint.scheme, endpoint.host, endpoint.port, endpoint.prefix) == (
        scheme,
        host,
        port,
        prefix,
    )
    assert endpoint.host_header == header


def test_endpoint_must_be_http() -> None:
    with pytest.raises(ValueError, match="http"):
        Endpoint.parse("s3://bucket")
