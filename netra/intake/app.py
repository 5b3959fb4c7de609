"""The public report intake served on its own: for a deployment that puts the form on the
internet and keeps the review desk on an internal network (`netra intake`).

`netra desk` mounts the same router beside the desk's pages; this app holds nothing else, so
no desk route is reachable through it.
"""

from __future__ import annotations

from fastapi import FastAPI

from netra.intake.router import create_intake_router
from streams.settings import Settings


def create_intake_app(settings: Settings) -> FastAPI:
    """The intake's routes alone, with no API docs to browse."""
    app = FastAPI(title="Netra public reports", docs_url=None, redoc_url=None, openapi_url=None)
    app.include_router(create_intake_router(settings))
    return app
