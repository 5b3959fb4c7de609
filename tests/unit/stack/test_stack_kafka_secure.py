"""The secure broker's configuration, secrets and ACLs, checked without starting it."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from kafka.admin import ACLOperation, ACLPermissionType, ACLResourcePatternType, ResourceType
from rich.console import Console

from netra.stack import StackError, StackSettings
from netra.stack.kafka import Kafka, argfile_line
from netra.stack.kafka_acls import AclRule, PrincipalRole, desk_acls, role_acls, worker_acls
from netra.stack.kafka_secure import (
    ADMIN_USER,
    BROKER_USER,
    DESK_USER,
    WORKER_USER,
    Secrets,
    SecureKafka,
    env_file_text,
    subject_alt_names,
)
from netra.stack.service import render
from netra.stack.supervisor import select
from streams.settings import Settings, private_dir


@pytest.fixture
def settings(tmp_path: Path) -> StackSettings:
    return StackSettings.from_env(
        {
            "NETRA_STATE": str(tmp_path / "state"),
            "NETRA_CACHE": str(tmp_path / "cache"),
            "NETRA_KAFKA_SECURE_BOOTSTRAP": "127.0.0.1:39095",
        }
    )


@pytest.fixture
def broker(settings: StackSettings) -> SecureKafka:
    svc = SecureKafka(settings, Console(quiet=True))
    private_dir(svc.dir)  # what Service.start does before prepare()
    return svc


def properties(path: Path) -> dict[str, str]:
    pairs = (
        line.split("=", 1)
        for line in path.read_text().splitlines()
        if line and not line.startswith("#")
    )
    return {k: v for k, v in pairs}


def test_it_runs_beside_the_plain_broker_on_its_own_ports_folder_and_heap(
    settings: StackSettings, broker: SecureKafka
) -> None:
    plain = Kafka(settings, Console(quiet=True))
    assert (broker.address.port, broker.controller_port) == (39095, 39096)
    assert (plain.address.port, plain.controller_port) == (29092, 29093)
    assert broker.dir == settings.state_dir / "kafka-secure" != plain.dir
    assert "-Xmx256m" in broker.command() and "-Xmx512m" in plain.command()
    assert broker.command()[-1] == str(broker.dir / "server.properties")


def test_rendered_properties_allow_only_sasl_ssl_clients_and_authorise_everything(
    broker: SecureKafka, tmp_path: Path
) -> None:
    out = tmp_path / "server.properties"
    render(broker.settings.local_dir / broker.template, out, **broker.template_values())
    props = properties(out)
    stored = broker.secrets()
    assert stored is not None
    assert props["listeners"] == "SECURE://127.0.0.1:39095,CONTROLLER://127.0.0.1:39096"
    assert props["advertised.listeners"] == "SECURE://127.0.0.1:39095"
    assert props["listener.security.protocol.map"] == "SECURE:SASL_SSL,CONTROLLER:SSL"
    assert "PLAINTEXT" not in props["listener.security.protocol.map"]
    assert props["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert props["listener.name.controller.ssl.client.auth"] == "required"
    assert props["authorizer.class.name"].endswith(".StandardAuthorizer")
    assert props["allow.everyone.if.no.acl.found"] == "false"
    assert props["super.users"] == f"User:{BROKER_USER};User:{ADMIN_USER}"
    assert props["ssl.principal.mapping.rules"] == "RULE:^CN=([^,]+).*$/$1/,DEFAULT"
    assert props["ssl.keystore.location"] == str(broker.keystore)
    assert props["ssl.keystore.password"] == stored.keystore_password
    assert props["ssl.truststore.location"] == str(broker.ca_file)
    assert props["auto.create.topics.enable"] == "false"
    jaas = props["listener.name.secure.scram-sha-512.sasl.jaas.config"]
    assert f'username="{BROKER_USER}"' in jaas
    assert f'password="{stored.users[BROKER_USER]}";' in jaas
    assert props["log.dirs"] == str(broker.data_dir)


def test_secrets_are_made_once_private_and_distinct(broker: SecureKafka) -> None:
    first = broker._ensure_secrets()
    assert stat.S_IMODE(broker.secrets_file.stat().st_mode) == 0o600
    assert broker._ensure_secrets() == first == Secrets.load(broker.secrets_file)
    passwords = [first.ca_password, first.keystore_password, *first.users.values()]
    assert len(set(passwords)) == len(passwords) == 6
    assert all(len(p) >= 32 for p in passwords)
    assert set(first.users) == {BROKER_USER, ADMIN_USER, WORKER_USER, DESK_USER}


def test_secrets_made_before_the_desk_had_a_principal_gain_its_password(
    broker: SecureKafka,
) -> None:
    first = broker._ensure_secrets()
    older = Secrets(
        first.ca_password,
        first.keystore_password,
        {u: p for u, p in first.users.items() if u != DESK_USER},
    )
    older.save(broker.secrets_file)
    broker.data_dir.mkdir(parents=True)
    (broker.data_dir / "meta.properties").write_text("version=1\n")  # formatted without it
    now = broker._ensure_secrets()
    assert {u: now.users[u] for u in older.users} == older.users  # nothing else changes
    assert len(now.users[DESK_USER]) >= 32
    assert Secrets.load(broker.secrets_file) == now


def test_lost_secrets_of_a_formatted_broker_are_an_error(broker: SecureKafka) -> None:
    broker.data_dir.mkdir(parents=True)
    (broker.data_dir / "meta.properties").write_text("version=1\n")
    with pytest.raises(StackError, match="credentials"):
        broker._ensure_secrets()


def test_the_storage_formatter_gets_every_scram_user(broker: SecureKafka) -> None:
    stored = broker._ensure_secrets()
    args = broker.storage_args()
    assert args[0::2] == ["--add-scram"] * 4
    assert args[1::2] == [
        f"SCRAM-SHA-512=[name={user},password={stored.users[user]}]"
        for user in (BROKER_USER, ADMIN_USER, WORKER_USER, DESK_USER)
    ]


def test_argfile_quoting_keeps_spaces_quotes_and_backslashes() -> None:
    assert argfile_line("/state dir/server.properties") == '"/state dir/server.properties"'
    assert argfile_line('a\\b"c') == '"a\\\\b\\"c"'


def test_client_env_connects_the_worker_and_survives_the_shell(
    broker: SecureKafka, tmp_path: Path
) -> None:
    stored = broker._ensure_secrets()
    env = broker.client_env()
    assert env == {
        "NETRA_KAFKA_BOOTSTRAP": "127.0.0.1:39095",
        "NETRA_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "NETRA_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "NETRA_KAFKA_USERNAME": WORKER_USER,
        "NETRA_KAFKA_PASSWORD": stored.users[WORKER_USER],
        "NETRA_KAFKA_CA_FILE": str(broker.ca_file),
    }
    client = broker.client_settings()
    assert client.kafka_security_protocol == "SASL_SSL"
    assert client.kafka_password is not None
    assert client.kafka_password.get_secret_value() == stored.users[WORKER_USER]
    # A path with a space and a quote must come back unchanged from `. client.env`.
    tricky = {**env, "NETRA_KAFKA_CA_FILE": "/a b/it's/ca.pem"}
    env_file = tmp_path / "client.env"
    env_file.write_text(env_file_text(tricky))
    shown = subprocess.run(
        ["sh", "-c", f'set -a; . "{env_file}"; set +a; env'],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert {k: v for k, _, v in (line.partition("=") for line in shown) if k in tricky} == tricky


def test_admin_login_needs_the_first_start(broker: SecureKafka) -> None:
    assert broker.admin_kwargs() is None  # no CA, no secrets yet: not healthy, no crash
    with pytest.raises(StackError, match="netra stack up --secure"):
        broker.client_env()


def test_subject_alt_names_cover_the_listen_address_and_loopback() -> None:
    assert subject_alt_names("127.0.0.1") == "ip:127.0.0.1,dns:localhost"
    assert subject_alt_names("kafka.local") == "dns:kafka.local,ip:127.0.0.1,dns:localhost"
    assert subject_alt_names("::1") == "ip:::1,ip:127.0.0.1,dns:localhost"


def test_worker_acls_cover_netras_topics_and_group_only() -> None:
    rules = worker_acls("User:netra-worker", Settings.model_validate({}))
    topics = {(r.name, r.pattern) for r in rules if r.resource == "TOPIC"}
    assert topics == {("netra.", "PREFIXED"), ("netra-", "PREFIXED")}
    groups = {(r.name, r.pattern, r.operation) for r in rules if r.resource == "GROUP"}
    assert groups == {
        (group, "LITERAL", op)
        for group in ("netra", "netra.capture")
        for op in ("READ", "DESCRIBE")
    } | {("netra.replay.", "PREFIXED", op) for op in ("READ", "DESCRIBE")}
    for name, _ in topics:
        ops = {r.operation for r in rules if r.name == name and r.resource == "TOPIC"}
        assert ops == {"READ", "WRITE", "DESCRIBE", "CREATE"}
    assert {r.principal for r in rules} == {"User:netra-worker"}
    assert not any(r.operation in {"ALL", "ALTER", "DELETE", "ALTER_CONFIGS"} for r in rules)


def test_desk_acls_write_its_own_topics_and_look_up_the_registry_and_reporters_only() -> None:
    settings = Settings.model_validate({})
    rules = desk_acls("User:netra-desk", settings)
    assert role_acls(PrincipalRole.DESK, "User:netra-desk", settings) == rules
    assert {r.resource for r in rules} == {"TOPIC"}  # no group: it consumes nothing
    assert {r.pattern for r in rules} == {"LITERAL"}
    ops: dict[str, set[str]] = {}
    for rule in rules:
        ops.setdefault(rule.name, set()).add(rule.operation)
    write = {"WRITE", "DESCRIBE"}
    assert ops == {
        "netra.reviews": write,
        "netra.audit": write,
        "netra.posts": write,
        "netra.reporters": {"WRITE", "READ", "DESCRIBE"},
        "netra.registry": {"READ", "DESCRIBE"},
    }


def test_the_worker_role_is_the_worker_grant() -> None:
    settings = Settings.model_validate({})
    assert role_acls(PrincipalRole.WORKER, "User:w", settings) == worker_acls("User:w", settings)


def test_a_topic_renamed_out_of_the_prefixes_is_granted_by_exact_name() -> None:
    settings = Settings.model_validate({"app_id": "judges", "posts_topic": "ingest.posts"})
    rules = worker_acls("User:w", settings)
    topics = {(r.name, r.pattern) for r in rules if r.resource == "TOPIC"}
    assert topics == {("netra.", "PREFIXED"), ("judges-", "PREFIXED"), ("ingest.posts", "LITERAL")}
    assert {r.name for r in rules if r.resource == "GROUP"} == {
        "judges",
        "judges.capture",
        "judges.replay.",
    }


def test_an_acl_rule_becomes_a_kafka_python_allow_entry() -> None:
    acl = AclRule("User:netra-worker", "TOPIC", "netra.", "PREFIXED", "WRITE").to_kafka()
    assert acl.principal == "User:netra-worker" and acl.host == "*"
    assert acl.operation is ACLOperation.WRITE
    assert acl.permission_type is ACLPermissionType.ALLOW
    assert acl.resource_pattern.resource_type is ResourceType.TOPIC
    assert acl.resource_pattern.resource_name == "netra."
    assert acl.resource_pattern.pattern_type is ACLResourcePatternType.PREFIXED


def test_secure_selects_the_secure_broker_for_kafka() -> None:
    assert [t.name for t in select(["kafka"], secure=True)] == ["kafka-secure"]
    assert [t.name for t in select(None, secure=True)] == [
        "kafka-secure",
        "elasticsearch",
        "objectstore",
        "alertmanager",
        "prometheus",
    ]
    assert [t.name for t in select(["kafka"])] == ["kafka"]


def test_status_shows_the_workers_variables_but_not_the_password(broker: SecureKafka) -> None:
    env = broker.public_env()
    assert env["NETRA_KAFKA_BOOTSTRAP"] == "127.0.0.1:39095"
    assert env["NETRA_KAFKA_USERNAME"] == WORKER_USER
    assert "NETRA_KAFKA_PASSWORD" not in env
