"""One ``--format`` option: every command that takes it lists the formats it writes and refuses others."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from tendertrace.cli import app
from tendertrace.cli_support import OutputFormat

runner = CliRunner()


def _commands() -> dict[str, Any]:
    """Every command of the CLI by its full name ("lists show" for a sub-command); typer's
    command objects are its own, read here by their attributes."""
    root = typer.main.get_command(app)
    found: dict[str, Any] = {}
    for name, command in getattr(root, "commands", {}).items():
        subs = getattr(command, "commands", None)
        if subs is not None:
            found.update({f"{name} {sub}": c for sub, c in subs.items()})
        else:
            found[name] = command
    assert found
    return found


def _format_param(command: Any) -> Any:
    return next((p for p in command.params if "--format" in getattr(p, "opts", [])), None)


def _supported(param: Any) -> list[str]:
    metavar = param.metavar or ""
    return metavar.strip("[]").split("|")


def test_every_format_option_is_the_shared_one() -> None:
    with_format = {name: _format_param(c) for name, c in _commands().items()}
    with_format = {name: p for name, p in with_format.items() if p is not None}
    assert {"scan", "extract", "classify", "screen", "documents", "rules"} <= set(with_format)
    for name, param in with_format.items():
        formats = _supported(param)
        assert formats and set(formats) <= {f.value for f in OutputFormat}, name
        assert "-f" in getattr(param, "opts", []), name
        assert param.default == formats[0], name  # the default is the first format it lists
        assert param.help is not None and all(f in param.help for f in formats), name


@pytest.mark.parametrize(("args", "refused"), [
    (["classify", "NVIDIA A100"], "csv"),
    (["rules"], "md"),
    (["extract", "nowhere.txt"], "md"),
])
def test_a_format_the_command_does_not_write_is_a_usage_error(args: list[str], refused: str) -> None:
    result = runner.invoke(app, [*args, "--format", refused])
    assert result.exit_code == 2
    assert "is not a format of this command" in result.output


def test_a_listed_format_is_taken_in_either_spelling() -> None:
    long = runner.invoke(app, ["classify", "租用8块NVIDIA A100", "--date", "2025-06-01", "--format", "json"])
    short = runner.invoke(app, ["classify", "租用8块NVIDIA A100", "--date", "2025-06-01", "-f", "json"])
    assert long.exit_code == 0 and short.exit_code == 0, long.output
    assert json.loads(long.stdout) == json.loads(short.stdout)
    assert json.loads(long.stdout)["items"]


def test_each_commands_help_lists_its_formats() -> None:
    result = runner.invoke(app, ["rules", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[table|json]" in result.output and "csv" not in result.output
