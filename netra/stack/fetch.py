"""Downloads into the cache: Maven resolutions (with a live progress line) and zip extraction.

Everything lands under NETRA_CACHE (Maven's repository too), written to a temporary name and
renamed when complete, so an interrupted download is simply retried.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import stat
import subprocess
import threading
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from netra.stack.errors import StackError
from netra.stack.prereqs import maven

_DOWNLOADED = re.compile(r"Downloaded from \S+: (\S+)")


def _dir_size(path: Path) -> int:
    total = 0
    with contextlib.suppress(OSError):
        for p in path.rglob("*"):
            with contextlib.suppress(OSError):
                if p.is_file():
                    total += p.stat().st_size
    return total


@contextlib.contextmanager
def _progress(console: Console, label: str, watch: Path) -> Iterator[Progress]:
    """A spinner with bytes fetched so far, measured from the growing Maven repository."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    start = _dir_size(watch)
    task = progress.add_task(label, total=None)
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.5):
            progress.update(task, completed=max(0, _dir_size(watch) - start))

    thread = threading.Thread(target=poll, daemon=True)
    with progress:
        thread.start()
        try:
            yield progress
        finally:
            done.set()
            thread.join()


def run_maven(args: Sequence[str], repo: Path, console: Console, label: str) -> None:
    """Run mvn with the cache's repository; show progress; raise with Maven's own error lines."""
    repo.mkdir(parents=True, exist_ok=True)
    argv = [str(maven()), "-B", f"-Dmaven.repo.local={repo}", *args]
    lines: list[str] = []
    fetched = 0
    with _progress(console, label, repo) as progress:
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=repo
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            match = _DOWNLOADED.search(line)
            if match:
                fetched += 1
                name = match.group(1).rsplit("/", 1)[-1]
                progress.update(progress.task_ids[0], description=f"{label} ({fetched}: {name})")
        code = proc.wait()
    if code != 0:
        errors = [ln for ln in lines if "[ERROR]" in ln][:8] or lines[-8:]
        raise StackError(
            f"Maven failed while {label.lower()}:\n  " + "\n  ".join(errors),
            "Check that Maven Central (repo1.maven.org) is reachable, then run the command again.",
        )
    if fetched:
        console.print(f"  [dim]{label}: fetched {fetched} files into {repo}[/dim]")


def extract_zip(archive: Path, dest: Path) -> Path:
    """Unpack `archive` into `dest` (keeping executable bits) and return the single top folder."""
    tmp = dest.with_name(dest.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = Path(zf.extract(info, tmp))
            mode = (info.external_attr >> 16) & 0o777
            if mode and not info.is_dir():
                target.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    tops = [p for p in tmp.iterdir()]
    root = tops[0] if len(tops) == 1 and tops[0].is_dir() else tmp
    shutil.rmtree(dest, ignore_errors=True)
    root.rename(dest)
    shutil.rmtree(tmp, ignore_errors=True)
    return dest
