"""Apache Kafka in KRaft mode (one node is broker and controller), jars from Maven Central."""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import shutil
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from netra.stack import process
from netra.stack.errors import StackError
from netra.stack.fetch import run_maven
from netra.stack.prereqs import java_binary
from netra.stack.service import Service, render
from netra.stack.settings import HostPort


@contextlib.contextmanager
def quiet(logger_name: str) -> Iterator[None]:
    """Silence a client library's connection warnings while we poll a starting broker."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def argfile_line(arg: str) -> str:
    """One argument of a java @argfile, quoted so that spaces and backslashes survive."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_cluster_id() -> str:
    """A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (22 characters).

    One id in 64 would begin with "-", which a command line reads as an option (the storage
    tool then stops with "expected one argument"); Kafka's own random ids skip those, and so
    does this.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


class Kafka(Service):
    name = "kafka"
    stop_grace = 30.0

    #: The server.properties template in deploy/local.
    template = "kafka-server.properties"

    @property
    def address(self) -> HostPort:
        return self.settings.kafka

    @property
    def controller_port(self) -> int:
        return self.settings.kafka_controller_port

    @property
    def heap(self) -> str:
        return self.settings.kafka_heap

    @property
    def url(self) -> str:
        return str(self.address)

    @property
    def home(self) -> Path:
        return self.settings.cache_dir / f"kafka-{self.settings.kafka_version}"

    @property
    def libs(self) -> Path:
        return self.home / "libs"

    @property
    def data_dir(self) -> Path:
        return self.dir / "data"

    @property
    def log_file(self) -> Path:
        return self.dir / "logs" / "server.log"

    def java(self) -> Path:
        return java_binary(self.settings.java_home, 17, f"Kafka {self.settings.kafka_version}")

    def install(self) -> None:
        """Resolve kafka_2.13 and its runtime jars once per version into the cache."""
        self.java()
        marker = self.home / ".complete"
        if marker.exists():
            return
        partial = self.home / "libs.partial"
        shutil.rmtree(partial, ignore_errors=True)
        run_maven(
            [
                "-f",
                str(self.settings.local_dir / "pom.xml"),
                "dependency:copy-dependencies",
                f"-Dkafka.version={self.settings.kafka_version}",
                f"-DoutputDirectory={partial}",
                "-DincludeScope=runtime",
            ],
            self.settings.maven_repo,
            self.console,
            f"Fetching Kafka {self.settings.kafka_version}",
        )
        shutil.rmtree(self.libs, ignore_errors=True)
        partial.rename(self.libs)
        marker.write_text(self.settings.kafka_version)

    def template_values(self) -> dict[str, object]:
        """The $placeholders of the template."""
        return {
            "host": self.address.host,
            "port": self.address.port,
            "controller_port": self.controller_port,
            "data_dir": self.data_dir,
        }

    def storage_args(self) -> list[str]:
        """Extra arguments of `StorageTool format` (the secure broker's SCRAM users)."""
        return []

    def prepare(self) -> None:
        """Render server.properties and format the storage the first time only."""
        s = self.settings
        values = self.template_values()
        render(s.local_dir / self.template, self.dir / "server.properties", **values)
        (self.dir / "logs").mkdir(parents=True, exist_ok=True)
        # Copied, not referenced, so a running broker never depends on the checkout it came from.
        shutil.copyfile(s.local_dir / "kafka-log4j2.properties", self.dir / "log4j2.properties")
        if (self.data_dir / "meta.properties").exists():
            return
        id_file = self.dir / "cluster-id"
        if not id_file.exists():
            id_file.write_text(new_cluster_id())
        self._format(
            [
                "kafka.tools.StorageTool",
                "format",
                "--ignore-formatted",
                # Joined to its flag, so an id kept from before that begins with "-" is still
                # read as the value it is.
                f"--cluster-id={id_file.read_text().strip()}",
                "-c",
                str(self.dir / "server.properties"),
                *self.storage_args(),
            ]
        )

    def _format(self, tool_args: Sequence[str]) -> None:
        """Run the storage formatter with its arguments in a private @argfile: they may carry
        passwords, which must not show in the process list."""
        argfile = self.dir / "format.args"
        argfile.unlink(missing_ok=True)
        fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write("\n".join(argfile_line(a) for a in tool_args) + "\n")
        format_log = self.dir / "logs" / "format.out"
        try:
            argv = [*self._java_argv(), f"@{argfile}"]
            pid = process.spawn(argv, cwd=self.dir, env=self.environment(), log_path=format_log)
            process.wait_group_gone(pid, 120.0)
        finally:
            argfile.unlink(missing_ok=True)
        if not (self.data_dir / "meta.properties").exists():
            raise StackError(
                f"Formatting Kafka storage in {self.data_dir} failed:\n"
                f"{format_log.read_text(errors='replace')[-2000:]}",
                f"Delete {self.dir} and run `netra stack up` again.",
            )

    def _java_argv(self) -> list[str]:
        heap = self.heap
        return [
            str(self.java()),
            f"-Xms{heap}",
            f"-Xmx{heap}",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            f"-Dkafka.logs.dir={self.dir / 'logs'}",
            f"-Dlog4j2.configurationFile={self.dir / 'log4j2.properties'}",
            "-cp",
            f"{self.libs}/*",
        ]

    def command(self) -> list[str]:
        return [*self._java_argv(), "kafka.Kafka", str(self.dir / "server.properties")]

    def admin_kwargs(self) -> dict[str, Any] | None:
        """How the stack's own admin client connects; None when it cannot yet."""
        return {}

    def healthy(self) -> bool:
        """The broker answers a metadata request and lists itself."""
        if not process.port_open(self.address.host, self.address.port):
            return False
        kwargs = self.admin_kwargs()
        if kwargs is None:
            return False
        from kafka import KafkaAdminClient

        with quiet("kafka"):
            try:
                admin = KafkaAdminClient(
                    bootstrap_servers=self.url,
                    **kwargs,
                    request_timeout_ms=3000,
                    bootstrap_timeout_ms=3000,
                    client_id="netra-stack-health",
                )
            except Exception:
                return False
            try:
                cluster = admin.describe_cluster()
                return bool(cluster.get("brokers"))
            except Exception:
                return False
            finally:
                admin.close()
