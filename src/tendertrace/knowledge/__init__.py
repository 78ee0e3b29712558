"""Reference knowledge as data: chips, rules, providers, models, glossaries -- each row sourced."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import yaml


def _path(name: str) -> Any:
    return resources.files(__name__).joinpath(name)


@cache
def load_yaml(name: str) -> Any:
    """A knowledge file, parsed once per process."""
    with _path(name).open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    with _path(name).open("r", encoding="utf-8", newline="") as handle:
        return tuple(dict(row) for row in csv.DictReader(handle))

