"""English disclosures name a compute service as "the provision of GPU computing power": a rental."""

from __future__ import annotations

import pytest

from tendertrace.findings import compute_items
from tendertrace.ingest import read_input
from tendertrace.pipeline import process

HEAD = ("Alpha Cloud Holdings Limited (the Company) announces that it has entered into an agreement with "
        "Shenzhen Deep Compute Co., Ltd. (the Client) ")


@pytest.mark.parametrize(("clause", "route"), [
    ("for the provision of NVIDIA H100 GPU computing power for two years.", "cloud_rental"),
    ("for the provision of 512 NVIDIA H800 GPUs.", "cloud_rental"),
    ("for the provision of office cleaning services; its data centre runs NVIDIA H100 servers.", None),
])
def test_provision_of_compute(clause: str, route: str | None) -> None:
    doc = next(read_input(HEAD + clause + "\nDate: 5 August 2024", name="n.txt", source="n.txt"))
    routes = {c.route for c in compute_items(process(doc).classifications)}  # type: ignore[arg-type]
    assert routes == ({route} if route else set())
