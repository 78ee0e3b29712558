"""The server loads the slow-to-start name tagger at start, in the background, not in a request."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi.testclient import TestClient

from tendertrace.screen import readings
from tendertrace.web import Settings, create_app


def test_the_server_warms_the_name_tagger_at_start(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    monkeypatch.setattr(readings, "_RIGOUR_READY", threading.Event())
    real = readings.warm_name_symbols

    def warm() -> None:
        calls.append(threading.current_thread().name)
        real()

    monkeypatch.setattr("tendertrace.web.warm_name_symbols", warm)
    app = create_app(Settings(db=str(tmp_path / "t.db"), background=False))
    with TestClient(app):
        assert readings._RIGOUR_READY.wait(120)
    assert calls == ["tendertrace-warm"]


def test_concurrent_first_readings_build_the_symbol_forms_once() -> None:
    from tendertrace.screen import sample_screener

    screener = sample_screener()
    built: list[int] = []
    forms = screener.readings._symbol_forms
    threads = [threading.Thread(target=lambda: built.append(id(forms()))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(built)) == 1


def test_a_screener_that_has_read_other_scripts_still_pickles() -> None:
    """Worker processes receive the screener pickled: its readings hold no lock."""
    import pickle

    from tendertrace.screen import sample_screener

    screener = sample_screener()
    screener.screen("محمد علي")
    assert pickle.loads(pickle.dumps(screener)).screen("محمد علي") == screener.screen("محمد علي")
