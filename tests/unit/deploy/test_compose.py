"""deploy/compose and deploy/grafana, checked offline (no Docker engine here): the compose file
parses, builds and mounts only what exists, and gives workers only real NETRA_* settings."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import Settings

REPO = Path(__file__).resolve().parents[3]
COMPOSE_DIR = REPO / "deploy" / "compose"
COMPOSE = COMPOSE_DIR / "docker-compose.yml"
GRAFANA_DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "netra-workers.json"


def _compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return doc


def _services() -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = _compose()["services"]
    return services


def setting_env_names() -> set[str]:
    """The environment variables Settings reads: NETRA_<FIELD> or a field's explicit alias."""
    names = set()
    for name, info in Settings.model_fields.items():
        names.add(info.alias if info.alias else f"NETRA_{name.upper()}")
    return names


def _bind_sources(service: dict[str, Any]) -> list[str]:
    sources = []
    for volume in service.get("volumes", []):
        source = volume["source"] if isinstance(volume, dict) else volume.split(":", 1)[0]
        if source.startswith((".", "/")):
            sources.append(source)
    return sources


def test_services_present() -> None:
    wanted = {"kafka", "elasticsearch", "kibana", "prometheus", "alertmanager", "grafana"}
    wanted |= {"worker", "topics-init", "desk"}
    assert wanted <= set(_services())


def test_every_service_has_an_image_or_build() -> None:
    for name, service in _services().items():
        assert service.get("image") or service.get("build"), name


def test_builds_and_mounts_point_at_existing_files() -> None:
    for name, service in _services().items():
        build = service.get("build")
        if build:
            context = COMPOSE_DIR / (build if isinstance(build, str) else build["context"])
            assert context.is_dir(), f"{name}: build context {context}"
            dockerfile = (
                build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
            )
            assert (context / dockerfile).is_file(), f"{name}: {dockerfile}"
        for source in _bind_sources(service):
            assert (COMPOSE_DIR / source).exists(), f"{name}: mounts missing {source}"


def test_worker_environment_names_are_real_settings() -> None:
    known = setting_env_names()
    for name in ("worker", "topics-init", "cli", "purge", "desk"):
        env = _services()[name]["environment"]
        names = set(env) if isinstance(env, dict) else {e.split("=", 1)[0] for e in env}
        netra = {n for n in names if n.startswith("NETRA_")}
        assert netra, name
        assert netra <= known, f"{name}: unknown settings {sorted(netra - known)}"
    env = _services()["worker"]["environment"]
    assert env["NETRA_METRICS_HOST"] == "0.0.0.0"


def test_setting_names_check_is_not_vacuous() -> None:
    known = setting_env_names()
    assert {"NETRA_KAFKA_BOOTSTRAP", "NETRA_ES_URL", "NETRA_STATE"} <= known
    assert "NETRA_KAFKA_BOOTSTRAPS" not in known


def test_kafka_runs_in_kraft_mode_and_workers_fit_the_partitions() -> None:
    services = _services()
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert kafka["command"] == ["bash", "/netra/kafka-secure.sh", "start"]
    template = _volume_targets("kafka")["/netra/kafka-secure-server.properties"]
    assert "process.roles=broker,controller" in (COMPOSE_DIR / template).read_text()
    assert services["elasticsearch"]["image"].split(":")[-1].startswith("9.")
    assert services["kibana"]["image"].split(":")[-1].startswith("9.")
    worker = services["worker"]
    partitions = int(worker["environment"]["NETRA_PARTITIONS"])
    assert worker["deploy"]["replicas"] <= partitions == Settings().partitions
    assert services["topics-init"]["command"] == ["netra", "topics", "create"]


def test_compose_prometheus_loads_the_rule_folder_it_mounts() -> None:
    services = _services()
    mounts = {
        target: source
        for source, target in (
            v.split(":")[:2] for v in services["prometheus"]["volumes"] if v.startswith(".")
        )
    }
    config = yaml.safe_load((COMPOSE_DIR / mounts["/etc/prometheus/prometheus.yml"]).read_text())
    (rule_glob,) = config["rule_files"]
    folder, pattern = rule_glob.rsplit("/", 1)
    assert list((COMPOSE_DIR / mounts[folder]).glob(pattern))
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    assert "netra-worker" in jobs


def test_dockerfile_runs_a_worker_reachable_from_other_containers() -> None:
    text = (REPO / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "NETRA_METRICS_HOST=0.0.0.0" in text
    assert 'CMD ["netra", "worker"]' in text
    for copied in re.findall(r"^COPY (\S+) ", text, flags=re.MULTILINE):
        assert (REPO / copied).exists(), copied


def test_grafana_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    """Every panel query must parse; promtool checks them as rules (same PromQL parser)."""
    dashboard = json.loads(GRAFANA_DASHBOARD.read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert len(exprs) >= 10
    assert all(
        t["datasource"]["uid"] == "netra-prometheus"
        for p in dashboard["panels"]
        for t in p["targets"]
    )
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (apt-get install prometheus, or `netra stack up`)")
    rules = [
        {"record": f"netra:dashboard:q{i}", "expr": e.replace("$__rate_interval", "5m")}
        for i, e in enumerate(exprs)
    ]
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = subprocess.run(
        [promtool, "check", "rules", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_grafana_datasource_matches_the_dashboard() -> None:
    provisioning = REPO / "deploy" / "grafana" / "provisioning"
    datasources = yaml.safe_load((provisioning / "datasources" / "prometheus.yml").read_text())
    assert {d["uid"] for d in datasources["datasources"]} == {"netra-prometheus"}
    provider = yaml.safe_load((provisioning / "dashboards" / "netra.yml").read_text())
    assert provider["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"


# --- Elasticsearch and Kibana with security and TLS on ------------------------------------

SETUP_SCRIPT = COMPOSE_DIR / "elasticsearch-setup.sh"
ENV_EXAMPLE = COMPOSE_DIR / ".env.example"
ROLES_DIR = REPO / "deploy" / "elasticsearch" / "roles"
NETRA_ES_CLIENTS = {
    "worker": "netra_worker",
    "cli": "netra_reader",
    "purge": "netra_purge",
    "desk": "netra_desk",
}
SECRET_NAME = re.compile(r"PASSWORD|API_KEY|SECRET|TOKEN|ENCRYPTIONKEY", re.IGNORECASE)
REQUIRED_REF = re.compile(r"^\$\{(?P<name>[A-Z][A-Z0-9_]*):\?[^}]*\}$")


def _env(service: str) -> dict[str, str]:
    env = _services()[service].get("environment", {})
    if isinstance(env, list):
        env = dict(e.split("=", 1) for e in env)
    return {str(k): str(v) for k, v in env.items()}


def _volume_targets(service: str) -> dict[str, str]:
    """Container path -> source (named volume or host path) of a service's mounts."""
    targets = {}
    for volume in _services()[service].get("volumes", []):
        source, target = volume.split(":")[:2]
        targets[target] = source
    return targets


def _mounted_from(service: str, path: str) -> str | None:
    """The volume or host path that holds `path` in the service's container, if any."""
    for target, source in _volume_targets(service).items():
        if path == target or path.startswith(target.rstrip("/") + "/"):
            return source
    return None


def _setup_users() -> dict[str, str]:
    """user -> role, as elasticsearch-setup.sh creates them."""
    text = SETUP_SCRIPT.read_text()
    return dict(re.findall(r"^user (\S+) (\S+) ", text, flags=re.MULTILINE))


def test_elasticsearch_runs_with_security_and_tls_on() -> None:
    env = _env("elasticsearch")
    for setting in (
        "xpack.security.enabled",
        "xpack.security.http.ssl.enabled",
        "xpack.security.transport.ssl.enabled",
    ):
        assert env.get(setting) == "true", f"{setting} must be 'true'"
    assert env["xpack.security.transport.ssl.verification_mode"] in ("certificate", "full")
    certs = "/usr/share/elasticsearch/config/"
    for setting in ("key", "certificate", "certificate_authorities"):
        for layer in ("http", "transport"):
            path = certs + env[f"xpack.security.{layer}.ssl.{setting}"]
            assert _mounted_from("elasticsearch", path) == "es-certs", path
    assert _mounted_from("setup", certs + "certs/ca/ca.crt") == "es-certs"
    health = " ".join(_services()["elasticsearch"]["healthcheck"]["test"])
    assert "https://" in health and "--cacert" in health and "http://" not in health


def test_setup_makes_the_certificates_elasticsearch_and_kibana_use() -> None:
    text = SETUP_SCRIPT.read_text()
    assert "elasticsearch-certutil ca" in text and "elasticsearch-certutil cert" in text
    instances = yaml.safe_load(text.split("<<'YAML'\n", 1)[1].split("\nYAML\n", 1)[0])
    names = {i["name"]: i for i in instances["instances"]}
    assert {"elasticsearch", "kibana"} <= set(names)
    # The certificates name the hosts the other containers use to reach them.
    assert "elasticsearch" in names["elasticsearch"]["dns"]
    assert "kibana" in names["kibana"]["dns"]
    assert _env("elasticsearch")["xpack.security.http.ssl.certificate"] == (
        "certs/elasticsearch/elasticsearch.crt"
    )
    assert _env("kibana")["SERVER_SSL_CERTIFICATE"] == "config/certs/kibana/kibana.crt"
    depends = _services()["elasticsearch"]["depends_on"]
    assert depends["setup"]["condition"] == "service_healthy"


def test_kibana_serves_tls_and_verifies_elasticsearch() -> None:
    env = _env("kibana")
    assert env["SERVER_SSL_ENABLED"] == "true"
    hosts = yaml.safe_load(env["ELASTICSEARCH_HOSTS"])
    assert hosts and all(h.startswith("https://") for h in hosts), hosts
    assert env["ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES"] == "config/certs/ca/ca.crt"
    assert env.get("ELASTICSEARCH_SSL_VERIFICATIONMODE", "full") in ("full", "certificate")
    assert env["ELASTICSEARCH_USERNAME"] == "kibana_system"
    for path in ("SERVER_SSL_CERTIFICATE", "SERVER_SSL_KEY"):
        assert _mounted_from("kibana", "/usr/share/kibana/" + env[path]) == "es-certs"
    assert env["ELASTICSEARCH_PASSWORD"] == _env("setup")["KIBANA_SYSTEM_PASSWORD"]


def test_netra_reaches_elasticsearch_over_verified_tls_as_its_own_user(tmp_path: Path) -> None:
    from pydantic import SecretStr

    from streams.esclient import client_options

    users = _setup_users()
    ca_file = tmp_path / "ca.crt"
    ca_file.write_text("-----BEGIN CERTIFICATE-----\n")
    for service, user in NETRA_ES_CLIENTS.items():
        env = _env(service)
        assert env["NETRA_ES_URL"].startswith("https://"), service
        assert env.get("NETRA_ES_VERIFY_CERTS", "true") == "true", service
        assert _mounted_from(service, env["NETRA_ES_CA_CERT"]) == "es-ca", service
        assert env["NETRA_ES_USERNAME"] == user, service
        assert users[user] == user, f"setup must create {user} with role {user}"
        assert REQUIRED_REF.match(env["NETRA_ES_PASSWORD"]), service
        # What the factory makes of it: basic auth over https, verified with the CA.
        settings = Settings(
            es_url=env["NETRA_ES_URL"],
            es_username=env["NETRA_ES_USERNAME"],
            es_password=SecretStr("from-the-env-file"),
            es_ca_cert=ca_file,
        )
        options = client_options(settings)
        assert options["basic_auth"][0] == user and options["verify_certs"] is True
    assert "elastic" not in {_env(s)["NETRA_ES_USERNAME"] for s in NETRA_ES_CLIENTS}
    assert _mounted_from("setup", "/netra-ca/ca.crt") == "es-ca"


def test_setup_creates_every_role_it_assigns_from_the_role_files() -> None:
    text = SETUP_SCRIPT.read_text()
    assert _mounted_from("setup", "/netra/roles/x.json") == "../elasticsearch/roles"
    (loop,) = re.findall(r"^for role in ([\w ]+); do$", text, flags=re.MULTILINE)
    created = set(loop.split())
    assert created == {p.stem for p in ROLES_DIR.glob("*.json")}
    assert set(_setup_users().values()) <= created
    assert "/_security/user/kibana_system/_password" in text


def test_setup_checks_every_password_compose_gives_it() -> None:
    text = SETUP_SCRIPT.read_text()
    (array,) = re.findall(r"^PASSWORDS=\(([^)]*)\)", text, flags=re.MULTILINE | re.DOTALL)
    assert set(array.split()) == set(_env("setup"))


def test_setup_script_is_valid_shell() -> None:
    result = subprocess.run(
        ["bash", "-n", str(SETUP_SCRIPT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    result = subprocess.run(
        [shellcheck, str(SETUP_SCRIPT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _secret_variables() -> list[tuple[str, str, str]]:
    """(service, variable, value) of every environment variable that carries a secret."""
    found = []
    for name in _services():
        for variable, value in _env(name).items():
            if SECRET_NAME.search(variable):
                found.append((name, variable, value))
    return found


def test_no_secret_is_inlined_or_defaulted() -> None:
    """A secret comes from .env with ${NAME:?...}: no literal value, no ${NAME:-default}."""
    secrets = _secret_variables()
    assert len(secrets) >= 10, secrets  # the check sees the secrets it is meant to see
    for service, variable, value in secrets:
        assert REQUIRED_REF.match(value), f"{service}: {variable} must be ${{NAME:?...}}: {value}"


def test_secret_check_catches_an_inlined_password() -> None:
    assert not REQUIRED_REF.match("change-me")
    assert not REQUIRED_REF.match("${GRAFANA_ADMIN_PASSWORD:-change-me}")
    assert REQUIRED_REF.match("${GRAFANA_ADMIN_PASSWORD:?set it}")


def test_env_example_lists_every_variable_with_no_value() -> None:
    referenced = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", COMPOSE.read_text()))
    example: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            example[name.strip()] = value.strip()
    assert set(example) == referenced
    assert all(value == "" for value in example.values()), "the example must hold no secret"
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert "deploy/compose/.env" in ignored


# --- The review desk ------------------------------------------------------------------------


def _dockerfile_env(name: str) -> str:
    (value,) = re.findall(rf"^\s*{name}=(\S+)", (REPO / "Dockerfile").read_text(), re.MULTILINE)
    return str(value)


def test_desk_listens_on_every_address_of_its_container_but_is_published_on_loopback() -> None:
    desk = _services()["desk"]
    assert desk["command"] == ["netra", "desk", "--host", "0.0.0.0"]
    port = _env("desk")["NETRA_DESK_PORT"]
    assert desk["ports"] == [f"127.0.0.1:{port}:{port}"]
    assert _env("desk")["NETRA_DESK_URL"] == f"http://127.0.0.1:{port}"
    health = " ".join(desk["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/login" in health


def test_desk_keeps_its_users_file_on_a_volume_its_user_owns() -> None:
    """The users store refuses a file others may read and writes it 0600 itself: the file sits
    in the image's NETRA_STATE (made by the image for its user), on a named volume, which
    Docker creates with that owner, so `netra users` in the container and the desk agree."""
    env = _env("desk")
    state = _dockerfile_env("NETRA_STATE")
    users_file = env["NETRA_USERS_FILE"]
    assert users_file.startswith(state.rstrip("/") + "/")
    source = _mounted_from("desk", users_file)
    assert source == _volume_targets("desk")[state]
    assert source in _compose()["volumes"], "a named volume, not a host folder"
    assert not any(s.startswith((".", "/")) for s in _bind_sources(_services()["desk"]))


def test_desk_holds_the_keys_it_signs_and_reveals_with() -> None:
    env = _env("desk")
    for name in (
        "NETRA_DESK_SESSION_KEY",
        "NETRA_NIP_KEY",
        "NETRA_INTAKE_SIGNING_KEY",
        "NETRA_INTAKE_REPORTER_KEY",
    ):
        assert REQUIRED_REF.match(env[name]), name
    # The pseudonyms it reveals are the workers' ones.
    assert env["NETRA_NIP_KEY"] == _env("worker")["NETRA_NIP_KEY"]


def test_compose_prometheus_links_alerts_to_the_desk_compose_runs() -> None:
    config = yaml.safe_load((COMPOSE_DIR / "prometheus.yml").read_text())
    labels = config["global"]["external_labels"]
    assert labels["netra_desk_url"] == _env("desk")["NETRA_DESK_URL"]
