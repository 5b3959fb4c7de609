"""`netra corpus build|check`: the real-world corpus from its gathered records, split by case."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from neutrality.realcorpus import (
    PARTS,
    REAL_DIR,
    Gathered,
    RealItem,
    build,
    dump,
    read_gathered,
    sha256_of,
)

err = Console(stderr=True)
out = Console()
FROZEN = "FROZEN"

corpus_app = typer.Typer(
    help=(
        "The real-world labelled corpus (rules/corpus/real): build the parts from the gathered "
        "records, check that the frozen test part is unchanged.\n\n"
        "Examples:\n\n"
        "  netra corpus build\n\n"
        "  netra corpus check"
    ),
    no_args_is_help=True,
)

DirOpt = Annotated[
    Path, typer.Option("--dir", help="The real corpus directory.", show_default=False)
]


def _gathered(directory: Path) -> list[Gathered]:
    files = sorted((directory / "gathered").glob("*.jsonl"))
    if not files:
        err.print(f"[red]No gathered records[/] under {directory / 'gathered'}")
        raise typer.Exit(2)
    records: list[Gathered] = []
    bad = 0
    for path, line, record in read_gathered(files):
        if isinstance(record, str):
            bad += 1
            err.print(f"[yellow]{path.name}:{line}:[/] {record} (skipped)", highlight=False)
        else:
            records.append(record)
    if bad:
        err.print(f"[yellow]{bad} gathered line(s) skipped[/]")
    return records


def _stats(parts: dict[str, list[RealItem]]) -> Table:
    t = Table(title="real corpus", header_style="bold")
    for col in ("part", "items", "cases", "flag", "pass", "verbatim flags"):
        t.add_column(col, justify="left" if col == "part" else "right")
    for part in PARTS:
        items = parts[part]
        labels = Counter(it.label.outcome for it in items)
        verbatim = sum(
            1 for it in items if it.label.outcome == "flag" and it.label.words == "verbatim"
        )
        t.add_row(
            part,
            str(len(items)),
            str(len({it.case for it in items})),
            str(labels["flag"]),
            str(labels["pass"]),
            str(verbatim),
        )
    return t


@corpus_app.command("build")
def build_cmd(
    directory: DirOpt = REAL_DIR,
    freeze: Annotated[
        bool,
        typer.Option(
            "--freeze",
            help="Record the test part's SHA-256 in FROZEN (only when new cases were gathered; "
            "never after looking at test results).",
        ),
    ] = False,
) -> None:
    """Write train.jsonl, dev.jsonl and test.jsonl from gathered/*.jsonl (deterministic)."""
    parts = build(_gathered(directory))
    frozen = directory / FROZEN
    test_path = directory / "test.jsonl"
    if (
        frozen.is_file()
        and not freeze
        and dump(parts["test"])
        != (test_path.read_text(encoding="utf-8") if test_path.is_file() else "")
    ):
        err.print(
            "[red]The test part would change[/] but it is frozen. New cases landed in test: "
            "rebuild with --freeze only if you have not tuned on the new test items."
        )
        raise typer.Exit(1)
    for part in PARTS:
        (directory / f"{part}.jsonl").write_text(dump(parts[part]), encoding="utf-8")
    if freeze or not frozen.is_file():
        frozen.write_text(f"{sha256_of(test_path)}  test.jsonl\n", encoding="utf-8")
    out.print(_stats(parts))


@corpus_app.command("check")
def check_cmd(directory: DirOpt = REAL_DIR) -> None:
    """Exit 1 if the parts differ from a rebuild or the test part differs from FROZEN."""
    parts = build(_gathered(directory))
    problems = []
    for part in PARTS:
        path = directory / f"{part}.jsonl"
        if not path.is_file() or path.read_text(encoding="utf-8") != dump(parts[part]):
            problems.append(f"{path} differs from a rebuild (run: netra corpus build)")
    frozen = directory / FROZEN
    want = frozen.read_text(encoding="utf-8").split()[0] if frozen.is_file() else ""
    if want != sha256_of(directory / "test.jsonl"):
        problems.append("test.jsonl does not match FROZEN: the frozen test part was edited")
    for p in problems:
        err.print(f"[red]{p}[/]")
    out.print(_stats(parts))
    if problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
