"""The ASN registry: which social-media accounts belong to which civil servant."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class EmploymentType(StrEnum):
    PNS = "PNS"
    CPNS = "CPNS"
    PPPK = "PPPK"


class RegistryEntry(BaseModel):
    """One account attributed to one ASN; the compacted registry topic is keyed by account_id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    account_id: str = Field(min_length=1, max_length=256)
    nip: str = Field(pattern=r"^\d{18}$", description="Nomor Induk Pegawai, 18 digits.")
    name: str
    agency: str = Field(description="Instansi, e.g. Pemkab Blora or Kementerian Agama.")
    unit: str = ""
    province: str
    region: str = Field(default="", description="Kabupaten/kota, for Pilkada race resolution.")
    position: str = ""
    employment_type: EmploymentType
    active: bool = True
    updated_at: AwareDatetime | None = None


class AsnProfile(BaseModel):
    """What a flag or an escalation says about the ASN: everything a supervisor needs to read
    it, with the NIP replaced by a keyed pseudonym.

    The NIP encodes birth date and sex and identifies one person for life, so it never leaves
    the registry: flags, documents and escalations of the same ASN share `nip_ref` (flags can
    be grouped per person without it), and the clear NIP is resolved from the registry only
    for an authenticated, entitled user, each time written to the audit trail.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    nip_ref: str = Field(
        pattern=r"^[0-9a-f]{32}$",
        description="HMAC-SHA-256 of the NIP under Netra's pseudonym key (first 128 bits, hex).",
    )
    nip_key: str = Field(
        pattern=r"^[0-9a-f]{8}$",
        description="Which key made nip_ref (a fingerprint of the key, not the key).",
    )
    name: str
    agency: str
    unit: str = ""
    province: str
    region: str = ""
    position: str = ""
    employment_type: EmploymentType
