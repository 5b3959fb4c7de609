"""Rule-pack hot reload: a worker swaps in a changed pack without a restart.

The pack folder and its catalogue are fingerprinted (file names, sizes, mtimes); when the
fingerprint changes the new pack is loaded off the event loop and swapped in only if it loads
cleanly, so a broken edit never stops judging: the worker keeps the last good pack and says why.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from neutrality import Engine
from neutrality.engine import default_pack_dir
from streams import metrics

log = logging.getLogger(__name__)


PACK_SUFFIXES = frozenset({".yaml", ".yml", ".json"})  # rules, lists, catalogue, the model


def fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in PACK_SUFFIXES)
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


class EngineHolder:
    """Holds the current engine; agents read `.engine` per event, reloads replace it whole."""

    def __init__(self, pack_dir: Path | None, compiled_dir: Path | None = None) -> None:
        self.pack_dir = pack_dir
        self.compiled_dir = compiled_dir  # where compiled engines are kept (enginecache)
        self.engine = self._load()
        self._seen = self._fingerprint()
        self._announce()

    def _load(self) -> Engine:
        return Engine.load(self.pack_dir, compiled_dir=self.compiled_dir)

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """The pack and the catalogue it reads: a new election is a data change too."""
        folder = self.pack_dir if self.pack_dir is not None else default_pack_dir()
        return fingerprint(folder) + fingerprint(self.engine.pack.catalogue_dir)

    def _announce(self) -> None:
        metrics.RULE_PACK.info({"version": self.engine.pack_version})

    async def reload_if_changed(self) -> bool:
        """Reload when the pack changed on disk; keep the old engine if the new one is broken."""
        current = await asyncio.to_thread(self._fingerprint)
        if current == self._seen:
            return False
        self._seen = current
        try:
            engine = await asyncio.to_thread(self._load)
        except Exception as exc:  # a broken edit must not stop judging
            metrics.RULE_PACK_RELOADS.labels(result="failed").inc()
            log.error("rule pack not reloaded, keeping %s: %s", self.engine.pack_version, exc)
            return False
        old, self.engine = self.engine.pack_version, engine
        metrics.RULE_PACK_RELOADS.labels(result="loaded").inc()
        self._announce()
        log.info("rule pack reloaded: %s -> %s", old, engine.pack_version)
        return True
