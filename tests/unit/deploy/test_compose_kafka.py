"""deploy/compose's Kafka, checked offline: kafka-secure.sh renders the broker configuration
that `netra stack up --secure` runs (and the integration tests prove), makes a CA and a broker
certificate with the same keytool, and every Netra container logs in over verified TLS."""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from netra.stack.service import render

REPO = Path(__file__).resolve().parents[3]
COMPOSE_DIR = REPO / "deploy" / "compose"
SCRIPT = COMPOSE_DIR / "kafka-secure.sh"
TEMPLATE = REPO / "deploy" / "local" / "kafka-secure-server.properties"
REQUIRED_REF = re.compile(r"^\$\{(?P<name>[A-Z][A-Z0-9_]*):\?[^}]*\}$")
#: Services that run Netra against Kafka, and the principal each logs in as.
KAFKA_CLIENTS = {
    "kafka-acls": "netra-admin",
    "topics-init": "netra-worker",
    "worker": "netra-worker",
    "cli": "netra-worker",
    "desk": "netra-desk",
}
PASSWORDS = {
    "KAFKA_KEYSTORE_PASSWORD": "keystore-password-0123",
    "NETRA_KAFKA_BROKER_PASSWORD": "broker-password-0123",
    "NETRA_KAFKA_ADMIN_PASSWORD": "admin-password-0123",
    "NETRA_KAFKA_WORKER_PASSWORD": "worker-password-0123",
}


def _services() -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = yaml.safe_load(
        (COMPOSE_DIR / "docker-compose.yml").read_text()
    )["services"]
    return services


def _env(service: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _services()[service].get("environment", {}).items()}


def _mounts(service: str) -> dict[str, str]:
    """Container path -> source of a service's mounts."""
    return dict(reversed(v.split(":")[:2]) for v in _services()[service].get("volumes", []))


def _script(command: str, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ["PATH"],
        "NETRA_KAFKA_TEMPLATE": str(TEMPLATE),
        **PASSWORDS,
        **extra,
    }
    return subprocess.run(
        ["bash", str(SCRIPT), command], env=env, capture_output=True, text=True, check=False
    )


def _rendered(tmp_path: Path, **extra: str) -> str:
    result = _script("render", tmp_path, **extra)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_script_renders_what_the_local_secure_stack_renders(tmp_path: Path) -> None:
    """One broker configuration: the compose broker runs the template the integration tests
    run, filled in the same way as netra.stack fills it."""
    expected = tmp_path / "expected.properties"
    render(
        TEMPLATE,
        expected,
        host="kafka",
        port=9092,
        controller_port=9093,
        data_dir="/var/lib/kafka/data",
        keystore="/netra/certs/broker.p12",
        keystore_password=PASSWORDS["KAFKA_KEYSTORE_PASSWORD"],
        ca_file="/netra/certs/ca.pem",
        broker_user="netra-broker",
        broker_password=PASSWORDS["NETRA_KAFKA_BROKER_PASSWORD"],
        super_users="User:netra-broker;User:netra-admin",
    )
    assert _rendered(tmp_path) == expected.read_text()


def test_the_rendered_broker_takes_sasl_ssl_only_and_authorises_everything(
    tmp_path: Path,
) -> None:
    props = dict(
        line.split("=", 1)
        for line in _rendered(tmp_path).splitlines()
        if line and not line.startswith("#")
    )
    assert "$" not in "".join(v for k, v in props.items() if k != "ssl.principal.mapping.rules")
    protocols = dict(p.split(":") for p in props["listener.security.protocol.map"].split(","))
    assert protocols == {"SECURE": "SASL_SSL", "CONTROLLER": "SSL"}
    assert props["listeners"] == "SECURE://kafka:9092,CONTROLLER://kafka:9093"
    assert props["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    assert props["listener.name.controller.ssl.client.auth"] == "required"
    assert props["allow.everyone.if.no.acl.found"] == "false"
    assert "StandardAuthorizer" in props["authorizer.class.name"]
    assert "netra-worker" not in props["super.users"]
    assert props["ssl.principal.mapping.rules"] == "RULE:^CN=([^,]+).*$/$1/,DEFAULT"


@pytest.mark.parametrize(
    ("value", "reason"),
    [("", "is empty"), ("short", "shorter than 16"), ('quote"in-the-password', "only letters")],
)
def test_the_script_refuses_a_password_it_cannot_write_safely(
    tmp_path: Path, value: str, reason: str
) -> None:
    result = _script("render", tmp_path, NETRA_KAFKA_BROKER_PASSWORD=value)
    assert result.returncode != 0
    assert "NETRA_KAFKA_BROKER_PASSWORD" in result.stderr and reason in result.stderr
    assert result.stdout == ""


@pytest.mark.skipif(shutil.which("keytool") is None, reason="keytool (a JDK) is not installed")
def test_certs_makes_a_broker_certificate_for_kafka_signed_by_a_ca_it_forgets(
    tmp_path: Path,
) -> None:
    certs, ca_out = tmp_path / "certs", tmp_path / "ca"
    me = pwd.getpwuid(os.getuid()).pw_name
    dirs = {"NETRA_KAFKA_CERTS": str(certs), "NETRA_KAFKA_CA_OUT": str(ca_out)}
    result = _script("certs", tmp_path, NETRA_KAFKA_OS_USER=me, **dirs)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in certs.iterdir()) == ["broker.p12", "ca.pem"]
    assert (certs / "broker.p12").stat().st_mode & 0o777 == 0o600
    assert (ca_out / "ca.pem").read_bytes() == (certs / "ca.pem").read_bytes()
    ssl.create_default_context(cafile=str(ca_out / "ca.pem"))  # a certificate Python trusts
    listing = subprocess.run(
        ["keytool", "-list", "-v", "-keystore", str(certs / "broker.p12")],
        input=PASSWORDS["KAFKA_KEYSTORE_PASSWORD"] + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Certificate chain length: 2" in listing
    assert "DNSName: kafka" in listing and "Owner: CN=netra-broker" in listing
    assert "Issuer: CN=Netra Kafka CA" in listing
    # A second run keeps the certificate the broker already uses.
    before = (certs / "broker.p12").read_bytes()
    again = _script("certs", tmp_path, NETRA_KAFKA_OS_USER=me, **dirs)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert (certs / "broker.p12").read_bytes() == before


def test_the_broker_gets_its_certificate_and_the_netra_containers_its_ca_alone() -> None:
    assert _mounts("kafka-setup")["/netra/certs"] == "kafka-certs"
    assert _mounts("kafka-setup")["/netra/ca"] == "kafka-ca"
    assert _mounts("kafka")["/netra/certs"] == "kafka-certs"
    assert _services()["kafka"]["depends_on"]["kafka-setup"]["condition"] == (
        "service_completed_successfully"
    )
    assert "ports" not in _services()["kafka"]
    for service in KAFKA_CLIENTS:
        assert "kafka-certs" not in _mounts(service).values(), service


def test_every_netra_container_logs_in_over_verified_tls_as_its_principal() -> None:
    broker = _env("kafka")
    for service, user in KAFKA_CLIENTS.items():
        env = _env(service)
        assert env["NETRA_KAFKA_BOOTSTRAP"] == "kafka:9092", service
        assert env["NETRA_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL", service
        assert env["NETRA_KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512", service
        assert _mounts(service)[str(Path(env["NETRA_KAFKA_CA_FILE"]).parent)] == "kafka-ca"
        assert env["NETRA_KAFKA_USERNAME"] == user, service
        ref = REQUIRED_REF.match(env["NETRA_KAFKA_PASSWORD"])
        assert ref, service
        # The same .env variable the broker formats that user's SCRAM credential from, or
        # (the desk's) kafka-acls sets it from.
        owner = {"netra-admin": "ADMIN", "netra-worker": "WORKER", "netra-desk": "DESK"}[user]
        source = _env("kafka-acls") if owner == "DESK" else broker
        assert source[f"NETRA_KAFKA_{owner}_PASSWORD"] == env["NETRA_KAFKA_PASSWORD"], service


def test_the_workers_and_the_desks_principals_are_granted_before_topics_are_made() -> None:
    services = _services()
    shell, flag, script = services["kafka-acls"]["command"]
    assert (shell, flag) == ("sh", "-c")
    grants = [shlex.split(step) for step in script.split("&&")]
    assert grants == [
        ["netra", "topics", "grant", "User:netra-worker"],
        [
            "netra",
            "topics",
            "grant",
            "--role",
            "desk",
            "--password-env",
            "NETRA_KAFKA_DESK_PASSWORD",
            "User:netra-desk",
        ],
    ]
    assert REQUIRED_REF.match(_env("kafka-acls")["NETRA_KAFKA_DESK_PASSWORD"])
    assert services["desk"]["depends_on"]["topics-init"]["condition"] == (
        "service_completed_successfully"
    )
    assert services["topics-init"]["depends_on"] == {
        "kafka-acls": {"condition": "service_completed_successfully"}
    }
    assert services["worker"]["depends_on"]["topics-init"]["condition"] == (
        "service_completed_successfully"
    )


def test_the_script_checks_every_password_compose_gives_the_broker() -> None:
    text = SCRIPT.read_text()
    checked = set(re.findall(r"check_passwords ([A-Z_ ]+)", text))
    names = {n for line in checked for n in line.split()}
    given = {n for n in _env("kafka") if n.endswith("PASSWORD")}
    given |= {n for n in _env("kafka-setup") if n.endswith("PASSWORD")}
    assert given == names == set(PASSWORDS)


def test_the_script_is_valid_shell() -> None:
    result = subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    result = subprocess.run([shellcheck, str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
