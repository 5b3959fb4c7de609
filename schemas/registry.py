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
