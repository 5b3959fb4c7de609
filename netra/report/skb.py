"""What SKB forms, sanction tracks, phases and recipients mean, in words a supervisor can quote.

Flags carry codes (N04, discipline, pre_candidacy); case files and reports must say what they
mean and where a case goes next (UU 7/2017 Pasal 454, SKB 2022, PP 42/2004, PP 94/2021).
"""

from __future__ import annotations

from dataclasses import dataclass

# SKB 2022 matrix, short English gloss of each form (Indonesian wording in the SKB itself).
SKB_FORMS: dict[str, str] = {
    "N01": "Campaign props (banners, twibbons, posters) for a (prospective) candidate",
    "N02": "Promoting or campaigning for a (prospective) candidate on social media or online",
    "N03": "Attending a declaration or campaign event and actively supporting",
    "N04": "Posting, commenting, sharing, liking, joining or following a winning-team "
    "group or account",
    "N05": "Publicly posting a photo with a candidate, with partisan symbols or props",
    "N06": "Taking part in campaign, promotion or introduction activities",
    "N07": "Joining a spouse's campaign without unpaid leave (CLTN)",
    "N08": "Approaching parties or voters as a would-be candidate without leave",
    "N09": "Being a member or official of a political party",
    "N10": "Organising partisan activity: meetings, appeals, calls, gifts "
    "(before, during and after the campaign)",
    "N11": "Serving on a candidate's expert, winning or consultant team",
    "N12": "Supporting an independent candidate with KTP copies or letters of support",
    "N13": "Official decisions or actions that favour or harm a candidate",
    "N14": "Other breaches outside the matrix, decided by the Satgas",
    "N15": "Campaigning with ASN attributes, mobilising other ASN or using state facilities",
}

SANCTION_TRACKS: dict[str, str] = {
    "code_of_ethics": (
        "Code of ethics (PP 42/2004 Pasal 15): moral sanction by the PPK, a closed or open "
        "statement. Applies before candidates are determined (bakal calon)."
    ),
    "discipline": (
        "Discipline (PP 94/2021 Pasal 8): light (reprimands), medium (25% tunjangan kinerja cut "
        "for 6-12 months) or heavy (demotion, release from position, dismissal). Applies once "
        "candidates are determined."
    ),
}

PHASES: dict[str, str] = {
    "pre_candidacy": "Before candidates are determined (bakal calon)",
    "candidacy": "Candidates determined, campaign not yet open",
    "campaign": "Campaign period",
    "quiet": "Quiet period (masa tenang)",
    "voting": "Voting",
    "post_election": "After the vote",
}


@dataclass(frozen=True)
class Recipient:
    """Who receives the case next, and why."""

    body: str
    role: str
    why: str


def recipients(phase: str | None) -> list[Recipient]:
    """The route of a case: a finding (temuan) to Bawaslu, its recommendation via BKN to the PPK."""
    bawaslu_why = (
        "Findings (temuan) go to Bawaslu within 7 days of the act becoming known, public "
        "reports (laporan) within 7 working days for the Pemilu (UU 7/2017 Pasal 454) and "
        "7 days for the Pilkada (UU 10/2016 Pasal 134)."
    )
    if phase == "pre_candidacy":
        bawaslu_why += (
            " Before candidates are determined Bawaslu can only forward the case to the agency."
        )
    return [
        Recipient("Bawaslu", "finding", bawaslu_why),
        Recipient(
            "BKN",
            "recommendation",
            "Bawaslu forwards verified cases to BKN (Deputi Pengawasan dan Pengendalian), which "
            "issues the recommendation to the agency's PPK / BKD.",
        ),
        Recipient(
            "PPK / Inspektorat",
            "sanction",
            "The agency's PPK imposes the sanction through the BKD or Inspektorat "
            "and reports back.",
        ),
    ]
