"""The desk links of the alert rules, expanded as Prometheus expands them: the external label
netra_desk_url, then each `{{ $labels.NAME | urlquery }}` (Go's url.QueryEscape: a space is
`+`). Shared by the unit test of the links and the integration test that opens them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote_plus

import yaml

REPO = Path(__file__).resolve().parents[3]
RULES = REPO / "deploy" / "prometheus" / "netra.rules.yml"
BASE = "{{ $externalLabels.netra_desk_url }}"
LABEL = re.compile(r"\{\{ \$labels\.(\w+) \| urlquery \}\}")
#: Label values as the metrics carry them, with a space to escape.
SAMPLE_LABELS = {"province": "Jawa Tengah", "rule": "N04.like-campaign-content"}


def desk_links() -> dict[str, str]:
    """alert name -> its `desk` annotation template."""
    links = {}
    for group in yaml.safe_load(RULES.read_text())["groups"]:
        for rule in group["rules"]:
            if "alert" in rule:
                links[rule["alert"]] = rule["annotations"].get("desk", "")
    return links


def expand(template: str, base: str, labels: dict[str, str]) -> str:
    """The link Prometheus makes of `template`; KeyError for a label not in `labels`."""
    text = template.replace(BASE, base)
    text = LABEL.sub(lambda m: quote_plus(labels[m[1]], safe="~"), text)
    if "{{" in text:
        raise ValueError(f"a template part this expansion does not know: {template}")
    return text
