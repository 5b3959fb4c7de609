"""State folders are private to the user that runs the service, however they came to exist."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from streams.settings import PRIVATE, private_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_folder_is_private_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        made = private_dir(tmp_path / "state" / "kafka")
    finally:
        os.umask(old)
    assert _mode(made) == PRIVATE


def test_an_existing_open_folder_is_closed(tmp_path: Path) -> None:
    folder = tmp_path / "faust"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / "offsets").write_text("nip 198501152010011001")
    private_dir(folder)
    assert _mode(folder) == PRIVATE
    assert (folder / "offsets").read_text().startswith("nip")  # contents untouched
