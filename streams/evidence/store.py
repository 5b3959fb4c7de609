"""The evidence bucket on an S3-compatible object store, every object written once.

A write carries `If-None-Match: *`: the store refuses it (412) when the key exists, so no
capture, retry or second worker can replace an artefact or a custody entry that is already
kept. Keys of artefacts end in their SHA-256, so a retry that rendered the same bytes finds
them kept and one that rendered other bytes adds a new object beside them; either way nothing
is overwritten. An unreachable store raises ObjectStoreUnavailableError, which the capture
agent waits out without acknowledging anything.

Write-once by condition binds Netra, not whoever holds the bucket's keys: they could write over
a whole custody chain from entry 0. So a bucket Netra makes has object lock with a default
COMPLIANCE retention: every object is versioned and each version locked for
`NETRA_EVIDENCE_RETENTION_DAYS`, so an overwrite or a delete adds a version or a delete marker
beside the kept one, never removes it, and `versions` lets the verifier show both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn, Protocol

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from schemas.evidence import Artefact
from streams.evidence.credentials import ObjectStoreCredentials, resolve
from streams.evidence.outcome import (
    ObjectStoreRefusedError,
    ObjectStoreUnavailableError,
    PutOutcome,
)
from streams.evidence.putter import ObjectPutter
from streams.evidence.sigv4 import SigningKeys
from streams.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def s3_client(
    url: str,
    credentials: ObjectStoreCredentials,
    region: str = "us-east-1",
    pool: int = 16,
    ca_file: str | None = None,
) -> S3Client:
    """A client with short timeouts and no retries of its own: callers decide how to retry."""
    client: S3Client = boto3.client(
        "s3",
        endpoint_url=url,
        region_name=region,
        verify=ca_file if ca_file else True,
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


def ensure_bucket(client: S3Client, bucket: str, retention_days: int) -> bool:
    """Create the bucket unless it exists (idempotent; two creators racing is fine), with object
    lock and a default COMPLIANCE retention of `retention_days`; whether the bucket is locked (a
    bucket made before without object lock stays as it was: S3 cannot add lock to it)."""
    try:
        client.head_bucket(Bucket=bucket)
    except ClientError as exc:
        if _status(exc) != 404:
            _raise(exc, f"access to bucket {bucket}")
        _create_locked(client, bucket)
    except BotoCoreError as exc:
        _raise(exc, f"access to bucket {bucket}")
    return _lock_by_default(client, bucket, retention_days)


def _create_locked(client: S3Client, bucket: str) -> None:
    try:
        client.create_bucket(Bucket=bucket, ObjectLockEnabledForBucket=True)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            _raise(exc, f"creating bucket {bucket}")
    except BotoCoreError as exc:
        _raise(exc, f"creating bucket {bucket}")


def _lock_by_default(client: S3Client, bucket: str, retention_days: int) -> bool:
    """Set the bucket's default retention when it has object lock; False when it has none."""
    try:
        found = client.get_object_lock_configuration(Bucket=bucket)
    except ClientError as exc:
        if _status(exc) == 404 or "ObjectLockConfigurationNotFound" in str(exc):
            log.error(
                "evidence bucket %s has no object lock: whoever holds its keys could write over "
                "evidence; use a bucket Netra creates (NETRA_EVIDENCE_BUCKET)",
                bucket,
            )
            return False
        _raise(exc, f"reading the object lock of bucket {bucket}")
    except BotoCoreError as exc:
        _raise(exc, f"reading the object lock of bucket {bucket}")
    rule = found.get("ObjectLockConfiguration", {}).get("Rule", {}).get("DefaultRetention", {})
    if rule.get("Mode") == "COMPLIANCE" and rule.get("Days") == retention_days:
        return True
    try:
        client.put_object_lock_configuration(
            Bucket=bucket,
            ObjectLockConfiguration={
                "ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": retention_days}},
            },
        )
    except (ClientError, BotoCoreError) as exc:
        _raise(exc, f"setting the default retention of bucket {bucket}")
    return True


@dataclass(frozen=True)
class KeyHistory:
    """Every version the store keeps of one key: how many were written, how many deletes hide
    them, and the first one written (the one Netra wrote, when it was not written over)."""

    key: str
    versions: int
    delete_markers: int
    first_version: str | None

    @property
    def untouched(self) -> bool:
        return self.versions <= 1 and self.delete_markers == 0


class Bucket(Protocol):
    """What evidence code needs of a bucket (EvidenceStore; an in-memory one in unit tests)."""

    bucket: str
    locked: bool

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome: ...

    def get(self, key: str) -> bytes | None: ...

    def keys(self, prefix: str) -> list[str]: ...

    def histories(self, prefix: str) -> dict[str, KeyHistory]: ...


def artefact_bytes(store: Bucket, artefact: Artefact) -> bytes | None:
    """An artefact's bytes: from the record when kept there, else its object (None: missing).
    ValueError when the record's copy is not base64."""
    inline = artefact.inline_bytes()
    return inline if inline is not None else store.get(artefact.key)


class EvidenceStore:
    """Write-once puts, reads and listings in one bucket of an S3-compatible store."""

    def __init__(self, client: S3Client, putter: ObjectPutter, *, locked: bool = True) -> None:
        self.client = client
        self.putter = putter  # writes: signed here, one round trip (streams.evidence.putter)
        self.bucket = putter.bucket
        self.locked = locked  # object lock keeps every version (see the module's docstring)

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome:
        """Store `data` at `key` unless something is already there (never replaced)."""
        return self.putter.put_once(key, data, content_type)

    def get(self, key: str) -> bytes | None:
        """The object's bytes, or None when there is no such key."""
        return self._read(key, None)

    def _read(self, key: str, version_id: str | None) -> bytes | None:
        what = f"{key} version {version_id}" if version_id else key
        try:
            resp = (
                self.client.get_object(Bucket=self.bucket, Key=key, VersionId=version_id)
                if version_id
                else self.client.get_object(Bucket=self.bucket, Key=key)
            )
            body: bytes = resp["Body"].read()
        except ClientError as exc:
            if _status(exc) == 404:
                return None
            _raise(exc, f"reading {what}")
        except BotoCoreError as exc:
            _raise(exc, f"reading {what}")
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

    def histories(self, prefix: str) -> dict[str, KeyHistory]:
        """The version history of every key under `prefix` (deleted ones included)."""
        seen: dict[str, list[str]] = {}  # version ids, newest first (the order S3 lists them)
        markers: dict[str, int] = {}
        try:
            pages = self.client.get_paginator("list_object_versions").paginate(
                Bucket=self.bucket, Prefix=prefix
            )
            for page in pages:
                for version in page.get("Versions", []):
                    key = version.get("Key", "")
                    seen.setdefault(key, []).append(version.get("VersionId", ""))
                for marker in page.get("DeleteMarkers", []):
                    key = marker.get("Key", "")
                    markers[key] = markers.get(key, 0) + 1
        except (ClientError, BotoCoreError) as exc:
            _raise(exc, f"listing the versions under {prefix}")
        return {
            key: KeyHistory(
                key,
                len(seen.get(key, [])),
                markers.get(key, 0),
                seen[key][-1] if seen.get(key) else None,
            )
            for key in sorted(set(seen) | set(markers))
        }

    def get_version(self, key: str, version_id: str) -> bytes | None:
        """The bytes of one kept version of `key` (see `histories`)."""
        return self._read(key, version_id)


def open_store(settings: Settings) -> EvidenceStore:
    """The evidence bucket of `settings`, created (locked) when missing."""
    credentials = resolve(settings)
    ca_file = str(settings.object_store_ca_cert) if settings.object_store_ca_cert else None
    client = s3_client(
        settings.object_store_url,
        credentials,
        region=settings.object_store_region,
        ca_file=ca_file,
    )
    locked = ensure_bucket(client, settings.evidence_bucket, settings.evidence_retention_days)
    keys = SigningKeys(
        credentials.access_key,
        credentials.secret_key.get_secret_value(),
        settings.object_store_region,
    )
    putter = ObjectPutter(
        settings.object_store_url, settings.evidence_bucket, keys, ca_file=ca_file
    )
    return EvidenceStore(client, putter, locked=locked)
