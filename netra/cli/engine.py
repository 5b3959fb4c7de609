"""`netra scan`, `netra eval`, `netra rules test|lint|explain`: the engine offline, no services."""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from neutrality import DataError, Engine
from neutrality.corpus import BadLine, Item, read_items
from neutrality.evaluation import Counts, evaluate
from neutrality.explain import explain_json, explain_rich
from neutrality.lint import lint_pack
from neutrality.ruletest import run_examples
from schemas import Outcome

err = Console(stderr=True)
out = Console()

PackOpt = Annotated[
    Path | None,
    typer.Option(
        "--pack", help="Rule pack directory (default: rules/packs/core).", show_default=False
    ),
]

rules_app = typer.Typer(
    help=(
        "Work on rule packs: run their examples, lint them, explain one post.\n\n"
        "Examples:\n\n"
        "  netra rules test\n\n"
        "  netra rules lint rules/packs/core\n\n"
        "  netra rules explain --text 'Ayo coblos 02!'"
    ),
    no_args_is_help=True,
)


def _engine(pack: Path | None) -> Engine:
    from streams.settings import Settings, compiled_engines

    try:
        return Engine.load(pack or configured_pack(), compiled_dir=compiled_engines(Settings()))
    except DataError as exc:
        err.print(f"[red]The rule pack could not be loaded ({len(exc.problems)} problem(s)):[/]")
        for p in exc.problems:
            err.print(f"  {p}", markup=False, highlight=False)
        err.print("Fix them (try: netra rules lint) and run again.")
        raise typer.Exit(2) from exc


def _lines(path: str) -> tuple[Iterator[str], int | None, ExitStack]:
    stack = ExitStack()
    if path == "-":
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
        return iter(stdin), None, stack
    p = Path(path)
    if not p.is_file():
        err.print(f"[red]No such file:[/] {path}. Give a JSONL file of posts, or - for stdin.")
        raise typer.Exit(2)
    with p.open("rb") as counting:
        total = sum(1 for _ in counting)
    # invalid bytes are kept (as surrogates) so the line is reported, not silently repaired
    fh = stack.enter_context(p.open(encoding="utf-8", errors="surrogateescape"))
    return iter(fh), total, stack


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _summary(
    outcomes: Counter[str], rules: Counter[str], sev: Counter[str], parts: Counter[str], bad: int
) -> None:
    t = Table(title="netra scan: summary", show_header=True, header_style="bold")
    t.add_column("group")
    t.add_column("value")
    t.add_column("decisions", justify="right")
    for o in Outcome:
        t.add_row("outcome", o.value, str(outcomes.get(o.value, 0)))
    for name, n in rules.most_common():
        t.add_row("rule", name, str(n))
    for name, n in sev.most_common():
        t.add_row("severity", name, str(n))
    for name, n in parts.most_common(15):
        t.add_row("participant", name, str(n))
    t.add_row("invalid lines", "skipped", str(bad))
    err.print(t)


def scan(
    file: Annotated[
        str, typer.Argument(help='JSONL of Posts (or {"post":..., "locality":...}); - for stdin.')
    ],
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write decisions here instead of stdout.")
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Print a readable explanation of each non-pass decision (stderr)."
        ),
    ] = False,
    pack: PackOpt = None,
) -> None:
    """Judge posts offline and write one Decision per line (JSONL).

    Examples:

      netra scan rules/corpus/dev.jsonl --out decisions.jsonl

      cat posts.jsonl | netra scan - --explain > decisions.jsonl

    Invalid lines are reported with their line number and skipped; a summary table closes the run.
    """
    engine = _engine(pack)
    lines, total, stack = _lines(file)
    outcomes: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    sev: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    bad = 0
    with stack:
        sink: IO[str] = (
            stack.enter_context(out_path.open("w", encoding="utf-8")) if out_path else sys.stdout
        )
        progress = stack.enter_context(_progress()) if total is not None else None
        task = progress.add_task("scanning", total=total) if progress else None
        for item in read_items(lines):
            if progress is not None and task is not None:
                progress.advance(task)
            if isinstance(item, BadLine):
                bad += 1
                err.print(f"[yellow]line {item.line}:[/] {item.reason} (skipped)", highlight=False)
                continue
            d = engine.decide(item.post, item.locality)
            sink.write(d.model_dump_json() + "\n")
            outcomes[d.outcome.value] += 1
            if d.outcome is not Outcome.PASS:
                rules.update(h.rule_id for h in d.hits)
                if d.severity:
                    sev[d.severity.value] += 1
                parts.update(p.id for p in d.participants)
                if explain:
                    err.print(explain_rich(d, engine, item.post, item.locality))
    _summary(outcomes, rules, sev, parts, bad)


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _default_eval_files() -> list[Path]:
    from neutrality.realcorpus import PARTS, REAL_DIR

    hand = REAL_DIR.parent
    return [REAL_DIR / f"{p}.jsonl" for p in PARTS] + [hand / "dev.jsonl", hand / "holdout.jsonl"]


def _read_labelled(f: Path) -> tuple[list[Item], int]:
    if not f.is_file():
        err.print(f"[red]No such file:[/] {f}")
        raise typer.Exit(2)
    items: list[Item] = []
    bad = 0
    with f.open(encoding="utf-8", errors="replace") as fh:
        for it in read_items(fh):
            if isinstance(it, BadLine):
                bad += 1
                err.print(f"[yellow]{f}:{it.line}:[/] {it.reason} (skipped)", highlight=False)
            elif it.label is None:
                bad += 1
                err.print(f"[yellow]{f}:{it.line}:[/] no label (skipped)", highlight=False)
            else:
                items.append(it)
    return items, bad


_COLUMNS = ("scope", "items", "tp", "fp", "fn", "tn", "precision", "recall", "F1", "false alarms")


def _counts_table(title: str, rows: list[tuple[str, Counts]]) -> Table:
    t = Table(title=title, header_style="bold")
    for col in _COLUMNS:
        t.add_column(col, justify="left" if col == "scope" else "right")
    for name, c in rows:
        t.add_row(
            name,
            str(c.tp + c.fp + c.fn + c.tn),
            str(c.tp),
            str(c.fp),
            str(c.fn),
            str(c.tn),
            _pct(c.precision),
            _pct(c.recall),
            _pct(c.f1),
            _pct(c.false_alarm_rate),
        )
    return t


def eval_cmd(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Labelled corpus JSONL files; default: the real corpus (train, dev, test) "
            "and the hand-written one (dev, holdout).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the metrics and misses as JSON.")
    ] = False,
    show: Annotated[
        int,
        typer.Option("--show", help="How many misses to explain per file (-1: all, 0: none)."),
    ] = 0,
    pack: PackOpt = None,
) -> None:
    """Precision, recall, F1 and false-alarm rate of the engine, per file (each file is a part),
    by SKB form, by source kind and by election, then every miss explained.

    A "flag" label is caught by an engine flag OR review; a "pass" label needs an engine pass.
    The closing summary table holds the figures the README quotes.

    Examples:

      netra eval

      netra eval rules/corpus/real/dev.jsonl --show -1

      netra eval --json > eval.json
    """
    engine = _engine(pack)
    paths = files or _default_eval_files()
    summary: list[tuple[str, Counts]] = []
    data: dict[str, object] = {"pack_version": engine.pack_version, "files": {}}
    for f in paths:
        items, bad = _read_labelled(f)
        report = evaluate(engine, items)
        name = f"real/{f.stem}" if any("part" in it.meta for it in items) else f"hand/{f.stem}"
        summary.append((name, report.overall))
        if as_json:
            part = report.as_dict()
            part["invalid_lines"] = bad
            part["misses"] = [
                {"id": m.item.id, "kind": m.kind, "label": m.item.label, "meta": m.item.meta,
                 "explanation": explain_json(m.decision, engine, m.item.post, m.item.locality)}
                for m in report.misses
            ]  # fmt: skip
            data["files"][str(f)] = part  # type: ignore[index]
            continue
        out.rule(f"{name} ({report.items} items, pack {engine.pack_version})")
        rows = [("overall", report.overall), *sorted(report.by_form.items())]
        out.print(_counts_table(f"{name}: overall and by SKB form", rows))
        for dim in ("source_kind", "election", "words"):
            values = report.groups.get(dim)
            if values:
                out.print(_counts_table(f"{name}: by {dim}", sorted(values.items())))
        misses = report.misses if show < 0 else report.misses[:show]
        for m in misses:
            note = m.item.label.get("note", "") if m.item.label else ""
            source = m.item.meta.get("source_kind", "")
            out.print(f"[bold]{m.kind.replace('_', ' ')}[/] {m.item.id} {source}: {note}")
            out.print(explain_rich(m.decision, engine, m.item.post, m.item.locality))
        if len(misses) < len(report.misses):
            out.print(
                f"{len(report.misses)} misses in {name}; "
                f"{len(misses)} explained (use --show -1 for all, or --json)"
            )
    if as_json:
        out.print_json(json.dumps(data, ensure_ascii=False, default=str))
        return
    out.print(_counts_table(f"netra eval summary (pack {engine.pack_version})", summary))


def configured_pack() -> Path:
    """The pack the settings name (NETRA_RULE_PACK), else the one shipped in rules/."""
    from neutrality.engine import default_pack_dir
    from streams.settings import Settings

    return Settings().rule_pack or default_pack_dir()


def _pack_dir(pack: Path | None) -> Path:
    if pack is None:
        return configured_pack()
    shipped = configured_pack().parent / str(pack)
    if not pack.is_dir() and shipped.is_dir():
        return shipped  # a pack name, e.g. "core"
    return pack


@rules_app.command("test")
def rules_test(
    pack: Annotated[
        Path | None, typer.Argument(help="Pack directory or name (default: core).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List passing examples too.")
    ] = False,
) -> None:
    """Run every rule's must_flag and must_pass examples; exit 1 if any fails.

    Examples:

      netra rules test

      netra rules test rules/packs/core -v
    """
    engine = _engine(_pack_dir(pack))
    results = run_examples(engine)
    failed = [r for r in results if not r.ok]
    for r in results:
        if r.ok and not verbose:
            continue
        mark = "[green]ok[/]" if r.ok else "[red]FAIL[/]"
        what = (
            r.example.data.get("text")
            or r.example.data.get("media_description")
            or r.example.data.get("target")
        )
        out.print(
            f"{mark} {r.rule.id} must_{r.example.must} "
            f"{r.example.file}:{r.example.line} {r.message}"
        )
        if not r.ok:
            out.print(f"     {what}", markup=False)
            if r.analysis is not None:
                out.print(explain_rich(r.analysis.decision, engine))
    n_rules = len(engine.rules)
    out.print(
        f"{len(results) - len(failed)}/{len(results)} examples passed "
        f"across {n_rules} rules ({engine.pack_version})"
    )
    if failed:
        raise typer.Exit(1)


@rules_app.command("lint")
def rules_lint(
    pack: Annotated[
        Path | None, typer.Argument(help="Pack directory or name (default: core).")
    ] = None,
) -> None:
    """Check a pack statically; print each problem as file:line: message and exit 1 if any.

    Rejects unknown fields, regular-expression syntax in terms, rules without examples,
    references to unknown lists/participants/races, duplicate ids.

    Example:

      netra rules lint tests/data/broken-packs/regex-term
    """
    directory = _pack_dir(pack)
    problems = lint_pack(directory)
    for p in problems:
        out.print(str(p), markup=False, highlight=False, soft_wrap=True)
    if problems:
        out.print(f"[red]{len(problems)} problem(s)[/] in {directory}")
        raise typer.Exit(1)
    out.print(f"[green]ok[/] {directory}: no problems")


@rules_app.command("explain")
def rules_explain(
    text: Annotated[str, typer.Option("--text", help="Text of a post to judge.")] = "",
    file: Annotated[
        Path | None, typer.Option("--file", help="JSONL file: explain every line.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a panel.")] = False,
    pack: PackOpt = None,
) -> None:
    """Explain the decision for one text (or every post in a JSONL file).

    Examples:

      netra rules explain --text 'Sy dukung G a n j a r, gasss!'

      netra rules explain --file posts.jsonl --json
    """
    engine = _engine(pack)
    if file is not None:
        with file.open(encoding="utf-8") as fh:
            items = [i for i in read_items(fh) if isinstance(i, Item)]
    else:
        line = json.dumps(
            {
                "platform": "instagram",
                "post_id": "cli",
                "account_id": "ig:cli",
                "action": "post",
                "text": text,
                "event_time": engine.pack.example_defaults.get(
                    "event_time", "2024-01-15T09:00:00+07:00"
                ),
            }
        )
        parsed = next(iter(read_items([line])))
        assert isinstance(parsed, Item)
        items = [parsed]
    for it in items:
        d = engine.decide(it.post, it.locality)
        if as_json:
            shown = explain_json(d, engine, it.post, it.locality)
            out.print_json(json.dumps(shown, ensure_ascii=False))
        else:
            out.print(explain_rich(d, engine, it.post, it.locality))


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
    app.command("eval")(eval_cmd)
    app.add_typer(rules_app, name="rules")
