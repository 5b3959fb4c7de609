"""`netra desk`: the review desk, a web console for the queue of flags."""

from __future__ import annotations

from typing import Annotated

import typer

from streams.settings import Settings


def desk(
    host: Annotated[str | None, typer.Option(help="Listen here (default NETRA_DESK_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default NETRA_DESK_PORT, 8765).")] = None,
) -> None:
    """Serve the review desk: the queue, flag pages, verdicts, the audited NIP reveal.

    Users sign in with the accounts of `netra users`; each sees the flags of their scope.
    Verdicts go on the reviews topic, which the review agent of a worker applies.
    """
    import uvicorn

    from netra.desk import create_app, desk_from_settings

    settings = Settings()
    app = create_app(desk_from_settings(settings))
    uvicorn.run(
        app,
        host=host or settings.desk_host,
        port=port or settings.desk_port,
        log_level="info",
        proxy_headers=False,
    )


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Supervision")(desk)
