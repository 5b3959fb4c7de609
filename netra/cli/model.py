"""`netra model train|eval`: the learned second opinion, trained on the train parts only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from netra.cli.engine import configured_pack
from neutrality.corpus import Item, read_items
from neutrality.evaluation import Counts
from neutrality.model import MODEL_FILE, Model, NameMask, data_digest, train
from neutrality.pack import load_pack
from neutrality.realcorpus import REAL_DIR

err = Console(stderr=True)
out = Console()

# The hand-written corpus's dev part is its tuning part: it may train; its holdout never does.
TRAIN_FILES = (REAL_DIR / "train.jsonl", REAL_DIR.parent / "dev.jsonl")
DEV_FILE = REAL_DIR / "dev.jsonl"
EVAL_FILES = (
    REAL_DIR / "train.jsonl",
    REAL_DIR / "dev.jsonl",
    REAL_DIR / "test.jsonl",
    REAL_DIR.parent / "holdout.jsonl",
)

model_app = typer.Typer(
    help=(
        "The learned second opinion (word and character n-grams, logistic regression).\n\n"
        "Examples:\n\n"
        "  netra model train\n\n"
        "  netra model eval\n\n"
        "  netra model cv --folds 5"
    ),
    no_args_is_help=True,
)


def _labelled(path: Path) -> list[Item]:
    with path.open(encoding="utf-8") as fh:
        return [i for i in read_items(fh) if isinstance(i, Item) and i.label is not None]


def _names(pack_dir: Path) -> NameMask:
    """The names the model reads as roles: the participants of the catalogue the pack loads."""
    _, catalogue = load_pack(pack_dir)
    return NameMask.of(catalogue.participants.values())


def _flagged(item: Item) -> bool:
    return item.label is not None and item.label["outcome"] == "flag"


@model_app.command("train")
def train_cmd(
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Where to write the model (default: the pack).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed (folds and solver).")] = 20221922,
) -> None:
    """Train on rules/corpus/real/train.jsonl (+ the hand-written dev part), calibrate by
    cross-validation, choose thresholds on rules/corpus/real/dev.jsonl; never reads test."""
    items = [i for f in TRAIN_FILES for i in _labelled(f)]
    dev = _labelled(DEV_FILE)
    pack_dir = configured_pack()
    pack, catalogue = load_pack(pack_dir)
    meta = {
        "pack": f"{pack.name}@{pack.version}",
        "trained_on": [str(f.relative_to(REAL_DIR.parent.parent.parent)) for f in TRAIN_FILES],
        "thresholds_on": str(DEV_FILE.relative_to(REAL_DIR.parent.parent.parent)),
        "data_sha256": data_digest([*TRAIN_FILES, DEV_FILE]),
    }
    model = train(
        [i.post for i in items],
        [_flagged(i) for i in items],
        [i.post for i in dev],
        [_flagged(i) for i in dev],
        seed=seed,
        meta=meta,
        names=NameMask.of(catalogue.participants.values()),
    )
    target = out_path or pack_dir / MODEL_FILE
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    size = target.stat().st_size
    out.print(
        f"model: {len(model.weights)} n-grams, {size / 1e6:.2f} MB -> {target}\n"
        f"thresholds (chosen on dev): partisan >= {model.partisan_at:.3f} (precision >= 0.95), "
        f"possible >= {model.possible_at:.3f} (precision >= 0.80)"
    )


@model_app.command("eval")
def eval_cmd(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Labelled files (default: real train, dev, test; hand holdout)."),
    ] = None,
) -> None:
    """The model alone at its two thresholds, per file: how far the second opinion reaches."""
    path = configured_pack() / MODEL_FILE
    if not path.is_file():
        err.print(f"[red]No model at {path}[/]: run netra model train")
        raise typer.Exit(2)
    model = Model.load(path, _names(configured_pack()))
    t = Table(title=f"netra model eval ({path.name}, {len(model.weights)} n-grams)")
    for col in ("file", "threshold", "items", "precision", "recall", "false alarms"):
        t.add_column(col, justify="left" if col in ("file", "threshold") else "right")
    for f in files or list(EVAL_FILES):
        items = _labelled(f)
        scores = [model.opinion(i.post).probability for i in items]
        for name, at in (("partisan", model.partisan_at), ("possible", model.possible_at)):
            c = Counts()
            for s, i in zip(scores, items, strict=True):
                c.add(_flagged(i), s >= at)
            t.add_row(
                f"{f.parent.name}/{f.stem}",
                f"{name} {at:.2f}",
                str(len(items)),
                f"{c.precision:.1%}",
                f"{c.recall:.1%}",
                f"{c.false_alarm_rate:.1%}",
            )
    out.print(t)


@model_app.command("cv")
def cv_cmd(
    folds: Annotated[
        int, typer.Option(min=2, help="Folds (a case, or a source, stays whole).")
    ] = 5,
    seed: Annotated[int, typer.Option(help="Random seed (solver and calibration).")] = 20221922,
    by: Annotated[
        list[str] | None,
        typer.Option(
            help="What a fold keeps whole: case, source (a publisher or dataset with all its "
            "cases); repeat for both (the default)."
        ),
    ] = None,
) -> None:
    """The engine on events its model never saw: k-fold over the real train and dev parts
    (never test), by case and by source. Each fold is judged with a model trained on the others
    (and the hand-written dev part) at the shipped thresholds; false alarms are put down to the
    model's lone opinion or to the rules. By source is the estimate for sources never seen."""
    from neutrality import Engine
    from neutrality.crossval import Estimate, Grouping, out_of_fold, threshold_at

    try:
        groupings = [Grouping(b) for b in by or ("case", "source")]
    except ValueError:
        err.print(f"[red]--by takes {', '.join(g.value for g in Grouping)}[/]")
        raise typer.Exit(2) from None
    engine = Engine.load(configured_pack())
    parts = {f.stem: _labelled(f) for f in (REAL_DIR / "train.jsonl", DEV_FILE)}
    items = [i for part in parts.values() for i in part]
    t = Table(title=f"netra model cv: {folds} folds, the model never saw the fold")
    cols = ("by", "part", "items", "P", "R", "false alarms", "by model alone", "model alone")
    for col in (*cols, "its P"):
        t.add_column(col, justify="left" if col in ("by", "part") else "right")
    notes: list[str] = []
    for grouping in groupings:
        judged = out_of_fold(
            engine, items, _labelled(TRAIN_FILES[1]), folds=folds, seed=seed, by=grouping
        )
        by_part = {n: [j for j in judged if j.item.meta.get("part") == n] for n in parts}
        for name, rows in (*by_part.items(), ("train + dev", judged)):
            est = Estimate.of(rows)
            c = est.counts
            t.add_row(
                grouping.value,
                name,
                str(len(rows)),
                f"{c.precision:.1%}",
                f"{c.recall:.1%}",
                f"{c.false_alarm_rate:.1%} ({c.fp})",
                str(est.model_alone_fp),
                str(est.model_alone_tp + est.model_alone_fp),
                f"{est.model_alone_precision:.1%}",
            )
        assert engine.model is not None  # out_of_fold refuses a pack without one
        for precision in (0.95, 0.80):
            at, recall = threshold_at(judged, precision)
            notes.append(
                f"by {grouping.value}: out-of-fold threshold for the model alone at precision "
                f">= {precision:.2f}: {at:.3f} (recall {recall:.1%}); shipped: partisan "
                f"{engine.model.partisan_at:.3f}, possible {engine.model.possible_at:.3f}"
            )
    out.print(t)
    for note in notes:
        out.print(note)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
