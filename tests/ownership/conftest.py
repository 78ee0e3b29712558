"""The bundled sample Entity List (CETC 14, Hikvision, Sugon are on it) and the sample ownership files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendertrace.ownership import OwnershipIndex, OwnershipLink, lei_names, read_file
from tendertrace.screen import Screener, sample_screener

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def screener() -> Screener:
    return sample_screener()


def links_of(*names: str) -> list[OwnershipLink]:
    lei = lei_names(FIXTURES / "gleif_lei.csv")
    return [link for name in names for link in read_file(FIXTURES / name, lei)]


def bound(links: list[OwnershipLink], screener: Screener) -> OwnershipIndex:
    index = OwnershipIndex(links)
    index.bind(screener)
    return index
