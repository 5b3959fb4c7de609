"""Typed settings for workers and tools, read from NETRA_* environment variables.

Every field has a default that works with `netra stack up` on this machine, so a worker
needs no configuration to run locally. `netra worker --help` and README list them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


#: The agents a worker can run (NETRA_AGENTS). Evidence capture drives a browser: benchmarks of
#: judging and tests of the other agents leave it out (WITHOUT_CAPTURE).
AGENT_NAMES = ("judge", "indexer", "reviews", "offenders", "audit", "cases", "capture")
WITHOUT_CAPTURE = ",".join(a for a in AGENT_NAMES if a != "capture")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NETRA_", extra="ignore")

    kafka_bootstrap: str = Field(
        default="127.0.0.1:29092", description="Kafka bootstrap servers, host:port[,host:port]."
    )
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT",
        description="How every Netra client talks to Kafka: SASL_SSL (SCRAM over TLS) for a "
        "secured cluster (`netra stack up --secure` runs one locally), PLAINTEXT for the plain "
        "local broker.",
    )
    kafka_sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"] = Field(
        default="SCRAM-SHA-512", description="SASL mechanism when the protocol is SASL_*."
    )
    kafka_username: str | None = Field(
        default=None, description="Kafka SASL user (the worker's principal) for SASL_*."
    )
    kafka_password: SecretStr | None = Field(
        default=None, description="Kafka SASL password of that user (a secret)."
    )
    kafka_ca_file: Path | None = Field(
        default=None,
        description="PEM file of the CA that signed the brokers' certificates, for SSL and "
        "SASL_SSL; empty: the system's CAs.",
    )
    es_url: str = Field(
        default="http://127.0.0.1:29200",
        description="Elasticsearch URL (https:// for a cluster with security on).",
    )
    es_api_key: SecretStr | None = Field(
        default=None,
        description="Elasticsearch API key (the 'encoded' value, or id:key); a secret. Either "
        "this or NETRA_ES_USERNAME and NETRA_ES_PASSWORD, not both.",
    )
    es_username: str | None = Field(
        default=None,
        description="Elasticsearch user to log in as (with NETRA_ES_PASSWORD). Not "
        "NETRA_ES_USER, the system account `netra stack up` runs Elasticsearch under.",
    )
    es_password: SecretStr | None = Field(
        default=None, description="Password of NETRA_ES_USERNAME (a secret)."
    )
    es_ca_cert: Path | None = Field(
        default=None,
        description="PEM file of the CA that signed Elasticsearch's certificate (https only; "
        "default: the system's trusted CAs).",
    )
    es_verify_certs: bool = Field(
        default=True,
        description="Verify Elasticsearch's certificate over https; false only for a test "
        "cluster (anyone on the path could read the credentials and the flags).",
    )
    app_id: str = Field(
        default="netra", description="Faust app id = Kafka consumer group of the workers."
    )
    partitions: int = Field(
        default=8, ge=1, description="Partitions per topic: the most workers that can share work."
    )
    replication: int = Field(default=1, ge=1, description="Replication factor of new topics.")

    posts_topic: str = Field(default="netra.posts", description="Incoming posts and actions.")
    flags_topic: str = Field(default="netra.flags", description="Flag and review-level decisions.")
    deadletter_topic: str = Field(
        default="netra.deadletter",
        description="Messages that could not be processed, with the reason.",
    )
    registry_topic: str = Field(
        default="netra.registry", description="The ASN registry (compacted)."
    )
    reviews_topic: str = Field(
        default="netra.reviews", description="Supervisors' verdicts on flags."
    )
    escalations_topic: str = Field(
        default="netra.escalations", description="Repeat offenders crossing a threshold."
    )

    flags_alias: str = Field(
        default="netra-flags", description="Elasticsearch alias searched by Kibana and reports."
    )
    retention_days: int = Field(
        default=365,
        ge=1,
        description="Flags with no open case (not confirmed or escalated) are deleted this many "
        "days after the event by `netra purge` (see docs/privacy.md).",
    )
    max_event_bytes: int = Field(
        default=1_048_576, ge=1024, description="Larger events go to the dead-letter topic."
    )
    flag_max_bytes: int = Field(
        default=512 * 1024,
        ge=16 * 1024,
        le=1_000_000,
        description="Largest flag the judge publishes; a larger one is cut by rule "
        "(agents.flagfit). The flags topic accepts 1 MiB, so this stays under it.",
    )
    decide_budget_ms: float = Field(
        default=250.0,
        gt=0,
        description=(
            "Time the engine may spend on one event; past it the event goes to review as too "
            "complex (the slowest valid post takes about 50 ms: netra bench worst)."
        ),
    )
    keep_unregistered: bool = Field(
        default=False,
        description="Judge events of accounts missing from the ASN registry, not skip them.",
    )
    rule_pack: Path | None = Field(
        default=None, description="Rule pack folder; default: the pack shipped in rules/."
    )
    reload_seconds: float = Field(
        default=2.0, gt=0, description="How often the worker checks the rule pack for changes."
    )
    agents: str = Field(
        default=",".join(AGENT_NAMES),
        description="Which agents this worker runs (comma separated).",
    )
    metrics_host: str = Field(
        default="127.0.0.1", description="Address of /metrics (0.0.0.0 in a container)."
    )
    metrics_port: int = Field(
        default=29100,
        ge=0,
        description="First port tried for /metrics; the next free one is used if taken.",
    )
    bulk_max_docs: int = Field(default=500, ge=1, description="Largest Elasticsearch bulk.")
    bulk_linger_seconds: float = Field(
        default=0.2, gt=0, description="Longest a flag waits for its bulk to fill."
    )
    bulk_retry_max_seconds: float = Field(
        default=10.0, gt=0, description="Cap of the backoff while Elasticsearch is unavailable."
    )
    escalate_after_7d: int = Field(
        default=3, ge=1, description="Flags of one ASN within 7 days that raise an escalation."
    )
    escalate_after_30d: int = Field(
        default=5, ge=1, description="Flags of one ASN within 30 days that raise an escalation."
    )
    rule_spike_share: float = Field(
        default=0.05,
        gt=0,
        le=1,
        description="A rule hitting more than this share of events after a pack change "
        "drops to review-only until a person restores it.",
    )
    rule_spike_min_events: int = Field(
        default=500, ge=1, description="Events seen before the spike guard may trip."
    )
    rule_spike_window_hours: float = Field(
        default=24.0, gt=0, description="How long after a pack change the spike guard watches."
    )
    rulestate_topic: str = Field(
        default="netra.rule-state",
        description="Rules dropped to review-only or restored (compacted).",
    )
    stats_seconds: float = Field(
        default=30.0, gt=0, description="How often per-rule precision is recomputed from reviews."
    )
    faust_sensor: bool = Field(
        default=False,
        description="Also expose Faust's own Prometheus sensor (faust_* metrics); it costs "
        "some time per message.",
    )
    trace_offsets: bool = Field(
        default=False,
        description="Log what happens to every consumed offset at INFO (fetched, dropped, "
        "received by the judge, sent, acknowledged; streams.offsettrace), not only at DEBUG: "
        "for finding where an event went missing, never for production volumes.",
    )
    commit_interval_seconds: float = Field(
        default=1.0, gt=0, description="How often processed offsets are committed."
    )
    session_timeout_seconds: float = Field(
        default=6.0,
        ge=6.0,
        description="A worker silent this long leaves the group and its partitions move on: "
        "6 s is the broker's smallest (group.min.session.timeout.ms); Kafka's default of 45 s "
        "left a killed worker's partitions idle that long (takeover is measured in "
        "tests/integration/test_pipeline.py).",
    )
    rebalance_timeout_seconds: float = Field(
        default=8.0,
        gt=0,
        description="How long the group waits for members to rejoin a rebalance: a worker "
        "killed while one is under way is waited for this long (Faust's 60 s default held a "
        "killed worker's partitions that long).",
    )
    heartbeat_seconds: float = Field(
        default=2.0, gt=0, description="Heartbeat to the group coordinator (a third of the above)."
    )
    metadata_max_age_seconds: float = Field(
        default=15.0,
        gt=0,
        description="How often a worker refreshes the broker's topic metadata unasked. A worker "
        "that joins while a topic it reads is not yet in the broker's metadata gets no "
        "partitions of it and only asks for them again at the next refresh: with the client's "
        "default of 5 minutes such a worker sat ready and idle that long.",
    )
    nip_key: SecretStr | None = Field(
        default=None,
        description="Key of the NIP pseudonyms in flags (a secret of at least 32 characters, "
        "the same for every worker and tool); unset: a random key kept in NETRA_STATE/secrets.",
    )
    nip_entitled_roles: str = Field(
        default="bawaslu,bkn,inspectorate",
        description="Roles whose users may reveal a NIP, each reveal audited (comma separated).",
    )
    users_file: Path = Field(
        default=Path.home() / ".config" / "netra" / "users.json",
        description="Netra's users with their role and password hash (`netra users`).",
    )
    user: str | None = Field(
        default=None, description="Who runs `netra case --reveal-nip` (default: asked)."
    )
    password: SecretStr | None = Field(
        default=None, description="That user's password, for scripts (default: asked)."
    )
    audit_topic: str = Field(
        default="netra.audit",
        description="The audit trail: every reveal of personal data, granted or refused.",
    )
    audit_alias: str = Field(
        default="netra-audit", description="Elasticsearch alias of the audit trail."
    )
    case_steps_topic: str = Field(
        default="netra.case-steps",
        description="What Bawaslu, BKN and the PPK did with a confirmed flag, step by step.",
    )
    cases_alias: str = Field(
        default="netra-cases",
        description="Elasticsearch alias of the cases across agencies (one per confirmed flag).",
    )
    reviewer: str | None = Field(
        default=None,
        description="Who records a verdict with `netra review` (default: the login name).",
    )
    kibana_url: str = Field(
        default="http://127.0.0.1:5601",
        description="Kibana's base URL for `netra kibana import` (--url wins over it).",
    )
    kibana_api_key: SecretStr | None = Field(
        default=None, description="Kibana API key for `netra kibana import` (a secret)."
    )
    kibana_user: str | None = Field(
        default=None, description="Kibana user for `netra kibana import` (with the password)."
    )
    kibana_password: SecretStr | None = Field(
        default=None, description="Kibana password for `netra kibana import` (a secret)."
    )
    kibana_ca_cert: Path | None = Field(
        default=None,
        description="PEM file of the CA that signed Kibana's certificate, for an https Kibana "
        "(default: the system's trusted CAs).",
    )
    object_store_url: str = Field(
        default="http://127.0.0.1:29333",
        description="S3 endpoint of the evidence store (`netra stack up` runs SeaweedFS there).",
    )
    object_store_ca_cert: Path | None = Field(
        default=None,
        description="PEM file of the CA that signed the object store's certificate, for an "
        "https endpoint (default: the system's trusted CAs).",
    )
    object_store_region: str = Field(
        default="us-east-1", description="Region name the S3 endpoint expects in signatures."
    )
    object_store_access_key: str | None = Field(
        default=None,
        description="S3 access key of the evidence store; unset: the local stack's generated "
        "key in NETRA_STATE/secrets/objectstore.json.",
    )
    object_store_secret_key: SecretStr | None = Field(
        default=None, description="S3 secret key of that access key (a secret)."
    )
    evidence_bucket: str = Field(
        default="netra-evidence",
        description="Bucket of evidence artefacts and custody entries, written once each.",
    )
    evidence_retention_days: int = Field(
        default=1825,
        ge=1,
        description="Days each evidence object stays locked in COMPLIANCE mode once written: "
        "nobody, not even the holder of the bucket's keys, can delete a kept version or shorten "
        "its lock before then (a new bucket is made with object lock; see docs/evidence.md).",
    )
    evidence_batch: int = Field(
        default=100,
        ge=1,
        le=500,
        description="Flags the capture agent renders in one page. A page's render and a batch's "
        "writes each cost a fixed wait besides their CPU, so larger batches keep up with more "
        "flags/s, paid in memory (the page shot is cut in the worker): `netra bench capture` "
        "gave 98.6 flags/s at 50, 111.6 at 100 and 141.4 at 200, with a worker peak RSS of "
        "246, 254 and 354 MiB.",
    )
    evidence_linger_seconds: float = Field(
        default=0.5, gt=0, description="Longest a flag waits for its capture batch to fill."
    )
    evidence_retry_max_seconds: float = Field(
        default=10.0, gt=0, description="Cap of the backoff while the object store is down."
    )
    evidence_render_attempts: int = Field(
        default=3,
        ge=1,
        description="Renders tried for one flag before it goes to the dead-letter topic.",
    )
    evidence_platform_timeout_seconds: float = Field(
        default=3.0,
        ge=0,
        description="Time a capture gives the post's platform address before it captures "
        "Netra's own rendering of the event instead; 0: never try the platform.",
    )
    chromium_path: Path = Field(
        default=Path("/usr/bin/chromium"),
        description="Headless Chromium that renders captures and case-file PDFs.",
    )
    reporters_topic: str = Field(
        default="netra.reporters",
        description="Public reporters' contacts, sealed (AES-256-GCM), key = ticket; apart "
        "from the posts and flags (docs/privacy.md).",
    )
    reporters_retention_days: int = Field(
        default=365,
        ge=1,
        description="How long the reporters topic keeps a sealed contact (set on the topic "
        "when it is created).",
    )
    intake_reporter_key: SecretStr | None = Field(
        default=None,
        description="Key that seals public reporters' contacts (a secret of at least 32 "
        "characters, held by the intake and by Bawaslu's reporter desk only); unset: a random "
        "key kept in NETRA_STATE/secrets/reporter.key.",
    )
    intake_signing_key: SecretStr | None = Field(
        default=None,
        description="Key that signs proof-of-work challenges and ticket numbers (a secret of at "
        "least 32 characters, the same for every intake process); unset: a random key kept in "
        "NETRA_STATE/secrets/intake.key.",
    )
    intake_pow_bits: int = Field(
        default=20,
        ge=1,
        le=32,
        description="Leading zero bits a report's proof of work needs: about 2^bits SHA-256 "
        "hashes, 1 s in a browser at 20 (each bit doubles it; docs/operations.md).",
    )
    intake_pow_ttl_seconds: int = Field(
        default=1800, ge=60, description="How long a proof-of-work challenge may be used."
    )
    intake_submit_burst: int = Field(
        default=5, ge=1, description="Reports one client may send at once before being slowed."
    )
    intake_submit_per_hour: float = Field(
        default=10.0, gt=0, description="Reports one client may send per hour after the burst."
    )
    intake_lookup_burst: int = Field(
        default=30, ge=1, description="Form pages, challenges and ticket lookups at once."
    )
    intake_lookup_per_minute: float = Field(
        default=30.0, gt=0, description="Form pages, challenges and ticket lookups per minute."
    )
    intake_rate_clients: int = Field(
        default=10_000,
        ge=100,
        description="Clients the rate limiter remembers (least recently seen forgotten first).",
    )
    intake_trusted_proxies: str = Field(
        default="",
        description="Addresses of reverse proxies whose X-Forwarded-For names the client "
        "(comma separated); empty: the peer address is the client.",
    )
    intake_max_body_bytes: int = Field(
        default=12 * 1024 * 1024,
        ge=64 * 1024,
        description="Largest report request (the image travels as base64 in the JSON API, 4/3 "
        "of its size).",
    )
    intake_max_image_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1024, description="Largest uploaded image."
    )
    intake_max_image_side: int = Field(
        default=10_000, ge=16, description="Widest or tallest image accepted, in pixels."
    )
    intake_max_image_pixels: int = Field(
        default=24_000_000,
        ge=256,
        description="Most pixels an image may have (decoding one costs 4 bytes a pixel).",
    )
    intake_max_text_chars: int = Field(
        default=5_000,
        ge=100,
        le=20_000,
        description="Longest account of what happened in a report.",
    )
    intake_max_report_age_days: int = Field(
        default=730, ge=1, description="Oldest event a report may be about."
    )
    intake_evidence_dir: Path | None = Field(
        default=None,
        description="Where uploaded images are kept, named by SHA-256, 0600; default: "
        "NETRA_STATE/intake/evidence.",
    )
    desk_host: str = Field(default="127.0.0.1", description="Where `netra desk` listens.")
    desk_port: int = Field(default=8765, ge=1, le=65535, description="The review desk's port.")
    desk_url: str = Field(
        default="http://127.0.0.1:8765",
        description="The review desk's public base URL: links in alerts and escalations lead here.",
    )
    desk_session_key: SecretStr | None = Field(
        default=None,
        description="Key that signs the desk's session cookies (a secret of at least 32 "
        "characters, the same for every desk replica); unset: a random key kept in "
        "NETRA_STATE/secrets.",
    )
    desk_session_minutes: int = Field(
        default=480, ge=1, le=7 * 24 * 60, description="A desk session expires after this long."
    )
    desk_secure_cookies: bool = Field(
        default=False,
        description="Send the session cookie only over HTTPS (set it behind a TLS proxy).",
    )
    desk_oidc_issuer: str | None = Field(
        default=None,
        description="OpenID Connect issuer for desk sign-in in production (its discovery "
        "document is ISSUER/.well-known/openid-configuration; see docs/desk.md); unset: "
        "Netra's own users and passwords.",
    )
    desk_oidc_client_id: str | None = Field(
        default=None, description="The desk's client id at the OIDC issuer."
    )
    desk_oidc_client_secret: SecretStr | None = Field(
        default=None,
        description="The desk's client secret at the OIDC issuer (a confidential client); "
        "unset: a public client (PKCE alone).",
    )
    desk_oidc_user_claim: str = Field(
        default="preferred_username",
        min_length=1,
        max_length=64,
        description="The ID token claim whose value is the user's name in Netra's users "
        "file (role and scope stay Netra's).",
    )
    desk_oidc_scopes: str = Field(
        default="openid profile",
        description="Scopes asked of the OIDC issuer (space separated; must include openid "
        "and whatever puts the user claim in the ID token).",
    )
    desk_oidc_metadata_minutes: int = Field(
        default=60,
        ge=1,
        le=24 * 60,
        description="How long the issuer's discovery document and signing keys are cached "
        "(an unknown key id refreshes them sooner).",
    )
    state_dir: Path = Field(
        default_factory=lambda: Path.home() / ".local" / "state" / "netra",
        description="Where workers keep local state (Faust data dir) and the local stack its "
        "data, logs and pid files.",
        alias="NETRA_STATE",
    )

    # The local stack (`netra stack up`): where it lives, what it runs, on which ports.
    cache_dir: Path = Field(
        default_factory=lambda: Path.home() / ".cache" / "netra",
        description="Where `netra stack up` keeps what it downloads (Kafka, Elasticsearch, "
        "Prometheus, Alertmanager, Maven's repository), and workers and commands the engines "
        "they compiled (engine/, named by a digest of their inputs).",
        alias="NETRA_CACHE",
    )
    deploy_dir: Path = Field(
        default=REPO_ROOT / "deploy",
        description="Templates of the local stack, alert rules and the index template.",
    )
    kafka_controller_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="KRaft controller port of the local broker (default: the broker's port + 1).",
    )
    kafka_secure_bootstrap: str = Field(
        default="127.0.0.1:29095",
        description="host:port of the SASL_SSL broker of `netra stack up --secure`.",
    )
    kafka_secure_controller_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="KRaft controller port of the secure broker (default: its port + 1).",
    )
    prometheus_url: str = Field(
        default="http://127.0.0.1:29090", description="Prometheus of the local stack."
    )
    alertmanager_url: str = Field(
        default="http://127.0.0.1:29094", description="Alertmanager of the local stack."
    )
    kafka_version: str | None = Field(
        default=None,
        description="Kafka release `netra stack up` fetches (default: the one Netra is tested "
        "with, netra/stack/settings.py).",
    )
    es_version: str | None = Field(
        default=None,
        description="Elasticsearch release `netra stack up` fetches (default: the tested one).",
    )
    kafka_heap: str = Field(default="512m", description="JVM heap of the local broker.")
    kafka_secure_heap: str = Field(default="256m", description="JVM heap of the secure broker.")
    es_heap: str = Field(default="512m", description="JVM heap of the local Elasticsearch.")
    java_home: Path | None = Field(
        default=None,
        validation_alias=AliasChoices("NETRA_JAVA_HOME", "JAVA_HOME"),
        description="Java for Kafka (NETRA_JAVA_HOME, else JAVA_HOME; default: the one "
        "`netra stack up` installs).",
    )
    es_java_home: Path | None = Field(
        default=None,
        description="Java for Elasticsearch (default: the Temurin JDK `netra stack up` installs).",
    )
    seaweedfs_version: str | None = Field(
        default=None,
        description="SeaweedFS module version `netra stack up` builds for the object store "
        "(default: the tested one, netra/stack/settings.py).",
    )
    es_user: str = Field(
        default="netra",
        description="System account `netra stack up` runs Elasticsearch under when started as "
        "root (not NETRA_ES_USERNAME, the user Netra logs in as).",
    )
    scrape_interval: str = Field(
        default="5s", description="How often the local Prometheus scrapes the workers."
    )
    stack_timeout: float = Field(
        default=240.0, gt=0, description="Seconds `netra stack up` waits for a service to answer."
    )

    @property
    def capture_group(self) -> str:
        """The capture agent's own consumer group: Faust's group never waits for it."""
        return f"{self.app_id}.capture"

    @property
    def replay_group_prefix(self) -> str:
        """The prefix of the groups `netra deadletters replay` commits what it replayed in."""
        return f"{self.app_id}.replay."

    def replay_group(self, reason: str) -> str:
        """One group a dead-letter reason, so replaying one reason never skips another's."""
        return f"{self.replay_group_prefix}{reason}"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """The settings a process whose environment is exactly `env` would read: every field is
        given, from `env` or its default, so this process's own environment plays no part."""
        upper = {key.upper(): value for key, value in env.items()}
        values: dict[str, Any] = {}
        for name, field in cls.model_fields.items():
            names = env_names(name)
            found = next((key for key in names if key in upper), None)
            # A field that names its variables is given by one of them, any other by its name.
            key = (found or names[0]) if field.alias or field.validation_alias else name
            values[key] = upper[found] if found else field.get_default(call_default_factory=True)
        return cls(**values)


def env_names(field: str) -> list[str]:
    """The variables a setting is read from, in order of precedence (NETRA_<FIELD> unless the
    field names its own)."""
    info = Settings.model_fields[field]
    if isinstance(info.validation_alias, AliasChoices):
        return [str(choice) for choice in info.validation_alias.choices]
    if info.alias:
        return [info.alias]
    return [f"NETRA_{field.upper()}"]


PRIVATE = 0o700  # state holds posts, the registry and the NIP key: only the service user may enter
TRAVERSABLE = 0o711  # the state root: other service users pass through, nobody lists it


def private_dir(path: Path) -> Path:
    """Create `path` (and its parents) and make it private to the user that owns it, however
    it was created before (an older Netra, a umask of 022). Returns `path`."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE)
    path.chmod(PRIVATE)
    return path


def compiled_engines(settings: Settings) -> Path:
    """Where compiled engines are kept (neutrality.enginecache)."""
    return settings.cache_dir / "engine"


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings; tools that need other values build their own `Settings(...)`."""
    return Settings()
