"""The evidence bucket on an S3-compatible object store, every object written once.

A write carries `If-None-Match: *`: the store refuses it (412) when the key exists, so no
capture, retry or second worker can replace an artefact or a custody entry that is already
kept. Keys of artefacts end in their SHA-256, so a retry that rendered the same bytes finds
them kept and one that rendered other bytes adds a new object beside them; either way nothing
is overwritten. An unreachable store raises ObjectStoreUnavailableError, which the capture
agent waits out without acknowledging anything.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NoReturn, Protocol

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from streams.evidence.credentials import ObjectStoreCredentials, resolve
from streams.settings import Settings

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class PutOutcome(StrEnum):
    CREATED = "created"
    EXISTED = "existed"  # the key was already written: the store refused to replace it


class ObjectStoreUnavailableError(RuntimeError):
    """The store did not answer, or answered with a server error: try again later."""


class ObjectStoreRefusedError(RuntimeError):
    """The store refused the request itself (credentials, bucket, permissions)."""


def s3_client(
    url: str, credentials: ObjectStoreCredentials, region: str = "us-east-1", pool: int = 16
) -> S3Client:
    """A client with short timeouts and no retries of its own: callers decide how to retry."""
    client: S3Client = boto3.client(
        "s3",
        endpoint_url=url,
        region_name=region,
        aws_access_key_id=credentials.access_key,
        aws_secret_access_key=credentials.secret_key.get_secret_value(),
        config=Config(
            connect_timeout=2,
            read_timeout=10,
            retries={"max_attempts": 1, "mode": "standard"},
            max_pool_connections=pool,
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )
    return client


def _status(exc: ClientError) -> int:
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))


def _raise(exc: Exception, what: str) -> NoReturn:
    if isinstance(exc, ClientError) and 400 <= _status(exc) < 500:
        raise ObjectStoreRefusedError(f"the object store refused {what}: {exc}") from exc
    raise ObjectStoreUnavailableError(f"the object store is unavailable ({what}): {exc}") from exc


def ensure_bucket(client: S3Client, bucket: str) -> None:
    """Create the bucket unless it exists (idempotent; two creators racing is fine)."""
    try:
        client.head_bucket(Bucket=bucket)
        return
    except ClientError as exc:
        if _status(exc) != 404:
            _raise(exc, f"access to bucket {bucket}")
    except BotoCoreError as exc:
        _raise(exc, f"access to bucket {bucket}")
    try:
        client.create_bucket(Bucket=bucket)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            _raise(exc, f"creating bucket {bucket}")
    except BotoCoreError as exc:
        _raise(exc, f"creating bucket {bucket}")


class Bucket(Protocol):
    """What evidence code needs of a bucket (EvidenceStore; an in-memory one in unit tests)."""

    bucket: str

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome: ...

    def get(self, key: str) -> bytes | None: ...

    def keys(self, prefix: str) -> list[str]: ...


class EvidenceStore:
    """Write-once puts, reads and listings in one bucket of an S3-compatible store."""

    def __init__(self, client: S3Client, bucket: str) -> None:
        self.client = client
        self.bucket = bucket

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome:
        """Store `data` at `key` unless something is already there (never replaced)."""
        try:
            self.client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=data,
                ContentType=content_type,
                IfNoneMatch="*",
            )
        except ClientError as exc:
            if _status(exc) in (409, 412):  # 409: a concurrent write of the same key won
                return PutOutcome.EXISTED
            _raise(exc, f"writing {key}")
        except BotoCoreError as exc:
            _raise(exc, f"writing {key}")
        return PutOutcome.CREATED

    def get(self, key: str) -> bytes | None:
        """The object's bytes, or None when there is no such key."""
        try:
            resp = self.client.get_object(Bucket=self.bucket, Key=key)
            body: bytes = resp["Body"].read()
        except ClientError as exc:
            if _status(exc) == 404:
                return None
            _raise(exc, f"reading {key}")
        except BotoCoreError as exc:
            _raise(exc, f"reading {key}")
        return body

    def keys(self, prefix: str) -> list[str]:
        """Every key under `prefix`, in key order."""
        found: list[str] = []
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=prefix
            )
            for page in pages:
                found.extend(obj["Key"] for obj in page.get("Contents", []) if "Key" in obj)
        except (ClientError, BotoCoreError) as exc:
            _raise(exc, f"listing {prefix}")
        return sorted(found)


def open_store(settings: Settings) -> EvidenceStore:
    """The evidence bucket of `settings`, created when missing."""
    client = s3_client(
        settings.object_store_url, resolve(settings), region=settings.object_store_region
    )
    ensure_bucket(client, settings.evidence_bucket)
    return EvidenceStore(client, settings.evidence_bucket)
