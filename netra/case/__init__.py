"""Case files: everything a report to Bawaslu or BKN needs about one flag, in one typed record.

A case file is built from the flag's document in Elasticsearch (the reviews live there too) and
rendered as Markdown, HTML or JSON. The NIP identifies a person for life: a case file shows
its pseudonym, and the clear NIP only after an authenticated, entitled user asked for it with a
reason and the attempt was written to the audit trail (`reveal`).

The package, one concern a module: `access` (who may reveal), `reveal` (the audited reveal),
`deadline` (legal clocks as shown), `highlight` (evidence in the original text), `model` (the typed
case file), `fetch` (Elasticsearch), `render` (JSON, Markdown, HTML), `steps` (who records which
step of the case across agencies).
"""

from __future__ import annotations

from netra.case.access import entitled_roles
from netra.case.fetch import CaseNotFoundError, build_case, fetch_flag_document
from netra.case.model import CaseFile, case_from_document
from netra.case.render import render, to_html, to_json, to_markdown
from netra.case.reveal import NipRevealer, RevealRefusedError
from netra.case.steps import STAGE_ROLES, StepRefusedError, build_step, may_record

__all__ = [
    "STAGE_ROLES",
    "CaseFile",
    "CaseNotFoundError",
    "NipRevealer",
    "RevealRefusedError",
    "StepRefusedError",
    "build_case",
    "build_step",
    "case_from_document",
    "entitled_roles",
    "fetch_flag_document",
    "may_record",
    "render",
    "to_html",
    "to_json",
    "to_markdown",
]
