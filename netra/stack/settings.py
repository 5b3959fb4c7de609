"""Typed settings for the local stack, read from NETRA_* environment variables with safe defaults.

Defaults use ports in the 29xxx range so they do not clash with a Kafka (9092), Elasticsearch
(9200) or Prometheus (9090) the user may already run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from netra.stack.errors import StackError

KAFKA_VERSION = "4.4.0"
ES_VERSION = "9.2.0"
#: SeaweedFS as the Go module proxy serves it (its releases are not semver tags, so the proxy
#: names a commit); built once into the cache by `netra stack up`.
SEAWEEDFS_VERSION = "v0.0.0-20261109003541-7506e5f91cd6"
DEFAULT_ES_JAVA_HOME = Path("/usr/lib/jvm/temurin-25-jdk-amd64")
REPO_ROOT = Path(__file__).resolve().parents[2]


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


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise StackError(
            f"{name}={raw!r} is not a whole number.", f"Set {name} to e.g. {default}."
        ) from None


def _heap(env: Mapping[str, str], name: str, default: str) -> str:
    raw = env.get(name) or default
    if not (raw[:-1].isdigit() and raw[-1].lower() in "mg"):
        raise StackError(f"{name}={raw!r} is not a JVM heap size.", f"Use e.g. {name}=512m or 1g.")
    return raw


def _under_home(env: Mapping[str, str], sub: str) -> Path:
    return Path(env.get("HOME") or Path.home()) / sub / "netra"


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

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> StackSettings:
        """Build settings from the environment (os.environ unless given), validating every value."""
        env = os.environ if env is None else env
        cache = env.get("NETRA_CACHE") or str(_under_home(env, ".cache"))
        state = env.get("NETRA_STATE") or str(_under_home(env, ".local/state"))
        java_home = env.get("NETRA_JAVA_HOME") or env.get("JAVA_HOME")
        kafka = parse_host_port(
            env.get("NETRA_KAFKA_BOOTSTRAP") or "127.0.0.1:29092", "NETRA_KAFKA_BOOTSTRAP"
        )
        kafka_secure = parse_host_port(
            env.get("NETRA_KAFKA_SECURE_BOOTSTRAP") or "127.0.0.1:29095",
            "NETRA_KAFKA_SECURE_BOOTSTRAP",
        )
        return cls(
            cache_dir=Path(cache).expanduser().resolve(),
            state_dir=Path(state).expanduser().resolve(),
            deploy_dir=Path(env.get("NETRA_DEPLOY_DIR") or REPO_ROOT / "deploy").resolve(),
            kafka=kafka,
            kafka_controller_port=_int(env, "NETRA_KAFKA_CONTROLLER_PORT", kafka.port + 1),
            kafka_secure=kafka_secure,
            kafka_secure_controller_port=_int(
                env, "NETRA_KAFKA_SECURE_CONTROLLER_PORT", kafka_secure.port + 1
            ),
            elasticsearch=parse_host_port(
                env.get("NETRA_ES_URL") or "http://127.0.0.1:29200", "NETRA_ES_URL"
            ),
            prometheus=parse_host_port(
                env.get("NETRA_PROMETHEUS_URL") or "http://127.0.0.1:29090", "NETRA_PROMETHEUS_URL"
            ),
            alertmanager=parse_host_port(
                env.get("NETRA_ALERTMANAGER_URL") or "http://127.0.0.1:29094",
                "NETRA_ALERTMANAGER_URL",
            ),
            objectstore=parse_host_port(
                env.get("NETRA_OBJECT_STORE_URL") or "http://127.0.0.1:29333",
                "NETRA_OBJECT_STORE_URL",
            ),
            seaweedfs_version=env.get("NETRA_SEAWEEDFS_VERSION") or SEAWEEDFS_VERSION,
            kafka_version=env.get("NETRA_KAFKA_VERSION") or KAFKA_VERSION,
            es_version=env.get("NETRA_ES_VERSION") or ES_VERSION,
            kafka_heap=_heap(env, "NETRA_KAFKA_HEAP", "512m"),
            kafka_secure_heap=_heap(env, "NETRA_KAFKA_SECURE_HEAP", "256m"),
            es_heap=_heap(env, "NETRA_ES_HEAP", "512m"),
            java_home=Path(java_home) if java_home else None,
            es_java_home=Path(env.get("NETRA_ES_JAVA_HOME") or DEFAULT_ES_JAVA_HOME),
            es_user=env.get("NETRA_ES_USER") or "netra",
            scrape_interval=env.get("NETRA_SCRAPE_INTERVAL") or "5s",
            health_timeout=float(_int(env, "NETRA_STACK_TIMEOUT", 240)),
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
