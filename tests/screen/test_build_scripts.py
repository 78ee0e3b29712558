"""The knowledge build scripts' rules: which ASPI sub-unit names name their unit alone, and the
GB/T 2260 table's shape."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType

from ..conftest import ROOT


@cache
def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_a_state_granted_laboratory_or_a_placed_unit_names_itself() -> None:
    names_itself = script("build_aliases").names_itself
    assert names_itself("光电信息控制和安全技术国防科技重点实验室")
    assert names_itself("天津光电通信技术研究所")  # begins with a place
    assert not names_itself("人工智能研究中心")  # a unit of that name is in many institutions
    assert not names_itself("国家重点实验室")  # the kind alone
    assert not names_itself("信息学院拥有光电国家重点实验室")  # a sentence naming its host


def test_the_other_names_of_an_aspi_sub_unit_are_read() -> None:
    aka = script("build_aliases").also_known_as
    assert aka("No. 99 Institute (集团第99研究所) aka Qingdao Optics Institute (青岛光学研究所)") == ["青岛光学研究所"]
    assert aka("Institute of Optics (光学研究所)") == []


def test_divisions_keep_provinces_prefectures_and_counties_without_placeholders() -> None:
    build = script("build_divisions")
    tree = [{"code": "11", "name": "北京市", "children": [
        {"code": "1101", "name": "市辖区", "children": [{"code": "110108", "name": "海淀区"}]}]},
        {"code": "32", "name": "江苏省", "children": [
            {"code": "3201", "name": "南京市", "children": [{"code": "320106", "name": "鼓楼区"}]}]}]
    assert build.rows(tree) == [("110000", "北京市"), ("110108", "海淀区"), ("320000", "江苏省"),
                                ("320100", "南京市"), ("320106", "鼓楼区")]
    assert build.render(build.rows(tree)).splitlines()[0] == "code,name"


def test_an_aspi_institution_is_tied_by_the_curated_tables_chinese_name() -> None:
    """An ASPI institution whose English name is not the listed one (the EL's NINT entry adds words)
    is tied through the Chinese name the curated table gives that entry; its state-granted laboratory
    names it alone, and ASPI's note of a laboratory "Jointly run with" another host is no sub-unit."""
    build = script("build_aliases")
    curated = build._curated_self()
    assert "西北核技术研究所" in curated
    assert build.JOINT == "jointly"
    assert "Jointly run with the Chinese Academy of Sciences".lower().startswith(build.JOINT)


def test_a_state_laboratory_of_an_institution_tied_by_its_chinese_name_screens_to_it() -> None:
    import csv

    rows = list(csv.DictReader((ROOT / "src" / "tendertrace" / "knowledge" / "aliases_zh_sources.csv")
                               .open(encoding="utf-8")))
    nint = {r["zh"]: r["relation"] for r in rows if r["en"].startswith("Northwest Institute of Nuclear Technology")}
    assert nint.get("西北核技术研究所") == "self"
    assert nint.get("强脉冲辐射环境模拟与效应国家重点实验室") == "affiliate"
    assert not any("长春光学精密" in zh for zh in nint)  # the joint host is no unit of it


def test_accelerator_names_drop_form_and_memory_words() -> None:
    names_of = script("build_accelerators").names_of
    assert names_of("NVIDIA Tesla V100 PCIe 32 GB", "NVIDIA") == ("Tesla V100", ["Tesla V100", "V100"])
    assert names_of("NVIDIA RTX 6000 Ada Generation", "NVIDIA")[1] == ["RTX 6000 Ada Generation", "RTX 6000 Ada"]
    # a bare "RTX 6000" is also the Ada part: the Quadro keeps its family word
    assert names_of("NVIDIA Quadro RTX 6000", "NVIDIA")[1] == ["Quadro RTX 6000"]
