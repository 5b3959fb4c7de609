"""A user of Netra: a name, a role, a scope and a password hash."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas import AsnProfile


class Role(StrEnum):
    """What a user does. Which roles may reveal a NIP is configuration
    (NETRA_NIP_ENTITLED_ROLES), because it is the deploying agency's decision."""

    BAWASLU = "bawaslu"
    BKN = "bkn"
    INSPECTORATE = "inspectorate"
    ANALYST = "analyst"
    RULE_AUTHOR = "rule_author"
    OPERATOR = "operator"


class Scope(BaseModel):
    """Whose data a user may see: everyone, one province (a provincial or regency Bawaslu),
    one regency, or one agency (an inspectorate sees its own agency only)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    province: str = ""
    region: str = ""
    agency: str = ""

    def covers(self, asn: AsnProfile) -> bool:
        """Whether the ASN falls inside this scope (an empty part does not restrict)."""
        return all(
            not wanted or wanted.casefold() == have.casefold()
            for wanted, have in (
                (self.province, asn.province),
                (self.region, asn.region),
                (self.agency, asn.agency),
            )
        )

    def describe(self) -> str:
        parts = [
            f"{k} {v}"
            for k, v in (
                ("province", self.province),
                ("region", self.region),
                ("agency", self.agency),
            )
            if v
        ]
        return ", ".join(parts) or "all"


class User(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{1,63}$")
    role: Role
    scope: Scope = Field(default_factory=Scope)
    password_hash: str
    disabled: bool = False
    created_at: AwareDatetime

    def may_reveal(self, asn: AsnProfile, entitled_roles: frozenset[str]) -> str | None:
        """None when this user may see the clear NIP of `asn`; otherwise why not."""
        if self.disabled:
            return f"user {self.name} is disabled"
        if self.role.value not in entitled_roles:
            allowed = ", ".join(sorted(entitled_roles)) or "none"
            return f"role {self.role.value} may not reveal a NIP (entitled roles: {allowed})"
        if not self.scope.covers(asn):
            return (
                f"the ASN ({asn.agency}, {asn.region or '-'}, {asn.province}) is outside "
                f"{self.name}'s scope ({self.scope.describe()})"
            )
        return None
