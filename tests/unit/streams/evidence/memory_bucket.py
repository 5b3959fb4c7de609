"""An in-memory bucket with the store's write-once rule, for unit tests of pure logic."""

from __future__ import annotations

from streams.evidence.outcome import PutOutcome
from streams.evidence.store import KeyHistory


class MemoryBucket:
    """Keeps every version like a bucket with object lock: `overwrite` and `delete` (what a
    holder of the bucket's keys can do) add a version or a delete marker beside the kept ones."""

    bucket = "memory"
    locked = True

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}
        self.older: dict[str, list[bytes]] = {}
        self.deleted: dict[str, int] = {}

    def overwrite(self, key: str, data: bytes) -> None:
        if key in self.objects:
            self.older.setdefault(key, []).append(self.objects[key])
        self.objects[key] = data

    def delete(self, key: str) -> None:
        self.older.setdefault(key, []).append(self.objects.pop(key))
        self.deleted[key] = self.deleted.get(key, 0) + 1

    def put_once(self, key: str, data: bytes, content_type: str) -> PutOutcome:
        if key in self.objects:
            return PutOutcome.EXISTED
        self.objects[key] = data
        return PutOutcome.CREATED

    def get(self, key: str) -> bytes | None:
        return self.objects.get(key)

    def keys(self, prefix: str) -> list[str]:
        return sorted(k for k in self.objects if k.startswith(prefix))

    def histories(self, prefix: str) -> dict[str, KeyHistory]:
        keys = {k for k in [*self.objects, *self.older] if k.startswith(prefix)}
        return {
            k: KeyHistory(
                k,
                len(self.older.get(k, [])) + (k in self.objects),
                self.deleted.get(k, 0),
                "v0",
            )
            for k in sorted(keys)
        }
