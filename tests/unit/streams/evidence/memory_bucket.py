"""An in-memory bucket with the store's write-once rule, for unit tests of pure logic."""

from __future__ import annotations

from streams.evidence.store import PutOutcome


class MemoryBucket:
    bucket = "memory"

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome:
        if key in self.objects:
            return PutOutcome.EXISTED
        self.objects[key] = data
        return PutOutcome.CREATED

    def get(self, key: str) -> bytes | None:
        return self.objects.get(key)

    def keys(self, prefix: str) -> list[str]:
        return sorted(k for k in self.objects if k.startswith(prefix))
