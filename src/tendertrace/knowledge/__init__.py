"""Reference knowledge as data: chips, rules, providers, models, glossaries -- each row sourced.

The files are read from the package, or from the folder ``TENDERTRACE_KNOWLEDGE_DIR`` names (a
copy being edited, checked with ``knowledge.schema.validate_knowledge`` before it is used).
"""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# The folder of knowledge files to read instead of the package's own.
DIRECTORY_VARIABLE = "TENDERTRACE_KNOWLEDGE_DIR"


class KnowledgeError(ValueError):
    """A knowledge file that the code cannot use: which file, where in it, and what is wrong."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        super().__init__(f"knowledge file {file}: {where}: {problem}")
        self.file, self.where, self.problem = file, where, problem


def knowledge_dir() -> Path:
    """The folder the knowledge files are read from."""
    override = os.environ.get(DIRECTORY_VARIABLE)
    return Path(override) if override else Path(__file__).resolve().parent


def _path(name: str) -> Path:
    return knowledge_dir() / name


@cache
def load_yaml(name: str) -> Any:
    """A knowledge file, parsed once per process."""
    with _path(name).open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    with _path(name).open("r", encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))
