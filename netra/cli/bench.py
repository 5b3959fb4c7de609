"""`netra bench ...`: one command per benchmark; add one with `@bench_app.command`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console = Console()

bench_app = typer.Typer(
    help=(
        "Benchmarks on this machine, one core, no services unless the benchmark says so.\n\n"
        "Examples:\n\n"
        "  netra bench engine\n\n"
        "  netra bench engine --posts 200000 --baseline-posts 5000"
    ),
    no_args_is_help=True,
)


@bench_app.command("engine")
def engine(
    posts: Annotated[
        int, typer.Option("--posts", min=1000, help="Generated posts for the engine.")
    ] = 100_000,
    baseline_posts: Annotated[
        int,
        typer.Option(
            "--baseline-posts", min=100, help="Posts for the naive baseline (it is slow)."
        ),
    ] = 5_000,
    partisan: Annotated[
        float, typer.Option("--partisan", min=0.0, max=1.0, help="Share of partisan posts.")
    ] = 0.05,
) -> None:
    """Posts per second of the whole engine (normalise, match, rules, explanation) vs a naive
    baseline (one re.search per catalogue term per post), the ratio and peak memory.

    Target: >= 50,000 posts/s and >= 50x the baseline.
    """
    from bench.engine import run

    with console.status(f"timing the engine on {posts:,} generated posts ..."):
        r = run(posts, baseline_posts, partisan)
    t = Table(title="netra bench engine (one core)", header_style="bold")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("posts (engine)", f"{r.posts:,} ({r.partisan:,} partisan)")
    t.add_row("outcomes", ", ".join(f"{k} {v:,}" for k, v in r.outcomes.items()))
    t.add_row("engine posts/s", f"{r.engine_rate:,.0f}")
    t.add_row("engine µs/post", f"{1e6 / r.engine_rate:.1f}")
    t.add_row(
        f"baseline posts/s ({r.terms:,} terms, {r.baseline_posts:,} posts)",
        f"{r.baseline_rate:,.0f}",
    )
    t.add_row("ratio", f"{r.ratio:,.1f}x")
    t.add_row("peak traced memory during run", f"{r.peak_tracemalloc_mb:.1f} MB")
    t.add_row("max RSS of the process", f"{r.maxrss_mb:.0f} MB")
    console.print(t)
    ok = r.engine_rate >= 50_000 and r.ratio >= 50
    console.print(
        "[green]targets met[/]" if ok else "[yellow]below target (>= 50,000 posts/s and >= 50x)[/]"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")


@bench_app.command("pipeline")
def pipeline(
    posts: Annotated[int, typer.Option(min=1000, help="Posts drained by each worker.")] = 60_000,
    rate: Annotated[float, typer.Option(help="Fixed rate of the latency run, posts/s.")] = 1000,
    seconds: Annotated[float, typer.Option(help="Length of the latency run.")] = 20,
) -> None:
    """Sustained posts/s through one worker vs a no-op Faust agent (the framework's ceiling)
    on the same posts, p50/p99 from Kafka to searchable at a fixed rate, and peak memory.

    Needs the local stack ('netra stack up'). Targets: >= 0.7 of the ceiling, p99 <= 2 s,
    <= 300 MB.
    """
    from bench.pipeline import run
    from netra import stack
    from streams.settings import Settings

    stack.up(console=console)
    r = run(
        Settings(),
        posts=posts,
        latency_rate=rate,
        latency_seconds=seconds,
        progress=lambda msg: console.print(f"[bold]{msg}[/]"),
    )
    t = Table(title="netra bench pipeline (local stack, one worker)", header_style="bold")
    t.add_column("measure")
    t.add_column("value", justify="right")
    t.add_row("posts drained", f"{r.posts:,} ({r.flagged:,} flagged or review)")
    t.add_row("no-op Faust agent posts/s (ceiling)", f"{r.noop_rate:,.0f}")
    t.add_row("Netra worker posts/s (judged and indexed)", f"{r.netra_rate:,.0f}")
    t.add_row("ratio to the ceiling", f"{r.ratio:.2f}")
    t.add_row(
        f"latency run: sent at {r.latency_rate:,.0f}/s",
        f"{r.latency_sent:,} posts, {r.latency_flags:,} flags seen",
    )
    t.add_row("p50 Kafka -> searchable", f"{r.p50_ms:,.0f} ms")
    t.add_row("p99 Kafka -> searchable", f"{r.p99_ms:,.0f} ms")
    t.add_row("max Kafka -> searchable", f"{r.max_ms:,.0f} ms")
    t.add_row("worker peak RSS", f"{r.peak_rss_mb:,.0f} MiB")
    console.print(t)
    ok = r.ratio >= 0.7 and r.p99_ms <= 2000 and r.peak_rss_mb <= 300
    console.print(
        "[green]targets met[/]"
        if ok
        else "[yellow]below target (>= 0.7x, p99 <= 2 s, <= 300 MB)[/]"
    )
