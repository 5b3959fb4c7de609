"""Apache Kafka in KRaft mode (one node is broker and controller), jars from Maven Central."""

from __future__ import annotations

import base64
import contextlib
import logging
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from netra.stack import process
from netra.stack.fetch import run_maven
from netra.stack.prereqs import java_binary
from netra.stack.service import Service, render
from netra.stack.settings import HostPort


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a client library's connection warnings while we poll a starting broker."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def new_cluster_id() -> str:
    """A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (22 characters)."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()


class Kafka(Service):
    name = "kafka"
    stop_grace = 30.0

    @property
    def address(self) -> HostPort:
        return self.settings.kafka

    @property
    def url(self) -> str:
        return self.settings.kafka_bootstrap

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

    def prepare(self) -> None:
        """Render server.properties and format the storage the first time only."""
        s = self.settings
        render(
            s.local_dir / "kafka-server.properties",
            self.dir / "server.properties",
            host=s.kafka.host,
            port=s.kafka.port,
            controller_port=s.kafka_controller_port,
            data_dir=self.data_dir,
        )
        (self.dir / "logs").mkdir(parents=True, exist_ok=True)
        # Copied, not referenced, so a running broker never depends on the checkout it came from.
        shutil.copyfile(s.local_dir / "kafka-log4j2.properties", self.dir / "log4j2.properties")
        if (self.data_dir / "meta.properties").exists():
            return
        id_file = self.dir / "cluster-id"
        if not id_file.exists():
            id_file.write_text(new_cluster_id())
        argv = [
            *self._java_argv(),
            "kafka.tools.StorageTool",
            "format",
            "--ignore-formatted",
            "-t",
            id_file.read_text().strip(),
            "-c",
            str(self.dir / "server.properties"),
        ]
        format_log = self.dir / "logs" / "format.out"
        pid = process.spawn(argv, cwd=self.dir, env=self.environment(), log_path=format_log)
        process.wait_group_gone(pid, 120.0)
        if not (self.data_dir / "meta.properties").exists():
            from netra.stack.errors import StackError

            raise StackError(
                f"Formatting Kafka storage in {self.data_dir} failed:\n"
                f"{format_log.read_text(errors='replace')[-2000:]}",
                f"Delete {self.dir} and run `netra stack up` again.",
            )

    def _java_argv(self) -> list[str]:
        heap = self.settings.kafka_heap
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

    def healthy(self) -> bool:
        """The broker answers a metadata request and lists itself."""
        if not process.port_open(self.address.host, self.address.port):
            return False
        from kafka import KafkaAdminClient

        with _quiet("kafka"):
            try:
                admin = KafkaAdminClient(
                    bootstrap_servers=self.url,
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
