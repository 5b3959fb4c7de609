"""A compiled engine kept on disk, so that a worker or a command starts without building it.

Building the engine (parsing the pack and the catalogue, spelling every name's variants,
compiling the automata and the model's tables) takes over a second, and every worker and every
`netra` command that judges paid it at start; unpickling the engine built before takes about a
third of that. The file is named by a digest of everything the build reads or that shapes the
objects kept: the pack's folder, the catalogue and the model it names, the source of the
`neutrality` and `schemas` packages, and the versions of Python and pyahocorasick. A change to
any of them is a new name, so a stale engine is never read; nothing else decides a reuse.

The folder is private to the user (the file is code to the unpickler, like the virtualenv's
own modules), a file is written under a temporary name and renamed into place (two processes
building at once each write a whole file), and any file that cannot be read is built again.
Only the newest few files are kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from neutrality.engine import Engine

log = logging.getLogger(__name__)
KEPT = 4  # engines kept in the folder (a pack being edited, the one shipped, a test's)
_SUFFIX = ".engine"
_CODE = tuple(Path(__file__).resolve().parent.parent / name for name in ("neutrality", "schemas"))


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "none"


def inputs_digest(pack_dir: Path) -> str:
    """The digest of what an engine built from `pack_dir` depends on (see the module)."""
    pack_dir = pack_dir.resolve()
    manifest = yaml.safe_load((pack_dir / "pack.yaml").read_text(encoding="utf-8")) or {}
    folders = [pack_dir]
    catalogue = manifest.get("catalogue") if isinstance(manifest, dict) else None
    if isinstance(catalogue, str):
        folders.append((pack_dir / catalogue).resolve())
    singles: list[Path] = []
    model = manifest.get("model") if isinstance(manifest, dict) else None
    if isinstance(model, str):
        singles.append((pack_dir / model).resolve())
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{_library_version('pyahocorasick')}".encode())
    paths = [p for folder in folders for p in _files(folder)]
    paths += [p for p in singles if p.is_file()]
    paths += [p for folder in _CODE for p in _files(folder)]
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def load_or_build(pack_dir: Path, folder: Path, build: Callable[[], Engine]) -> Engine:
    """The engine built from `pack_dir`, read from `folder` when built before, else built by
    `build` and kept there. A build's errors (a broken pack) are raised as they are: a pack
    whose inputs cannot even be read for the digest is built, and fails there, with file and
    line."""
    try:
        path = folder / f"{inputs_digest(pack_dir)}{_SUFFIX}"
    except (OSError, yaml.YAMLError):
        return build()
    if path.is_file():
        try:
            with path.open("rb") as f:
                engine: Engine = pickle.load(f)  # our own file, in a private folder
            return engine
        except Exception as exc:  # a truncated or foreign file: build again
            log.warning("compiled engine %s unreadable (%s); building it again", path, exc)
    engine = build()
    try:
        _keep(engine, folder, path)
    except OSError as exc:  # a read-only home: the engine still works, it is only not kept
        log.warning("compiled engine not kept in %s: %s", folder, exc)
    return engine


def _keep(engine: Engine, folder: Path, path: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    fd, temporary = tempfile.mkstemp(dir=folder, suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(engine, f, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    older = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in older[KEPT:]:
        stale.unlink(missing_ok=True)
