"""Typed settings for the local stack, read from NETRA_* environment variables with safe defaults.

Defaults use ports in the 29xxx range so they do not clash with a Kafka (9092), Elasticsearch
(9200) or Prometheus (9090) the user may already run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError

from netra.stack.errors import StackError
from streams.settings import Settings, env_names

KAFKA_VERSION = "4.4.0"
ES_VERSION = "9.2.0"
#: SeaweedFS as the Go module proxy serves it (its releases are not semver tags, so the proxy
#: names a commit); built once into the cache by `netra stack up`.
SEAWEEDFS_VERSION = "v0.0.0-20261109003541-7506e5f91cd6"
DEFAULT_ES_JAVA_HOME = Path("/usr/lib/jvm/temurin-25-jdk-amd64")


@dataclass(frozen=True)
class HostPort:
    """A host and a TCP port, parsed from "host:port" or from a URL."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def parse_host_port(value: str, name: str) -> HostPort:
    """Parse "host:port" or "http://host:port"; the error names the variable that was wrong."""
    text = value.strip()
    parts = urlsplit(text if "://" in text else f"tcp://{text}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None or not 0 < port < 65536:
        raise StackError(
            f"{name}={value!r} is not a host and port.",
            f"Use a value like 127.0.0.1:29092 (or http://127.0.0.1:29200 for URLs) for {name}.",
        )
    return HostPort(parts.hostname, port)


def _heap(value: str, name: str) -> str:
    if not (value[:-1].isdigit() and value[-1:].lower() in ("m", "g")):
        raise StackError(
            f"{name}={value!r} is not a JVM heap size.", f"Use e.g. {name}=512m or 1g."
        )
    return value


def _settings(env: Mapping[str, str] | None) -> Settings:
    """Netra's settings from `env` (this process's environment unless given), with a bad value
    reported by the variable that holds it."""
    try:
        return Settings() if env is None else Settings.from_env(env)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        name = field if field.startswith(("NETRA_", "JAVA_")) else env_names(field)[0]
        raise StackError(
            f"{name}={first.get('input')!r} is not valid: {first['msg']}.",
            f"Fix {name} (see `netra config`).",
        ) from None


@dataclass(frozen=True)
class StackSettings:
    """Where the stack lives, what it runs and on which ports."""

    cache_dir: Path
    state_dir: Path
    deploy_dir: Path
    kafka: HostPort
    kafka_controller_port: int
    elasticsearch: HostPort
    prometheus: HostPort
    alertmanager: HostPort
    #: The SASL_SSL broker of `netra stack up --secure`, beside the plain one on its own ports.
    kafka_secure: HostPort = HostPort("127.0.0.1", 29095)
    kafka_secure_controller_port: int = 29096
    #: The S3 endpoint of the local object store (SeaweedFS); its master, volume and filer
    #: listen on the next three ports.
    objectstore: HostPort = HostPort("127.0.0.1", 29333)
    seaweedfs_version: str = SEAWEEDFS_VERSION
    kafka_version: str = KAFKA_VERSION
    es_version: str = ES_VERSION
    kafka_heap: str = "512m"
    kafka_secure_heap: str = "256m"
    es_heap: str = "512m"
    java_home: Path | None = None
    es_java_home: Path = DEFAULT_ES_JAVA_HOME
    es_user: str = "netra"
    scrape_interval: str = "5s"
    health_timeout: float = 240.0
    #: The review desk's base URL (NETRA_DESK_URL): Prometheus's external label netra_desk_url,
    #: which the alerts' desk links are built on.
    desk_url: str = "http://127.0.0.1:8765"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StackSettings:
        """The stack's settings from Netra's one settings surface (streams.settings.Settings),
        read from this process's environment unless `env` is given; every value validated."""
        s = _settings(env)
        kafka = parse_host_port(s.kafka_bootstrap, "NETRA_KAFKA_BOOTSTRAP")
        kafka_secure = parse_host_port(s.kafka_secure_bootstrap, "NETRA_KAFKA_SECURE_BOOTSTRAP")
        return cls(
            cache_dir=s.cache_dir.expanduser().resolve(),
            state_dir=s.state_dir.expanduser().resolve(),
            deploy_dir=s.deploy_dir.resolve(),
            kafka=kafka,
            kafka_controller_port=s.kafka_controller_port or kafka.port + 1,
            kafka_secure=kafka_secure,
            kafka_secure_controller_port=s.kafka_secure_controller_port or kafka_secure.port + 1,
            elasticsearch=parse_host_port(s.es_url, "NETRA_ES_URL"),
            prometheus=parse_host_port(s.prometheus_url, "NETRA_PROMETHEUS_URL"),
            alertmanager=parse_host_port(s.alertmanager_url, "NETRA_ALERTMANAGER_URL"),
            objectstore=parse_host_port(s.object_store_url, "NETRA_OBJECT_STORE_URL"),
            seaweedfs_version=s.seaweedfs_version or SEAWEEDFS_VERSION,
            kafka_version=s.kafka_version or KAFKA_VERSION,
            es_version=s.es_version or ES_VERSION,
            kafka_heap=_heap(s.kafka_heap, "NETRA_KAFKA_HEAP"),
            kafka_secure_heap=_heap(s.kafka_secure_heap, "NETRA_KAFKA_SECURE_HEAP"),
            es_heap=_heap(s.es_heap, "NETRA_ES_HEAP"),
            java_home=s.java_home,
            es_java_home=s.es_java_home or DEFAULT_ES_JAVA_HOME,
            es_user=s.es_user,
            scrape_interval=s.scrape_interval,
            health_timeout=s.stack_timeout,
            desk_url=s.desk_url.rstrip("/"),
        )

    @property
    def kafka_bootstrap(self) -> str:
        """The bootstrap address clients use (NETRA_KAFKA_BOOTSTRAP)."""
        return str(self.kafka)

    @property
    def es_url(self) -> str:
        return f"http://{self.elasticsearch}"

    @property
    def prometheus_url(self) -> str:
        return f"http://{self.prometheus}"

    @property
    def alertmanager_url(self) -> str:
        return f"http://{self.alertmanager}"

    @property
    def objectstore_url(self) -> str:
        """The S3 endpoint clients use (NETRA_OBJECT_STORE_URL)."""
        return f"http://{self.objectstore}"

    @property
    def local_dir(self) -> Path:
        """Templates for the local services (deploy/local)."""
        return self.deploy_dir / "local"

    @property
    def rules_glob(self) -> str:
        """Alert rules Prometheus loads; the glob may match nothing."""
        return str(self.deploy_dir / "prometheus" / "*.rules.yml")

    @property
    def maven_repo(self) -> Path:
        """Maven's local repository, kept inside the cache so the cache is one folder."""
        return self.cache_dir / "m2"

    @property
    def targets_dir(self) -> Path:
        """Prometheus file_sd folder where workers register themselves."""
        return self.state_dir / "prometheus" / "targets"

    def as_env(self) -> dict[str, str]:
        """The client-facing variables, for child processes and docs."""
        return {
            "NETRA_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
            "NETRA_ES_URL": self.es_url,
            "NETRA_PROMETHEUS_URL": self.prometheus_url,
            "NETRA_ALERTMANAGER_URL": self.alertmanager_url,
            "NETRA_OBJECT_STORE_URL": self.objectstore_url,
            "NETRA_CACHE": str(self.cache_dir),
            "NETRA_STATE": str(self.state_dir),
        }
