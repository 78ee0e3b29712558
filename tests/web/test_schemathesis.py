"""Schemathesis against the served OpenAPI document: generated requests to every operation (valid
and invalid, with a write token) find no server error. CI runs a short pass; run a longer one with
TENDERTRACE_SCHEMATHESIS_EXAMPLES=500."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from ..conftest import EXAMPLES

SCHEMATHESIS = shutil.which("schemathesis") or str(Path(sys.executable).with_name("schemathesis"))
EXAMPLES_PER_OPERATION = os.environ.get("TENDERTRACE_SCHEMATHESIS_EXAMPLES", "25")


@pytest.mark.skipif(not Path(SCHEMATHESIS).exists(), reason="schemathesis is not installed (the test extra has it)")
def test_no_server_error_on_generated_requests(served: dict[str, str]) -> None:
    auth = {"Authorization": f"Bearer {served['token']}"}
    files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".html", ".txt")]
    assert httpx.post(f"{served['base']}/api/documents", files=files, headers=auth).status_code == 202
    run = subprocess.run(
        [SCHEMATHESIS, "run", f"{served['base']}/openapi.json", "--checks", "not_a_server_error",
         "--header", f"Authorization: Bearer {served['token']}", "--max-examples", EXAMPLES_PER_OPERATION,
         "--seed", "20261123", "--no-color"],
        capture_output=True, text=True, timeout=900,
    )
    summary = run.stdout[-3000:]
    assert run.returncode == 0, summary
    selected = re.search(r"Selected: (\d+)/(\d+)", summary)
    assert selected and f"Tested: {selected.group(2)}" in summary  # every operation was exercised
    log = Path(served["log"]).read_text()
    assert "Traceback" not in log and " 500 " not in log
