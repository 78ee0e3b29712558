"""The test client runs without a deprecation warning (starlette wants httpx2 under it)."""

from __future__ import annotations

import importlib
import sys
import warnings


def test_the_test_client_imports_without_a_deprecation_warning() -> None:
    for name in ("fastapi.testclient", "starlette.testclient"):
        sys.modules.pop(name, None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.import_module("fastapi.testclient")
