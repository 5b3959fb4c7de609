"""`netra catalogue import`: load KPU-style candidate lists into the election catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from neutrality import DataError
from neutrality.catalogue import load_catalogue
from neutrality.catalogue_import import COLUMNS, dump_yaml, import_rows, race_key, read_csv
from neutrality.engine import REPO_RULES

err = Console(stderr=True)
out = Console()

catalogue_app = typer.Typer(
    help=(
        "The election catalogue (rules/catalogue): races, participants, accounts.\n\n"
        "Example:\n\n"
        "  netra catalogue import kpu-pilbup-2024.csv --out rules/catalogue/races-pilbup-2024.yaml"
    ),
    no_args_is_help=True,
)


@catalogue_app.command("import")
def import_cmd(
    csv_file: Annotated[Path, typer.Argument(help=f"CSV with columns: {', '.join(COLUMNS)}")],
    out_path: Annotated[
        Path,
        typer.Option("--out", help="The races file to write (its name must start with races-)."),
    ],
    catalogue_dir: Annotated[
        Path, typer.Option("--catalogue", help="The catalogue it joins.")
    ] = REPO_RULES / "catalogue",
) -> None:
    """Write a races file from a candidate list; every entry keeps its source URL.

    Races the catalogue already defines by hand are kept as they are and reported. The written
    file is loaded back with the whole catalogue before the command succeeds.
    """
    if not out_path.name.startswith("races-") or out_path.suffix != ".yaml":
        err.print("[red]--out must name a races-*.yaml file[/] (it is loaded after elections)")
        raise typer.Exit(2)
    if not csv_file.is_file():
        err.print(f"[red]No such file:[/] {csv_file}")
        raise typer.Exit(2)
    rows = read_csv(csv_file.read_text(encoding="utf-8-sig"))
    elections = {r.get("election", "").strip() for r in rows} - {""}
    if len(elections) != 1:
        err.print(f"[red]One election per file[/], found: {', '.join(sorted(elections)) or 'none'}")
        raise typer.Exit(2)
    try:
        existing = load_catalogue(catalogue_dir)
    except DataError as exc:
        err.print(f"[red]The catalogue does not load[/]: {exc.problems[0]}")
        raise typer.Exit(2) from exc
    mine = _ids_in(out_path) if out_path.exists() else set()
    known = {
        race_key(r.election_id, r.kind, r.province, r.regency): r.id
        for r in existing.races.values()
        if r.id not in mine
    }
    result = import_rows(rows, known)
    for problem in result.problems:
        err.print(f"[yellow]{csv_file.name} {problem}[/] (skipped)", highlight=False)
    for race in sorted(result.skipped_races):
        err.print(f"kept the hand-written race {race}", highlight=False)
    header = (
        f"# Imported by `netra catalogue import {csv_file.name}`: one entry per row of the\n"
        "# candidate list, each with its source. Edit the CSV and import again, not this file.\n"
    )
    previous = out_path.read_text(encoding="utf-8") if out_path.exists() else None
    out_path.write_text(dump_yaml(result.document(elections.pop()), header), encoding="utf-8")
    try:
        cat = load_catalogue(catalogue_dir)
    except DataError as exc:
        if previous is None:
            out_path.unlink()
        else:
            out_path.write_text(previous, encoding="utf-8")
        for p in exc.problems:
            err.print(str(p), markup=False, highlight=False)
        err.print("[red]The imported races do not load; nothing was written.[/]")
        raise typer.Exit(1) from exc
    parts = sum(len(r["participants"]) for r in result.races.values())
    out.print(
        f"[green]ok[/] {len(result.races)} races, {parts} participants -> {out_path} "
        f"(catalogue now: {len(cat.races)} races)"
    )


def _ids_in(path: Path) -> set[str]:
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(r.get("id")) for r in doc.get("races") or [] if isinstance(r, dict)}


def register(app: typer.Typer) -> None:
    app.add_typer(catalogue_app, name="catalogue")
