"""deploy/k8s, checked offline (no cluster here): every manifest passes the Kubernetes JSON
schemas of a recent release, and the worker Deployment is sized and probed as the docs say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def _deployment() -> dict[str, Any]:
    (deployment,) = [d for _, d in _manifests() if d["kind"] == "Deployment"]
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
    assert env_map["data"]["NETRA_METRICS_HOST"] == "0.0.0.0"
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
    for kind in ("PodDisruptionBudget", "Service"):
        (doc,) = [d for _, d in _manifests() if d["kind"] == kind]
        selector = doc["spec"]["selector"]
        selector = selector.get("matchLabels", selector)
        assert selector.items() <= labels.items(), kind
