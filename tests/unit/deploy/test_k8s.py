"""deploy/k8s, checked offline (no cluster here): every manifest passes the Kubernetes JSON
schemas of a recent release, the worker Deployment is sized and probed as the docs say, every
component is fenced by a NetworkPolicy, Elasticsearch is reached over verified TLS with
credentials from Secrets that are never inlined, and /metrics binds to the pod's address."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kubernetes_validate  # type: ignore[import-untyped]
import pytest
import yaml

from streams.settings import Settings

REPO = Path(__file__).resolve().parents[3]
K8S = REPO / "deploy" / "k8s"
KUBERNETES_VERSION = "1.33.0"
NOT_RESOURCES = {"kustomization.yaml"}


def _manifests() -> list[tuple[str, dict[str, Any]]]:
    docs: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name in NOT_RESOURCES:
            continue
        docs.extend((path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc)
    return docs


def _kustomization() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return doc


def _generated_configmaps() -> list[dict[str, Any]]:
    """What kustomize's configMapGenerator makes, built here so the schemas check them too."""
    maps = []
    for generator in _kustomization()["configMapGenerator"]:
        data = {Path(f).name: (K8S / f).read_text() for f in generator["files"]}
        maps.append(
            {
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {"name": generator["name"], "namespace": "netra"},
                "data": data,
            }
        )
    return maps


def _deployment(name: str = "netra-worker") -> dict[str, Any]:
    (deployment,) = [
        d for _, d in _manifests() if d["kind"] == "Deployment" and d["metadata"]["name"] == name
    ]
    return deployment


@pytest.mark.parametrize(
    "doc",
    [d for _, d in _manifests()] + _generated_configmaps(),
    ids=lambda d: f"{d['kind']}/{d['metadata']['name']}",
)
def test_manifest_validates_against_kubernetes_schemas(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    broken = _deployment()
    broken = {**broken, "spec": {**broken["spec"], "replicas": "four"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest_and_every_rule_file() -> None:
    kustomization = _kustomization()
    manifests = {p.name for p in K8S.glob("*.yaml")} - NOT_RESOURCES
    assert set(kustomization["resources"]) == manifests
    generated = {
        (K8S / f).resolve() for g in kustomization["configMapGenerator"] for f in g["files"]
    }
    for folder in ("rules/packs/core", "rules/catalogue"):
        shipped = {p.resolve() for p in (REPO / folder).glob("*.yaml")}
        assert shipped, folder
        assert shipped <= generated, f"not in a ConfigMap: {sorted(shipped - generated)}"
    assert (REPO / "deploy/prometheus/netra.rules.yml").resolve() in generated


def test_replicas_do_not_exceed_partitions() -> None:
    assert 1 <= _deployment()["spec"]["replicas"] <= Settings().partitions


def test_worker_has_probes_limits_env_and_rule_pack() -> None:
    spec = _deployment()["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("livenessProbe", "readinessProbe"):
        http = container[probe]["httpGet"]
        assert http["path"] == "/metrics"
        assert http["port"] == "metrics"
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    (env_from,) = container["envFrom"]
    env_map = next(
        d
        for _, d in _manifests()
        if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "netra-env"
    )
    assert env_from["configMapRef"]["name"] == "netra-env"
    assert int(env_map["data"]["NETRA_METRICS_PORT"]) == ports["metrics"]
    assert int(env_map["data"]["NETRA_PARTITIONS"]) >= _deployment()["spec"]["replicas"]
    volumes = {v["name"]: v.get("configMap", {}).get("name") for v in spec["volumes"]}
    generated = {g["name"] for g in _kustomization()["configMapGenerator"]}
    assert {volumes["rule-pack"], volumes["catalogue"]} <= generated


def test_env_configmap_names_are_real_settings() -> None:
    known = {info.alias or f"NETRA_{name.upper()}" for name, info in Settings.model_fields.items()}
    (env_map,) = [
        d
        for _, d in _manifests()
        if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "netra-env"
    ]
    assert set(env_map["data"]) <= known


def test_pdb_and_service_select_the_workers() -> None:
    labels = _deployment()["spec"]["template"]["metadata"]["labels"]
    for kind, name in (
        ("PodDisruptionBudget", "netra-worker"),
        ("Service", "netra-worker-metrics"),
    ):
        (doc,) = [d for _, d in _manifests() if d["kind"] == kind and d["metadata"]["name"] == name]
        selector = doc["spec"]["selector"]
        selector = selector.get("matchLabels", selector)
        assert selector.items() <= labels.items(), kind


# --- Secrets, TLS, network policies, metrics bind -------------------------------------------

SECRET_EXAMPLES = K8S / "examples" / "secrets.yaml"
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}
SECRET_NAME = re.compile(r"PASSWORD|API_KEY|SECRET|TOKEN", re.IGNORECASE)
PLACEHOLDER = re.compile(r"^<[^<>]+>$")
DNS_PORT = 53


def _env_map() -> dict[str, str]:
    (env_map,) = [
        d
        for _, d in _manifests()
        if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "netra-env"
    ]
    data: dict[str, str] = env_map["data"]
    return data


def _workloads() -> list[dict[str, Any]]:
    return [d for _, d in _manifests() if d["kind"] in WORKLOAD_KINDS]


def _pod_template(workload: dict[str, Any]) -> dict[str, Any]:
    spec = workload["spec"]
    if workload["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    template: dict[str, Any] = spec["template"]
    return template


def _workload(name: str) -> dict[str, Any]:
    (found,) = [w for w in _workloads() if w["metadata"]["name"] == name]
    return found


def _container(name: str) -> dict[str, Any]:
    (container,) = _pod_template(_workload(name))["spec"]["containers"]
    found: dict[str, Any] = container
    return found


def _env_entries(name: str) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in _container(name).get("env", [])}


def _policies() -> list[dict[str, Any]]:
    return [d for _, d in _manifests() if d["kind"] == "NetworkPolicy"]


def _policy_for(labels: dict[str, str]) -> dict[str, Any]:
    """The one policy that selects pods with these labels, besides the namespace default deny."""
    matching = [
        p
        for p in _policies()
        if p["spec"]["podSelector"].get("matchLabels")
        and p["spec"]["podSelector"]["matchLabels"].items() <= labels.items()
    ]
    assert len(matching) == 1, f"pods {labels} need exactly one NetworkPolicy, found {matching}"
    return matching[0]


def _egress_namespaces(policy: dict[str, Any]) -> dict[str, set[int]]:
    """namespace -> ports a policy lets the pods reach there."""
    reached: dict[str, set[int]] = {}
    for rule in policy["spec"].get("egress", []):
        assert rule.get("to") and rule.get("ports"), "an egress rule names peers and ports"
        for peer in rule["to"]:
            assert "ipBlock" not in peer, "egress goes to named namespaces, not address blocks"
            namespace = peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
            reached.setdefault(namespace, set()).update(p["port"] for p in rule["ports"])
    return reached


def _service_port(url_or_hostport: str) -> tuple[str, int]:
    """(namespace, port) of a Service address like kafka.kafka.svc:9092 or https://es.x.svc:9200."""
    parts = urlsplit(url_or_hostport if "://" in url_or_hostport else f"//{url_or_hostport}")
    assert parts.hostname and parts.port, url_or_hostport
    return parts.hostname.split(".")[1], parts.port


def _secret_examples() -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(SECRET_EXAMPLES.read_text()) if d]


def test_elasticsearch_is_reached_over_https_with_the_ca_from_a_secret() -> None:
    data = _env_map()
    assert urlsplit(data["NETRA_ES_URL"]).scheme == "https"
    assert data.get("NETRA_ES_VERIFY_CERTS", "true") == "true"
    ca_path = Path(data["NETRA_ES_CA_CERT"])
    for name in ("netra-worker", "netra-purge", "netra-desk"):
        spec = _pod_template(_workload(name))["spec"]
        mounts = {m["mountPath"]: m for m in _container(name)["volumeMounts"]}
        mount = mounts[str(ca_path.parent)]
        assert mount["readOnly"] is True
        (volume,) = [v for v in spec["volumes"] if v["name"] == mount["name"]]
        items = {i["key"]: i["path"] for i in volume["secret"]["items"]}
        assert items["ca.crt"] == ca_path.name, name
        assert volume["secret"]["secretName"] == "netra-elasticsearch-ca"
        assert _container(name)["envFrom"] == [{"configMapRef": {"name": "netra-env"}}]


def _secret_file(name: str, path: Path) -> tuple[str, str]:
    """(Secret, key) a workload's container reads the file `path` from, mounted read-only."""
    spec = _pod_template(_workload(name))["spec"]
    mounts = {m["mountPath"]: m for m in _container(name)["volumeMounts"]}
    mount = mounts[str(path.parent)]
    assert mount["readOnly"] is True, name
    (volume,) = [v for v in spec["volumes"] if v["name"] == mount["name"]]
    (key,) = [i["key"] for i in volume["secret"]["items"] if i["path"] == path.name]
    return volume["secret"]["secretName"], key


#: The principal each Kafka client of the manifests logs in as (the desk writes only).
KAFKA_PRINCIPALS = {"netra-worker": "netra-worker", "netra-desk": "netra-desk"}


def test_kafka_is_reached_over_sasl_ssl_with_scram_and_the_ca_from_a_secret() -> None:
    """As deploy/compose: SASL_SSL, SCRAM-SHA-512, the CA from a Secret, and each component's
    own principal and password, so the desk's cannot do what the worker's may."""
    data = _env_map()
    settings = Settings.model_validate(
        {k.removeprefix("NETRA_").lower(): v for k, v in data.items()}
    )
    assert settings.kafka_security_protocol == "SASL_SSL"
    assert settings.kafka_sasl_mechanism == "SCRAM-SHA-512"
    assert settings.kafka_ca_file is not None
    passwords = set()
    for name, principal in KAFKA_PRINCIPALS.items():
        assert _container(name)["envFrom"] == [{"configMapRef": {"name": "netra-env"}}]
        assert _secret_file(name, settings.kafka_ca_file) == ("netra-kafka-ca", "ca.pem")
        env = _env_entries(name)
        assert env["NETRA_KAFKA_USERNAME"]["value"] == principal
        ref = env["NETRA_KAFKA_PASSWORD"]["valueFrom"]["secretKeyRef"]
        assert not ref.get("optional", False), "a pod without its password must not start"
        passwords.add((ref["name"], ref["key"]))
    assert len(passwords) == len(KAFKA_PRINCIPALS), "no two components share a Kafka login"
    # The purge job reaches Elasticsearch only: it holds no Kafka login at all.
    assert not [e for e in _env_entries("netra-purge") if e.startswith("NETRA_KAFKA")]


def test_each_component_authenticates_with_its_own_key_from_a_secret() -> None:
    keys = {}
    for name in ("netra-worker", "netra-purge", "netra-desk"):
        entry = _env_entries(name)["NETRA_ES_API_KEY"]
        ref = entry["valueFrom"]["secretKeyRef"]
        assert not ref.get("optional", False), "a pod without its key must not start"
        keys[name] = (ref["name"], ref["key"])
    assert len(set(keys.values())) == len(keys), "no two components share a credential"


def test_no_secret_is_inlined_in_a_manifest() -> None:
    """Secret values come from Secrets only: no `value:` for them, none in the ConfigMap, and no
    Secret object among the applied manifests (it would carry its value in the repository)."""
    assert not [d for _, d in _manifests() if d["kind"] == "Secret"]
    assert not [k for k in _env_map() if SECRET_NAME.search(k)]
    checked = 0
    for workload in _workloads():
        for container in _pod_template(workload)["spec"]["containers"]:
            for entry in container.get("env", []):
                if SECRET_NAME.search(entry["name"]):
                    checked += 1
                    assert "value" not in entry, f"{entry['name']} is inlined"
                    assert set(entry["valueFrom"]) == {"secretKeyRef"}, entry["name"]
    assert checked >= 2  # the check saw the worker's and the purge's keys


def test_every_secret_a_workload_reads_has_an_example_with_placeholders() -> None:
    examples = {s["metadata"]["name"]: s for s in _secret_examples()}
    wanted: set[tuple[str, str]] = set()
    for workload in _workloads():
        spec = _pod_template(workload)["spec"]
        for container in spec["containers"]:
            for entry in container.get("env", []):
                ref = entry.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    wanted.add((ref["name"], ref["key"]))
        for container in spec.get("initContainers", []):
            assert not container.get("env"), "init containers read Secrets as volumes only"
        for volume in spec.get("volumes", []):
            if "secret" in volume:
                wanted |= {
                    (volume["secret"]["secretName"], i["key"]) for i in volume["secret"]["items"]
                }
    assert wanted
    for secret_name, key in wanted:
        assert key in examples[secret_name]["stringData"], (secret_name, key)
    for secret in examples.values():
        assert "data" not in secret, "examples use stringData placeholders, never encoded values"
        for key, value in secret["stringData"].items():
            assert PLACEHOLDER.match(value), f"{secret['metadata']['name']}/{key} is not <...>"


@pytest.mark.parametrize(
    "secret",
    [d for d in yaml.safe_load_all(SECRET_EXAMPLES.read_text()) if d],
    ids=lambda d: f"Secret/{d['metadata']['name']}",
)
def test_secret_examples_validate(secret: dict[str, Any]) -> None:
    kubernetes_validate.validate(secret, KUBERNETES_VERSION, strict=True)


def test_metrics_bind_to_the_pod_address() -> None:
    entry = _env_entries("netra-worker")["NETRA_METRICS_HOST"]
    assert entry["valueFrom"] == {"fieldRef": {"fieldPath": "status.podIP"}}
    assert "NETRA_METRICS_HOST" not in _env_map()
    probe = _container("netra-worker")["readinessProbe"]["httpGet"]
    assert "host" not in probe, "the kubelet probes the pod IP, where /metrics listens"


def test_namespace_denies_all_traffic_by_default() -> None:
    defaults = [p for p in _policies() if p["spec"]["podSelector"] == {}]
    assert len(defaults) == 1
    spec = defaults[0]["spec"]
    assert set(spec["policyTypes"]) == {"Ingress", "Egress"}
    assert "ingress" not in spec and "egress" not in spec


def test_every_component_has_its_network_policy() -> None:
    assert _workloads()
    for workload in _workloads():
        labels = _pod_template(workload)["metadata"]["labels"]
        policy = _policy_for(labels)
        assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}, workload["metadata"]


def _kafka_elasticsearch_and_dns() -> dict[str, set[int]]:
    """namespace -> ports of Kafka, Elasticsearch, the evidence store (as netra-env names them)
    and cluster DNS."""
    data = _env_map()
    expected: dict[str, set[int]] = {"kube-system": {DNS_PORT}}
    addresses = [data["NETRA_ES_URL"], data["NETRA_OBJECT_STORE_URL"]]
    for address in [*data["NETRA_KAFKA_BOOTSTRAP"].split(","), *addresses]:
        namespace, port = _service_port(address)
        expected.setdefault(namespace, set()).add(port)
    return expected


def test_worker_reaches_kafka_and_elasticsearch_and_is_scraped_on_metrics_only() -> None:
    data = _env_map()
    policy = _policy_for(_pod_template(_workload("netra-worker"))["metadata"]["labels"])
    assert _egress_namespaces(policy) == _kafka_elasticsearch_and_dns()
    (rule,) = policy["spec"]["ingress"]
    assert [p["port"] for p in rule["ports"]] == [int(data["NETRA_METRICS_PORT"])]
    (peer,) = rule["from"]
    assert peer["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "prometheus"}


def test_the_evidence_store_takes_the_workers_and_the_desk_on_its_s3_port_only() -> None:
    policy = _policy_for(_pod_template(_workload("netra-objectstore"))["metadata"]["labels"])
    (rule,) = policy["spec"]["ingress"]
    assert [p["port"] for p in rule["ports"]] == [8333]
    assert [peer["podSelector"]["matchLabels"] for peer in rule["from"]] == [
        {"app.kubernetes.io/name": "netra-worker"},
        {"app.kubernetes.io/name": "netra-desk"},
    ]
    assert not policy["spec"].get("egress")
    (service,) = [
        d
        for _, d in _manifests()
        if d["kind"] == "Service" and "objectstore" in d["metadata"]["name"]
    ]
    _, port = _service_port(_env_map()["NETRA_OBJECT_STORE_URL"])
    assert service["spec"]["ports"][0]["port"] == port


def test_purge_reaches_elasticsearch_only() -> None:
    data = _env_map()
    policy = _policy_for(_pod_template(_workload("netra-purge"))["metadata"]["labels"])
    namespace, port = _service_port(data["NETRA_ES_URL"])
    reached = _egress_namespaces(policy)
    assert reached == {namespace: {port}, "kube-system": {DNS_PORT}}
    assert not policy["spec"].get("ingress")


def test_kustomize_builds_what_the_tests_check(tmp_path: Path) -> None:
    """The real build: every component's policy is in it and no Secret is."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed")
    result = subprocess.run(
        [kubectl, "kustomize", "--load-restrictor", "LoadRestrictionsNone", str(K8S)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    built = [d for d in yaml.safe_load_all(result.stdout) if d]
    kinds = [d["kind"] for d in built]
    assert "Secret" not in kinds
    policies = {d["metadata"]["name"] for d in built if d["kind"] == "NetworkPolicy"}
    assert policies == {
        "netra-default-deny",
        "netra-worker",
        "netra-purge",
        "netra-objectstore",
        "netra-desk",
    }
    assert {d["metadata"].get("namespace") for d in built if d["kind"] != "Namespace"} == {"netra"}


# --- The review desk ------------------------------------------------------------------------


def _desk_port() -> int:
    return int(_env_entries("netra-desk")["NETRA_DESK_PORT"]["value"])


def test_desk_reaches_kafka_and_elasticsearch_and_takes_the_ingress_controller_only() -> None:
    policy = _policy_for(_pod_template(_workload("netra-desk"))["metadata"]["labels"])
    assert _egress_namespaces(policy) == _kafka_elasticsearch_and_dns()
    (rule,) = policy["spec"]["ingress"]
    assert [p["port"] for p in rule["ports"]] == [_desk_port()]
    (peer,) = rule["from"]
    namespace = peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
    assert namespace != "netra" and peer["podSelector"]["matchLabels"]


def test_desk_listens_on_the_pod_address_and_is_probed_and_served_there() -> None:
    container = _container("netra-desk")
    entries = _env_entries("netra-desk")
    assert entries["NETRA_DESK_HOST"]["valueFrom"] == {"fieldRef": {"fieldPath": "status.podIP"}}
    assert entries["NETRA_DESK_SECURE_COOKIES"]["value"] == "true", "behind a TLS ingress"
    assert urlsplit(entries["NETRA_DESK_URL"]["value"]).scheme == "https"
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": _desk_port()}
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/login", "port": "http"}
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    (service,) = [
        d
        for _, d in _manifests()
        if d["kind"] == "Service" and d["metadata"]["name"] == "netra-desk"
    ]
    labels = _pod_template(_workload("netra-desk"))["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert [p["targetPort"] for p in service["spec"]["ports"]] == ["http"]


def test_desk_reads_its_secrets_by_reference_and_never_serves_uploads() -> None:
    entries = _env_entries("netra-desk")
    refs = {
        name: (e["valueFrom"]["secretKeyRef"]["name"], e["valueFrom"]["secretKeyRef"]["key"])
        for name, e in entries.items()
        if "secretKeyRef" in e.get("valueFrom", {})
    }
    assert refs == {
        "NETRA_ES_API_KEY": ("netra-desk-elasticsearch", "api-key"),
        "NETRA_DESK_SESSION_KEY": ("netra-desk-session", "key"),
        "NETRA_NIP_KEY": _nip_key_ref("netra-worker"),
        # Verdicts are appended to the evidence custody log, with the workers' store identity.
        "NETRA_OBJECT_STORE_ACCESS_KEY": ("netra-object-store", "access-key"),
        "NETRA_OBJECT_STORE_SECRET_KEY": ("netra-object-store", "secret-key"),
        # Its own Kafka principal, which may only write the desk's topics.
        "NETRA_KAFKA_PASSWORD": ("netra-desk-kafka", "password"),
        # The intake's sealing key, for the audited reveal of a reporter's contact.
        "NETRA_INTAKE_REPORTER_KEY": ("netra-intake-reporter", "key"),
    }
    # Public reports go to `netra intake` on a public host, not through the internal desk.
    assert "--no-public-reports" in _container("netra-desk")["command"]


def _nip_key_ref(workload: str) -> tuple[str, str]:
    ref = _env_entries(workload)["NETRA_NIP_KEY"]["valueFrom"]["secretKeyRef"]
    return ref["name"], ref["key"]


def test_desk_gets_a_private_users_file_its_own_user_owns() -> None:
    """A Secret volume's files are root's; the users store refuses a file others may read.
    The init container, running as the desk's user, copies the file 0600 into the state
    volume the desk reads it from."""
    spec = _pod_template(_workload("netra-desk"))["spec"]
    users_file = _env_entries("netra-desk")["NETRA_USERS_FILE"]["value"]
    (init,) = spec["initContainers"]
    script = " ".join(init["command"])
    assert f"install -m 0600 /etc/netra/users/users.json {users_file}" in script
    assert "install -d -m 0700 " + str(Path(users_file).parent) in script
    init_mounts = {m["mountPath"]: m["name"] for m in init["volumeMounts"]}
    desk_mounts = {m["mountPath"]: m["name"] for m in _container("netra-desk")["volumeMounts"]}
    state = next(p for p in desk_mounts if users_file.startswith(p.rstrip("/") + "/"))
    assert init_mounts[state] == desk_mounts[state]
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert "emptyDir" in volumes[desk_mounts[state]]
    secret = volumes[init_mounts["/etc/netra/users"]]["secret"]
    assert secret["secretName"] == "netra-desk-users"
    assert "users-secret" not in desk_mounts.values(), "the desk itself never sees the Secret"
    # Same user for both containers (the pod's), and the Secret readable through fsGroup.
    context = spec["securityContext"]
    assert "securityContext" not in init or "runAsUser" not in init["securityContext"]
    assert context["runAsNonRoot"] and context["fsGroup"] == context["runAsUser"]
    assert secret["defaultMode"] == 0o440


def test_the_prometheus_snippet_links_alerts_to_the_desk_deployment() -> None:
    (scrape,) = [
        d
        for _, d in _manifests()
        if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "netra-prometheus-scrape"
    ]
    labels = yaml.safe_load(scrape["data"]["netra-global.yml"])["external_labels"]
    assert labels["netra_desk_url"] == _env_entries("netra-desk")["NETRA_DESK_URL"]["value"]
