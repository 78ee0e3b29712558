"""A knowledge file the code cannot use is named, with its row or key and what is wrong, before
the first document: by the typed loaders, and by ``tendertrace scan`` as one line and exit 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tendertrace.knowledge import KnowledgeError, knowledge_dir, schema
from tendertrace.knowledge.schema import (
    load_chips,
    load_models,
    load_providers,
    load_rules,
    validate_knowledge,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TIMEOUT = 120  # seconds: a scan that stops before reading its first document


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """An editable copy of the package's knowledge files."""
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_knowledge_is_valid() -> None:
    validate_knowledge(knowledge_dir())
    rules = load_rules(knowledge_dir())
    assert all(r.citation and r.effective.year >= 2016 for r in rules)  # the EAR definitions rule of 2016
    assert len({r.id for r in rules}) == len(rules)
    assert load_providers(knowledge_dir()) and load_models(knowledge_dir()) and load_chips(knowledge_dir())


def test_every_knowledge_file_is_checked_at_start_up() -> None:
    """A knowledge file the start-up check does not know would fail mid-scan on a bad edit."""
    checked = schema.known_files()
    shipped = {p.name for p in knowledge_dir().iterdir() if p.suffix in (".yaml", ".csv")}
    assert shipped - checked == set()


@pytest.mark.parametrize(("name", "old", "new", "said"), [
    ("rules.yaml", 'effective: "2022-10-21"', 'effective: "21 October 2022"',
     "rules.yaml: row 3 (acs-2022-10) key 'effective': '21 October 2022' is not a date (YYYY-MM-DD)"),
    ("providers.yaml", "'EC2'", "'EC2('", "providers.yaml: row 1 (aws) pattern 'EC2(': the pattern does not compile"),
    ("accelerators.yaml", "rates: {fp16: 125}", "rates: {fp16: many}", "rate 'fp16': must be a positive number"),
    ("context.yaml", "scope_end:", "scope_ending:", "context.yaml: key 'scope_end': is missing"),
    ("glossary_zh_en.csv", "zh,en,source", "zh,english,source", "glossary_zh_en.csv: header: lacks the column(s) en"),
    ("list_meanings.yaml", "weight: 1.0", "weight: 10", "list EL key 'weight': must lie between 0 and 1"),
    ("models.yaml", "- id:", "- id: [", "models.yaml: line"),
    ("context.yaml", "    pattern: '(?:不(?:得", "    pattern: '(?:(不(?:得",
     "context.yaml: key 'scopes' item 1 'pattern': the pattern does not compile"),
    ("leads.yaml", "      - '智算中心'", "      - '智算(中心'", "leads.yaml: key 'kinds' 'computing_centre' 'patterns' item 1: the pattern does not compile"),
    ("rules.yaml", 'suspended: {from: "2025-11-10", to: "2026-11-09"', 'suspended: {from: "2026-11-10", to: "2026-11-09"',
     "suspension 1: ends before it starts"),
    ("hosting.yaml", "reach: 12", "reach: twelve", "hosting.yaml: key 'reach': must be int, not str"),
    ("hosting.yaml", "reach: 12", "reach: 12\nreach_chars: 40", "hosting.yaml: key 'reach_chars': is not a key of HostingFile"),
    ("context.yaml", "  - effect: negated", "  - effect: negative",
     "context.yaml: key 'scopes' item 1 'effect': must be one of negated, withdrawn"),
    ("orgs.yaml", "roles:\n  buyer:", "roles:\n  buyers:", "orgs.yaml: key 'roles' 'buyers': must be one of buyer, agency, supplier"),
    ("glossary_zh_en.csv", "中国科学院,Chinese Academy of Sciences,", "中国科学院,,", "glossary_zh_en.csv: line 2: empty en"),
])
def test_a_bad_edit_is_named(copy: Path, name: str, old: str, new: str, said: str) -> None:
    _edit(copy, name, old, new)
    with pytest.raises(KnowledgeError) as caught:
        validate_knowledge(copy)
    assert said in str(caught.value)
    assert str(caught.value).startswith(f"knowledge file {name}: ")


def test_a_duplicated_id_is_named(copy: Path) -> None:
    rows = (copy / "models.yaml").read_text(encoding="utf-8")
    first = rows[rows.index("\n- id:") + 1:]
    (copy / "models.yaml").write_text(rows.rstrip("\n") + "\n" + first[: first.find("\n- id:", 1) + 1], encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"models.yaml: id \S+: appears on more than one row"):
        load_models(copy)


def test_a_chip_id_of_both_chip_files_is_named(copy: Path) -> None:
    _edit(copy, "accelerators_epoch.yaml", "- id: nvidia-rtx-a6000", "- id: nvidia-a100")
    with pytest.raises(KnowledgeError, match=r"accelerators_epoch.yaml: id nvidia-a100: appears on more than one row "
                                             r"\(also in accelerators.yaml\)"):
        load_chips(copy)


def test_scan_stops_before_the_first_document(copy: Path, tmp_path: Path) -> None:
    _edit(copy, "rules.yaml", 'effective: "2022-10-21"', 'effective: "soon"')
    env = {**os.environ, "TENDERTRACE_KNOWLEDGE_DIR": str(copy), "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "tendertrace.cli", "scan", str(EXAMPLES), "-q", "--db",
                           str(tmp_path / "t.db")], capture_output=True, text=True, timeout=TIMEOUT, env=env,
                          cwd=tmp_path)
    lines = [ln for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
    assert done.returncode == 2, done.stderr
    assert lines == ["error: knowledge file rules.yaml: row 3 (acs-2022-10) key 'effective': 'soon' is not a date "
                     "(YYYY-MM-DD)"]
    assert not (tmp_path / "t.db").exists()  # nothing was stored


def test_serve_refuses_before_serving(copy: Path, tmp_path: Path) -> None:
    _edit(copy, "providers.yaml", "'EC2'", "'EC2('")
    env = {**os.environ, "TENDERTRACE_KNOWLEDGE_DIR": str(copy), "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "tendertrace.cli", "serve", "--db", str(tmp_path / "t.db"),
                           "--port", "0"], capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "knowledge file providers.yaml: row 1 (aws) pattern 'EC2('" in done.stderr
    assert "serving" not in done.stderr + done.stdout


def test_an_edited_copy_is_part_of_the_code_fingerprint(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tendertrace.pipeline import code_fingerprint

    monkeypatch.setenv("TENDERTRACE_KNOWLEDGE_DIR", str(copy))
    before = code_fingerprint.__wrapped__()
    _edit(copy, "providers.yaml", "'EC2'", "'EC2', 'EC2 P5'")
    assert code_fingerprint.__wrapped__() != before  # the edit re-processes what the copy decided


def test_no_stage_reads_a_knowledge_file_as_a_dict() -> None:
    """Stages read knowledge through the typed files (knowledge.files, knowledge.schema), never by
    parsing a file into plain dicts and lists of their own."""
    package = Path(__file__).resolve().parents[2] / "src" / "tendertrace"
    readers = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if path.parent.name != "knowledge"
               and any(call in path.read_text(encoding="utf-8") for call in ("load_yaml(", "load_csv("))]
    assert readers == []
