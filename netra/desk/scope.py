"""Who sees which flags, as an Elasticsearch filter added to every query the desk sends.

Scope lives in the query, not in the page: a flag outside a user's scope is never fetched, so
it cannot leak through a template, the JSON API or a guessed id (that is a 404, the same as a
flag that does not exist).

- Bawaslu RI (no scope): every flag; a provincial or regency Bawaslu: the ASN of its area.
- BKN: every flag about a registered ASN (never a public reporter's identity).
- An agency's inspectorate: its own agency's ASN only (an inspectorate without an agency in its
  scope sees nothing).
- An analyst: the flags of their scope.
- A rule author or an operator: no flags, only rule statistics (no personal data).
"""

from __future__ import annotations

from typing import Any

from netra.identity import Role, User
from schemas.flag_document import FlagField

FLAG_ROLES = frozenset({Role.BAWASLU, Role.BKN, Role.INSPECTORATE, Role.ANALYST})
RULE_STATS_ROLES = frozenset({Role.BAWASLU, Role.RULE_AUTHOR, Role.ANALYST, Role.OPERATOR})
ASSIGN_ROLES = frozenset({Role.BAWASLU})


class OutOfScopeError(PermissionError):
    """The user's role sees no flags at all."""


def _term(field: FlagField, value: str) -> dict[str, Any]:
    # Scopes are compared without regard to case, like Scope.covers.
    return {"term": {field: {"value": value, "case_insensitive": True}}}


def scope_filters(user: User) -> list[dict[str, Any]]:
    """The filter clauses that confine a query to what `user` may see; OutOfScopeError for a
    role that sees no flags."""
    if user.disabled or user.role not in FLAG_ROLES:
        raise OutOfScopeError(f"role {user.role.value} does not see flags")
    filters: list[dict[str, Any]] = []
    if user.role is Role.BKN:
        filters.append({"term": {FlagField.ASN_REGISTERED: True}})
    if user.role is Role.INSPECTORATE and not user.scope.agency:
        raise OutOfScopeError("an inspectorate's scope must name its agency")
    for field, value in (
        (FlagField.ASN_PROVINCE, user.scope.province),
        (FlagField.ASN_REGION, user.scope.region),
        (FlagField.ASN_AGENCY, user.scope.agency),
    ):
        if value:
            filters.append(_term(field, value))
    return filters


def scoped(user: User, query: dict[str, Any] | None = None) -> dict[str, Any]:
    """`query` (default: everything) within `user`'s scope."""
    return {"bool": {"must": [query or {"match_all": {}}], "filter": scope_filters(user)}}
