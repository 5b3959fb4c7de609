"""`netra stack up --secure`: the worker reaches Netra's topics and group, everyone else is refused.

The module starts a secure broker of its own (own ports, own state folder, the shared download
cache) through the same `netra.stack.up` the CLI uses, and stops it at the end: the plain broker
other tests use is never touched, and nothing is left running.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic, ScramMechanism, UserScramCredentialUpsertion
from kafka.errors import (
    GroupAuthorizationFailedError,
    KafkaError,
    TopicAuthorizationFailedError,
)
from pydantic import SecretStr
from rich.console import Console

from netra.kafka_tools import (
    KafkaRefusedError,
    create_topics,
    follow,
    replay,
    send_and_wait,
)
from netra.sample import sample_posts, sample_registry
from netra.scrape import scrape, worker_metrics_url
from netra.stack import StackError, StackSettings, down, up
from netra.stack.kafka_acls import AclRule
from netra.stack.kafka_secure import ADMIN_USER, DESK_USER, WORKER_USER, SecureKafka
from netra.workers import free_port, start_worker
from neutrality import Engine, Locality
from schemas import Flag, Outcome, Post
from streams.kafka_security import client_kwargs
from streams.settings import Settings
from streams.topics import changelog_specs, topic_specs
from tests.integration.ports import free_base

pytestmark = pytest.mark.integration

OUTSIDER = "netra-outsider"
#: How long a refused client keeps trying before it gives up (kafka-python waits 30 s).
REFUSAL_MS = 4000


def _free_pair() -> int:
    """A port whose successor is free too (the controller listens on port + 1)."""
    return free_base((0, 1))


@dataclass
class SecureBroker:
    stack: StackSettings
    kafka: SecureKafka
    root: Path

    @property
    def bootstrap(self) -> str:
        return self.kafka.url

    def settings(self, user: str = WORKER_USER) -> Settings:
        return self.kafka.client_settings(user)

    def as_user(self, user: str, password: str) -> dict[str, Any]:
        """Client kwargs for any SCRAM login over the broker's TLS."""
        settings = self.settings().model_copy(
            update={"kafka_username": user, "kafka_password": SecretStr(password)}
        )
        return {"bootstrap_servers": self.bootstrap, **client_kwargs(settings)}

    def refused(self, attempt: Callable[[], object], logged: str) -> None:
        """Run a connection that must fail, and find why in the broker's log."""
        log = self.kafka.log_file
        start = log.stat().st_size
        with pytest.raises(KafkaError):
            attempt()
        deadline = time.monotonic() + 10
        text = ""
        while logged not in text:
            if time.monotonic() > deadline:
                raise AssertionError(f"the broker did not log {logged!r}; it logged:\n{text}")
            time.sleep(0.2)
            with log.open("rb") as f:
                f.seek(start)
                text = f.read().decode(errors="replace")


@pytest.fixture(scope="module")
def secure() -> Iterator[SecureBroker]:
    # Not pytest's tmp_path: every pytest session resets /tmp/pytest-of-<user>.
    root = Path(tempfile.mkdtemp(prefix="netra-kafka-secure-"))
    port = _free_pair()
    stack = StackSettings.from_env(
        {
            **os.environ,  # the shared download cache, JAVA_HOME
            "NETRA_STATE": str(root / "state"),
            "NETRA_KAFKA_SECURE_BOOTSTRAP": f"127.0.0.1:{port}",
            "NETRA_KAFKA_SECURE_CONTROLLER_PORT": str(port + 1),
        }
    )
    console = Console(stderr=True, quiet=True)
    try:
        try:
            up(stack, console, only=["kafka"], secure=True)
        except StackError as err:
            pytest.fail(f"the secure Kafka could not start: {err}", pytrace=False)
        yield SecureBroker(stack, SecureKafka(stack, console), root)
    finally:
        down(stack, console, only=["kafka"], secure=True)
        shutil.rmtree(root, ignore_errors=True)


def _produce(kwargs: dict[str, Any], topic: str) -> None:
    producer = KafkaProducer(**kwargs, bootstrap_timeout_ms=REFUSAL_MS, max_block_ms=REFUSAL_MS)
    try:
        producer.send(topic, b"x").get(timeout=10)
    finally:
        producer.close()


def test_keys_and_passwords_stay_private(secure: SecureBroker) -> None:
    k = secure.kafka
    assert stat.S_IMODE(k.dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(k.tls_dir.stat().st_mode) == 0o700
    for path in (
        k.tls_dir / "ca.p12",
        k.keystore,
        k.secrets_file,
        k.client_env_file,
        k.dir / "server.properties",
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    stored = k.secrets()
    assert stored is not None
    assert not (k.dir / "format.args").exists()
    # No password on any command line of the broker's process group (format ran from @argfile).
    rec = k.record()
    assert rec is not None
    cmdlines = " ".join(" ".join(p.cmdline()) for p in [psutil.Process(rec.pid)])
    for password in stored.users.values():
        assert password not in cmdlines
    worker_env = k.client_env_file.read_text()
    assert stored.users[WORKER_USER] in worker_env
    assert stored.users[ADMIN_USER] not in worker_env


def test_the_worker_creates_writes_and_reads_netras_topics(secure: SecureBroker) -> None:
    settings = secure.settings()
    created = create_topics(settings)
    # Netra's topics and the tables' changelogs, under the worker's own ACLs.
    wanted = [*topic_specs(settings), *changelog_specs(settings)]
    assert {r.spec.name for r in created} == {s.name for s in wanted}
    topic = f"netra.secure-test-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=secure.bootstrap, **client_kwargs(settings))
    try:
        admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])
        _eventually(f"{topic} listed", lambda: topic in admin.list_topics())
    finally:
        admin.close()
    lines = [json.dumps({"account_id": f"ig:a{i}", "n": i}).encode() for i in range(6)]
    assert replay(settings, topic, lines, key_field="account_id") == len(lines)
    assert sorted(follow(settings, topic, from_beginning=True, idle_timeout=5)) == sorted(lines)
    # In the workers' consumer group: join, read, commit.
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=secure.bootstrap,
        **client_kwargs(settings),
        group_id=settings.app_id,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=15_000,
    )
    try:
        got = [m.value for _, m in zip(range(len(lines)), consumer, strict=False)]
        consumer.commit()
        committed = sum(consumer.committed(tp) or 0 for tp in consumer.assignment())
    finally:
        consumer.close()
    assert sorted(got) == sorted(lines) and committed == len(lines)


def test_a_client_without_credentials_is_refused(secure: SecureBroker) -> None:
    context = client_kwargs(secure.settings())["ssl_context"]
    kwargs = {"bootstrap_servers": secure.bootstrap, "security_protocol": "SSL"}
    without = {**kwargs, "ssl_context": context}
    secure.refused(lambda: _produce(without, "netra.posts"), "during SASL handshake")


@pytest.mark.parametrize("user", [WORKER_USER, ADMIN_USER, "nobody"])
def test_a_wrong_password_is_refused(secure: SecureBroker, user: str) -> None:
    kwargs = secure.as_user(user, "not-the-password")
    secure.refused(
        lambda: _produce(kwargs, "netra.posts"),
        "invalid credentials with SASL mechanism SCRAM-SHA-512",
    )


def test_a_plaintext_client_on_the_tls_port_is_refused(secure: SecureBroker) -> None:
    plain = {"bootstrap_servers": secure.bootstrap}  # security_protocol PLAINTEXT
    secure.refused(lambda: _produce(plain, "netra.posts"), "SSL handshake failed")


def test_a_client_that_does_not_trust_the_local_ca_refuses_the_broker(
    secure: SecureBroker,
) -> None:
    kwargs = secure.as_user(WORKER_USER, "unused")
    kwargs["ssl_context"] = ssl.create_default_context()  # the system's CAs only
    secure.refused(lambda: _produce(kwargs, "netra.posts"), "SSL handshake failed")


@pytest.fixture(scope="module")
def outsider(secure: SecureBroker) -> dict[str, Any]:
    """A principal with valid SCRAM credentials, added by the admin, and no ACLs."""
    password = uuid.uuid4().hex
    admin = KafkaAdminClient(**secure.as_user(ADMIN_USER, _password(secure, ADMIN_USER)))
    try:
        result = admin.alter_user_scram_credentials(
            [UserScramCredentialUpsertion(OUTSIDER, ScramMechanism.SCRAM_SHA_512, password)]
        )
    finally:
        admin.close()
    assert result == {OUTSIDER: None}
    return secure.as_user(OUTSIDER, password)


def _password(secure: SecureBroker, user: str) -> str:
    stored = secure.kafka.secrets()
    assert stored is not None
    return stored.users[user]


def test_another_principal_is_authenticated_but_sees_and_touches_no_netra_topic(
    secure: SecureBroker, outsider: dict[str, Any]
) -> None:
    create_topics(secure.settings())
    admin = KafkaAdminClient(**outsider)
    try:
        visible = admin.list_topics()  # it did log in: the request is answered
        assert not [t for t in visible if t.startswith("netra")], visible
        with pytest.raises(TopicAuthorizationFailedError):
            admin.create_topics([NewTopic("netra.outsider", 1, 1)])
    finally:
        admin.close()
    with pytest.raises(TopicAuthorizationFailedError):
        _produce(outsider, "netra.posts")
    consumer = KafkaConsumer(
        "netra.posts", **outsider, group_id="netra", auto_offset_reset="earliest"
    )
    try:
        with pytest.raises((GroupAuthorizationFailedError, TopicAuthorizationFailedError)):
            consumer.poll(timeout_ms=10_000)
    finally:
        consumer.close()


def test_the_worker_is_confined_to_netras_topics_and_group(secure: SecureBroker) -> None:
    settings = secure.settings()
    kwargs = {"bootstrap_servers": secure.bootstrap, **client_kwargs(settings)}
    create_topics(settings)
    admin = KafkaAdminClient(**kwargs)
    try:
        with pytest.raises(TopicAuthorizationFailedError):
            admin.create_topics([NewTopic("other.topic", 1, 1)])
        with pytest.raises(TopicAuthorizationFailedError):
            admin.delete_topics([settings.posts_topic])
        # It cannot grant itself more.
        grab = AclRule(f"User:{WORKER_USER}", "TOPIC", "*", "LITERAL", "ALL").to_kafka()
        try:
            result = admin.create_acls([grab])
            assert result["failed"] and not result["succeeded"], result
        except KafkaError as exc:
            assert "Authorization" in type(exc).__name__, exc
    finally:
        admin.close()
    consumer = KafkaConsumer(
        settings.posts_topic, **kwargs, group_id="other-group", auto_offset_reset="earliest"
    )
    try:
        with pytest.raises(GroupAuthorizationFailedError):
            consumer.poll(timeout_ms=10_000)
    finally:
        consumer.close()


def test_a_faust_worker_judges_over_sasl_ssl_with_the_settings_credentials(
    secure: SecureBroker,
) -> None:
    """A real `netra worker` (Faust on aiokafka, its rule-state follower, the kafka-python
    tools) configured only through the NETRA_* variables of client.env."""
    settings = secure.settings()
    create_topics(settings)
    registry = sample_registry(12, seed=5)
    posts = sample_posts(registry, 80, partisan_share=0.3, seed=6).posts
    engine, by_account = Engine.load(), {e.account_id: e for e in registry}
    expected = set()
    for line in posts:
        post = Post.model_validate_json(line)
        entry = by_account[post.account_id]
        if engine.decide(post, Locality(entry.province, entry.region)).outcome is not Outcome.PASS:
            expected.add(post.key)
    assert expected, "the sample must contain partisan posts"

    port = free_port()
    env = {
        **secure.kafka.client_env(),
        "NETRA_STATE": str(secure.root / "worker"),
        "NETRA_METRICS_PORT": str(port),
    }
    worker = start_worker(f"secure-judge-{uuid.uuid4().hex[:6]}", env, agents="judge")
    try:
        lines = [e.model_dump_json().encode() for e in registry]
        replay(settings, settings.registry_topic, lines, key_field="account_id")
        _wait(
            "registry loaded",
            lambda: _metric(port, "netra_registry_accounts") >= len(registry),
            worker_alive=worker.alive,
            log=worker.log_tail,
        )
        replay(settings, settings.posts_topic, [p.encode() for p in posts], key_field="account_id")
        seen: set[str] = set()

        def flags_arrived() -> bool:
            flags = follow(settings, settings.flags_topic, from_beginning=True, idle_timeout=3)
            seen.update(Flag.model_validate_json(value).flag_id for value in flags)
            return expected <= seen

        _wait("flags", flags_arrived, worker_alive=worker.alive, log=worker.log_tail)
        assert seen == expected
        log = worker.log_tail(10_000)
        assert "Authenticated as netra-worker via SCRAM-SHA-512" in log
        assert "AuthorizationFailed" not in log and "SaslAuthenticationFailed" not in log
        admin = KafkaAdminClient(bootstrap_servers=secure.bootstrap, **client_kwargs(settings))
        try:
            changelog = f"{settings.app_id}-registry-changelog"
            _eventually(f"{changelog} listed", lambda: changelog in admin.list_topics())
        finally:
            admin.close()
    finally:
        worker.stop()


def _metric(port: int, name: str) -> float:
    return scrape(worker_metrics_url(port)).get(name, 0.0)


def _wait(
    what: str,
    check: Callable[[], bool],
    *,
    worker_alive: Callable[[], bool],
    log: Callable[[int], str],
    timeout: float = 120,
) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if not worker_alive():
            raise AssertionError(f"the worker died waiting for {what}:\n{log(60)}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}:\n{log(60)}")
        time.sleep(0.5)


def _eventually(what: str, check: Callable[[], bool], timeout: float = 15) -> None:
    """Metadata reaches a client a moment after the change: poll for it."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.3)


def _netra(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The `netra` CLI as an operator runs it, configured by NETRA_* variables alone."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_KAFKA")}
    return subprocess.run(
        [sys.executable, "-m", "netra", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_topics_grant_as_the_admin_lets_a_principal_in_and_the_worker_cannot_grant(
    secure: SecureBroker, outsider: dict[str, Any]
) -> None:
    """`netra topics grant` (what deploy/compose's kafka-acls runs): the admin's grant gives a
    principal Netra's topics; the worker, not a super user, is refused with a message."""
    create_topics(secure.settings())
    by_worker = _netra(secure.kafka.client_env(), "topics", "grant", f"User:{OUTSIDER}")
    assert by_worker.returncode == 2, by_worker.stdout + by_worker.stderr
    assert "refused" in by_worker.stderr and "Traceback" not in by_worker.stderr
    with pytest.raises(TopicAuthorizationFailedError):
        _produce(outsider, "netra.posts")

    by_admin = _netra(secure.kafka.client_env(ADMIN_USER), "topics", "grant", f"User:{OUTSIDER}")
    assert by_admin.returncode == 0, by_admin.stdout + by_admin.stderr
    assert f"ACLs of User:{OUTSIDER}" in by_admin.stdout
    _produce(outsider, "netra.posts")  # now allowed
    again = _netra(secure.kafka.client_env(ADMIN_USER), "topics", "grant", f"User:{OUTSIDER}")
    assert again.returncode == 0, again.stderr  # granting twice changes nothing


def _confined_to_the_desks_topics(settings: Settings) -> None:
    """`settings` (a desk principal's) may write reviews and read nothing it was not given."""
    kwargs = {"bootstrap_servers": settings.kafka_bootstrap, **client_kwargs(settings)}
    verdict_key = uuid.uuid4().hex.encode()
    send_and_wait(settings, settings.reviews_topic, verdict_key, b'{"verdict": "upheld"}')
    with pytest.raises(TopicAuthorizationFailedError):
        _produce(kwargs, settings.flags_topic)
    with pytest.raises(KafkaRefusedError, match=f"topic {settings.posts_topic}"):
        list(follow(settings, settings.posts_topic, from_beginning=True, idle_timeout=5))
    consumer = KafkaConsumer(
        settings.reviews_topic, **kwargs, group_id=settings.app_id, auto_offset_reset="earliest"
    )
    try:  # not even its own topic, and no group
        with pytest.raises((GroupAuthorizationFailedError, TopicAuthorizationFailedError)):
            consumer.poll(timeout_ms=10_000)
    finally:
        consumer.close()


def test_the_desk_principal_writes_reviews_and_reads_no_posts_nor_writes_flags(
    secure: SecureBroker,
) -> None:
    """`netra stack up --secure` made netra-desk and granted it the desk's role alone."""
    create_topics(secure.settings())
    _confined_to_the_desks_topics(secure.settings(DESK_USER))


def test_a_tool_refused_by_the_acls_says_so_and_what_to_grant_without_a_traceback(
    secure: SecureBroker,
) -> None:
    """The desk principal may read no dead letters: `netra deadletters replay` and `list` end
    with one message naming the principal and the grant (exit 2), not kafka-python's error."""
    create_topics(secure.settings())
    for command in (["deadletters", "replay", "index_rejected"], ["deadletters", "list"]):
        run = _netra(secure.kafka.client_env(DESK_USER), *command)
        assert run.returncode == 2, run.stdout + run.stderr
        said = " ".join(run.stderr.split())
        assert f"User:{DESK_USER}" in said, said
        assert "netra topics grant" in said, said
        assert "Traceback" not in run.stderr


def test_topics_grant_with_the_desk_role_creates_a_write_only_principal(
    secure: SecureBroker,
) -> None:
    """What deploy/compose's kafka-acls runs for the desk: the credential and the grant."""
    create_topics(secure.settings())
    user, password = f"netra-desk-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    admin_env = {**secure.kafka.client_env(ADMIN_USER), "DESK_PASSWORD": password}
    granted = _netra(
        admin_env,
        "topics",
        "grant",
        "--role",
        "desk",
        "--password-env",
        "DESK_PASSWORD",
        f"User:{user}",
    )
    assert granted.returncode == 0, granted.stdout + granted.stderr
    assert f"ACLs of User:{user} (desk)" in granted.stdout
    settings = secure.settings().model_copy(
        update={"kafka_username": user, "kafka_password": SecretStr(password)}
    )
    _confined_to_the_desks_topics(settings)
