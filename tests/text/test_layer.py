"""The text layer sits under every stage: it imports nothing of the package but itself, and the
stages that read text (ingest among them) do not reach sideways or up for it."""

from __future__ import annotations

import ast
from pathlib import Path

import tendertrace

PACKAGE = Path(tendertrace.__file__).parent


def _package_imports(path: Path) -> set[str]:
    """The package modules a file imports, as dotted names relative to the package."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    here = parts[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
            out.add(".".join((*base, *(node.module or "").split("."))).strip("."))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tendertrace."):
            out.add((node.module or "").removeprefix("tendertrace."))
    return out


def test_text_imports_only_itself() -> None:
    for path in (PACKAGE / "text").glob("*.py"):
        assert all(m.startswith("text") for m in _package_imports(path)), path.name


def test_ingest_reads_text_from_below() -> None:
    for path in (PACKAGE / "ingest").glob("*.py"):
        for module in _package_imports(path):
            assert module.split(".")[0] in {"ingest", "text", "model"}, (path.name, module)
