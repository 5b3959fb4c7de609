"""JSON Schema files for producers in other languages, generated from the records."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.audit import AuditEntry
from schemas.case import CaseStep
from schemas.deadletter import DeadLetter
from schemas.escalation import Escalation
from schemas.flag import Flag
from schemas.post import Post
from schemas.registry import RegistryEntry
from schemas.report import SealedReporter
from schemas.review import ReviewVerdict
from schemas.rulestate import RuleState

JSON_DIR = Path(__file__).resolve().parent / "json"

RECORDS: dict[str, type[BaseModel]] = {
    "post": Post,
    "flag": Flag,
    "deadletter": DeadLetter,
    "registry-entry": RegistryEntry,
    "review-verdict": ReviewVerdict,
    "escalation": Escalation,
    "rule-state": RuleState,
    "audit-entry": AuditEntry,
    "case-step": CaseStep,
    "sealed-reporter": SealedReporter,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def export(folder: Path = JSON_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in RECORDS.items():
        path = folder / f"{name}.json"
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


def stale(folder: Path = JSON_DIR) -> list[str]:
    """Names of exported files that differ from the records (run `netra schemas export`)."""
    out = []
    for name, model in RECORDS.items():
        path = folder / f"{name}.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(model):
            out.append(name)
    return out
