"""The intake's two secrets, from Settings or, on one machine, from files made once.

The signing key (NETRA_INTAKE_SIGNING_KEY) signs proof-of-work challenges and tickets: every
intake process of a deployment must share it, or a challenge fetched from one is refused by
another. The reporter key (NETRA_INTAKE_REPORTER_KEY) seals reporters' contacts: besides the
intake, only Bawaslu's reporter desk may hold it (docs/privacy.md). Unset, each is a random
key in NETRA_STATE/secrets (0600), which suits one machine only.
"""

from __future__ import annotations

from netra.intake.sealing import MIN_KEY_CHARS, ReporterSeal
from streams.files import read_or_create_key
from streams.settings import Settings


def signing_key(settings: Settings) -> bytes:
    if settings.intake_signing_key is not None:
        key = settings.intake_signing_key.get_secret_value().encode()
        if len(key) < MIN_KEY_CHARS:
            raise ValueError(f"NETRA_INTAKE_SIGNING_KEY must be at least {MIN_KEY_CHARS} chars")
        return key
    return read_or_create_key(settings.state_dir / "secrets" / "intake.key")


def reporter_seal(settings: Settings) -> ReporterSeal:
    if settings.intake_reporter_key is not None:
        return ReporterSeal(settings.intake_reporter_key.get_secret_value().encode())
    return ReporterSeal(read_or_create_key(settings.state_dir / "secrets" / "reporter.key"))
