"""The compiled engine kept on disk: read back it decides as built, and any change is a rebuild."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from netra.sample import corpus_items
from neutrality import DataError, Engine
from neutrality.engine import default_pack_dir
from neutrality.enginecache import KEPT, inputs_digest
from schemas import Post

REPO_RULES = default_pack_dir().parent.parent


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """The shipped pack and catalogue, copied where a test may edit them."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO_RULES / "packs", rules / "packs")
    shutil.copytree(REPO_RULES / "catalogue", rules / "catalogue")
    return rules / "packs" / "core"


def _decisions(engine: Engine) -> list[str]:
    out = []
    for item in corpus_items():
        post = Post.model_validate(item["post"])
        decision = engine.decide(post)
        out.append(decision.model_dump_json(exclude={"decide_ms"}))
    return out


def test_an_engine_read_back_decides_every_corpus_item_as_the_one_built(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "compiled"
    Engine.load(compiled_dir=folder)  # built and kept
    (kept,) = list(folder.iterdir())
    read_back = Engine.load(compiled_dir=folder)
    assert list(folder.iterdir()) == [kept], "read, not built again"
    assert _decisions(read_back) == _decisions(engine)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_change_to_the_pack_the_catalogue_or_the_model_is_a_new_engine(pack_copy: Path) -> None:
    seen = {inputs_digest(pack_copy)}
    edits = [
        pack_copy / "lists.yaml",
        pack_copy.parent.parent / "catalogue" / "pemilu-2024.yaml",
        pack_copy / "model.json",
    ]
    for path in edits:
        path.write_bytes(path.read_bytes() + b"\n")
        digest = inputs_digest(pack_copy)
        assert digest not in seen, path.name
        seen.add(digest)


def test_an_unreadable_compiled_engine_is_built_again(pack_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir(mode=0o700)
    path = folder / f"{inputs_digest(pack_copy)}.engine"
    path.write_bytes(b"not a pickle")
    engine = Engine.load(pack_copy, compiled_dir=folder)
    assert engine.rules
    assert path.read_bytes() != b"not a pickle"
    assert Engine.load(pack_copy, compiled_dir=folder).pack_version == engine.pack_version


def test_a_broken_pack_is_an_error_never_a_kept_engine(pack_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    (pack_copy / "lists.yaml").write_text("not: [valid", encoding="utf-8")
    with pytest.raises(DataError):
        Engine.load(pack_copy, compiled_dir=folder)
    assert not folder.exists() or not list(folder.glob("*.engine"))


def test_only_the_newest_engines_are_kept(pack_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir(mode=0o700)
    for n in range(KEPT + 2):
        (folder / f"old{n}.engine").write_bytes(b"x")
    Engine.load(pack_copy, compiled_dir=folder)
    kept = list(folder.glob("*.engine"))
    assert len(kept) == KEPT
    assert folder / f"{inputs_digest(pack_copy)}.engine" in kept


def test_a_manifest_that_does_not_parse_is_the_builds_error_with_its_line(
    pack_copy: Path, tmp_path: Path
) -> None:
    (pack_copy / "pack.yaml").write_text("version: [1\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Engine.load(pack_copy, compiled_dir=tmp_path / "compiled")
    assert "pack.yaml" in str(raised.value)


def test_an_engine_compiled_by_another_process_decides_as_one_built_here(
    engine: Engine, tmp_path: Path
) -> None:
    """Workers read what another process compiled, under another hash seed: sets and dicts are
    rebuilt as they are read, so nothing may depend on the order or hashes of the builder."""
    folder = tmp_path / "compiled"
    code = "import sys; from pathlib import Path; from neutrality import Engine; "
    code += "Engine.load(compiled_dir=Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, env=env)
    assert len(list(folder.glob("*.engine"))) == 1
    assert _decisions(Engine.load(compiled_dir=folder)) == _decisions(engine)
