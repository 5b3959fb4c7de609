"""`netra desk`: the review desk, a web console for the queue of flags."""

from __future__ import annotations

from typing import Annotated

import typer

from streams.settings import Settings


def desk(
    host: Annotated[str | None, typer.Option(help="Listen here (default NETRA_DESK_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default NETRA_DESK_PORT, 8765).")] = None,
    public_reports: Annotated[
        bool,
        typer.Option(
            help="Also serve the public report form and API (/report, /api/reports); turn it "
            "off where `netra intake` serves them on a public host instead."
        ),
    ] = True,
) -> None:
    """Serve the review desk: the queue, flag pages, verdicts, the audited NIP reveal.

    Users sign in with the accounts of `netra users`; each sees the flags of their scope.
    Verdicts go on the reviews topic, which the review agent of a worker applies.
    """
    import uvicorn

    from netra.desk import create_app, desk_from_settings
    from netra.intake.router import create_intake_router

    settings = Settings()
    routers, limits = [], {}
    if public_reports:
        routers.append(create_intake_router(settings))
        limits = {p: settings.intake_max_body_bytes for p in ("/report", "/api/reports")}
    app = create_app(desk_from_settings(settings), extra_routers=routers, body_limits=limits)
    uvicorn.run(
        app,
        host=host or settings.desk_host,
        port=port or settings.desk_port,
        log_level="info",
        proxy_headers=False,
    )


def intake(
    host: Annotated[str, typer.Option(help="Listen here.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8766,
) -> None:
    """Serve the public report form and API alone (no desk page is reachable through it).

    Reports become events on the posts topic, judged like any post; each reporter gets a
    ticket whose status (only) they can look up. Put it behind a TLS proxy on a public host.
    """
    import uvicorn

    from netra.intake.app import create_intake_app

    uvicorn.run(create_intake_app(Settings()), host=host, port=port, proxy_headers=False)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Supervision")(desk)
    app.command(rich_help_panel="Supervision")(intake)
