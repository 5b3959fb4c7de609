"""Elasticsearch 9 (the integ-test-zip from Maven Central) on Temurin, as an unprivileged user.

Elasticsearch refuses to run as root, so when Netra runs as root it creates a system user
(NETRA_ES_USER, default `netra`), hands it the service's state folder and makes sure it can
reach the cached install.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path

from netra.stack.errors import StackError
from netra.stack.fetch import extract_zip, run_maven
from netra.stack.prereqs import es_java
from netra.stack.service import Service, http_ok, render
from netra.stack.settings import HostPort

ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"


def ensure_system_user(name: str) -> None:
    """Create a no-login system user (and group) `name` unless it exists."""
    try:
        pwd.getpwnam(name)
        return
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    result = subprocess.run(
        [
            useradd,
            "--system",
            "--user-group",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            name,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise StackError(
            f"Could not create the system user {name!r} for Elasticsearch: {result.stderr.strip()}",
            f"Create it yourself (useradd --system --user-group {name}) or set NETRA_ES_USER.",
        )


def grant_traversal(path: Path, uid: int) -> list[Path]:
    """Let user `uid` reach `path`: add o+x to ancestors it cannot enter. Returns those changed."""
    changed = []
    for folder in [path, *path.parents]:
        st = folder.stat()
        if st.st_uid == uid:
            continue
        if not st.st_mode & stat.S_IXOTH:
            folder.chmod(st.st_mode | stat.S_IXOTH)
            changed.append(folder)
    return changed


def chown_tree(path: Path, uid: int, gid: int) -> None:
    """Give `path` and everything under it to uid:gid."""
    for root, dirs, files in os.walk(path):
        os.chown(root, uid, gid)
        for name in dirs + files:
            os.lchown(Path(root) / name, uid, gid)


class Elasticsearch(Service):
    name = "elasticsearch"
    stop_grace = 45.0

    @property
    def address(self) -> HostPort:
        return self.settings.elasticsearch

    @property
    def url(self) -> str:
        return self.settings.es_url

    @property
    def home(self) -> Path:
        return self.settings.cache_dir / f"elasticsearch-{self.settings.es_version}"

    @property
    def conf_dir(self) -> Path:
        return self.dir / "config"

    @property
    def log_file(self) -> Path:
        return self.dir / "logs" / "netra-local.log"

    def run_as(self) -> str | None:
        return self.settings.es_user if os.geteuid() == 0 else None

    def install(self) -> None:
        """Fetch the zip through Maven (cached in NETRA_CACHE/m2) and unpack it once."""
        es_java(self.settings.es_java_home)
        if (self.home / "bin" / "elasticsearch").exists():
            return
        version = self.settings.es_version
        run_maven(
            [
                "dependency:get",
                f"-Dartifact={ARTIFACT.format(version=version)}",
                "-Dtransitive=false",
            ],
            self.settings.maven_repo,
            self.console,
            f"Fetching Elasticsearch {version}",
        )
        archive = (
            self.settings.maven_repo
            / "org/elasticsearch/distribution/integ-test-zip/elasticsearch"
            / version
            / f"elasticsearch-{version}.zip"
        )
        if not archive.exists():
            raise StackError(f"Maven reported success but {archive} is missing.", "Run again.")
        extract_zip(archive, self.home)

    def prepare(self) -> None:
        """Copy the distribution's config once per version, render ours, fix ownership."""
        s = self.settings
        stamp = self.conf_dir / ".netra-es-version"
        if not stamp.exists() or stamp.read_text() != s.es_version:
            shutil.rmtree(self.conf_dir, ignore_errors=True)
            shutil.copytree(self.home / "config", self.conf_dir)
            stamp.write_text(s.es_version)
        for sub in ("data", "logs", "tmp"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        render(
            s.local_dir / "elasticsearch.yml",
            self.conf_dir / "elasticsearch.yml",
            host=s.elasticsearch.host,
            port=s.elasticsearch.port,
            transport_port=s.elasticsearch.port + 100,
            data_dir=self.dir / "data",
            logs_dir=self.dir / "logs",
        )
        render(
            s.local_dir / "elasticsearch-jvm.options",
            self.conf_dir / "jvm.options.d" / "netra.options",
            heap=s.es_heap,
        )
        user = self.run_as()
        if user is None:
            return
        ensure_system_user(user)
        entry = pwd.getpwnam(user)
        chown_tree(self.dir, entry.pw_uid, grp.getgrnam(user).gr_gid)
        changed = grant_traversal(self.home, entry.pw_uid) + grant_traversal(self.dir, entry.pw_uid)
        if changed:
            self.console.print(
                f"  [dim]let user {user} enter {', '.join(map(str, changed))} (o+x) "
                "so Elasticsearch can read its files[/dim]"
            )

    def environment(self) -> dict[str, str]:
        env = super().environment()
        env.update(
            ES_JAVA_HOME=str(self.settings.es_java_home),
            ES_PATH_CONF=str(self.conf_dir),
            ES_TMPDIR=str(self.dir / "tmp"),
            HOME=str(self.dir),
        )
        return env

    def command(self) -> list[str]:
        return [str(self.home / "bin" / "elasticsearch")]

    def healthy(self) -> bool:
        """The integ-test distribution has no `GET /`: cluster health yellow or green is ready."""
        body = http_ok(f"{self.url}/_cluster/health?timeout=1s")
        if body is None:
            return False
        try:
            return json.loads(body).get("status") in ("green", "yellow")
        except ValueError:
            return False
