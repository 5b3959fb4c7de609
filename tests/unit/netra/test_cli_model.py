from __future__ import annotations

import typer
from typer.testing import CliRunner

from netra.cli import model as model_cli


def _app() -> typer.Typer:
    app = typer.Typer()
    model_cli.register(app)
    return app


def test_cv_with_one_fold_is_a_usage_error_not_a_traceback() -> None:
    # one fold leaves nothing to train on: the option says so before any corpus is read
    result = CliRunner().invoke(_app(), ["model", "cv", "--folds", "1"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "--folds" in result.output


def test_cv_with_an_unknown_grouping_names_the_groupings() -> None:
    result = CliRunner().invoke(_app(), ["model", "cv", "--by", "publisher"])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
