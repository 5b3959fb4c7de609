"""What a request to the object store can come to, whichever client sent it.

The capture agent waits out `ObjectStoreUnavailableError` without acknowledging anything; a
refusal is a deployment's mistake (credentials, bucket, permissions) that waiting will not fix.
"""

from __future__ import annotations

from enum import StrEnum


class PutOutcome(StrEnum):
    CREATED = "created"
    EXISTED = "existed"  # the key was already written: the store refused to replace it


class ObjectStoreUnavailableError(RuntimeError):
    """The store did not answer, or answered with a server error: try again later."""


class ObjectStoreRefusedError(RuntimeError):
    """The store refused the request itself (credentials, bucket, permissions)."""
