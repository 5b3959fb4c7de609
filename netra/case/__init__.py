"""Case files: everything a report to Bawaslu or BKN needs about one flag, in one typed record.

A case file is built from the flag's document in Elasticsearch (the reviews live there too) and
rendered as Markdown, HTML or JSON. The NIP identifies a person: it is masked unless the user's
role is entitled to it (see `access.is_entitled`), and the default is masked.

Entitlement: the role comes from `--role` or NETRA_ROLE; roles in NETRA_NIP_ENTITLED_ROLES
(comma separated, default "bawaslu,bkn,inspectorate") see the full NIP, any other role
(e.g. "analyst") or no role sees it masked.

The package, one concern a module: `access` (roles, masking), `deadline` (Pasal 454 clock),
`highlight` (evidence in the original text), `model` (the typed case file), `fetch`
(Elasticsearch), `render` (JSON, Markdown, HTML).
"""

from __future__ import annotations

from netra.case.access import (
    KNOWN_ROLES,
    entitled_roles,
    is_entitled,
    mask_nip,
    resolve_role,
)
from netra.case.fetch import CaseNotFoundError, build_case, fetch_flag_document
from netra.case.model import CaseFile, case_from_document
from netra.case.render import render, to_html, to_json, to_markdown

__all__ = [
    "KNOWN_ROLES",
    "CaseFile",
    "CaseNotFoundError",
    "build_case",
    "case_from_document",
    "entitled_roles",
    "fetch_flag_document",
    "is_entitled",
    "mask_nip",
    "render",
    "resolve_role",
    "to_html",
    "to_json",
    "to_markdown",
]
