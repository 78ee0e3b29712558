"""Seeded samples of real corpus records by the shape their parties and money take, with what the extractor reads.

    python bench/sample_shapes.py --shape commissioned [--n 5] [--seed 7]
    python bench/sample_shapes.py --pick 26 --seed 2219 [--exclude GOLD.jsonl ...]

``--shape`` prints, for a seeded sample of the records of one shape, the buyer, agency, suppliers, lots,
amount and date the extractor gives beside the lines of the text that hold party or money words, to be
read by a person. ``--pick`` prints the ids of a seeded, source-stratified sample of records with body
text that no given gold set holds, for labelling a fresh gold set before anything is changed because of it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import CORPUS, EVAL, require  # noqa: E402

from tendertrace.extract import extract  # noqa: E402
from tendertrace.ingest import iter_documents  # noqa: E402
from tendertrace.model import Document  # noqa: E402

# A shape is a class of records described in one sentence, recognised from the text the extractor reads.
SHAPES: dict[str, Callable[[str], bool]] = {
    # the buyer is named in an opening "受X委托" sentence of an agency
    "commissioned": lambda t: bool(re.search(r"受.{2,60}?委托", t)),
    # roles are stated in prose: 采购人为X, 招标人为X, 由X组织
    "prose_roles": lambda t: bool(re.search(r"(采购人|招标人|建设单位|业主)为|由.{2,40}?组织", t)),
    # contract parties 甲方 / 乙方, 用户单位 / 需求单位
    "contract_parties": lambda t: bool(re.search(r"甲方|乙方|用户单位|需求单位", t)),
    # award or candidate notices naming winners, several lots or a ranked list
    "winners": lambda t: bool(re.search(r"中标(人|单位|供应商)|成交供应商|第一中标候选人", t)),
    "lots": lambda t: bool(re.search(r"(包|标段|标包)\s*[1-9一二三四]", t)) and "中标" in t,
    "consortium": lambda t: "联合体" in t and bool(re.search(r"中标|成交", t)),
    "masked": lambda t: bool(re.search(r"某(单位|医院|部队|局|公司)", t)),
    "big_units": lambda t: bool(re.search(r"[0-9.]+\s*亿元|合同金额", t)),
}
PARTY_WORDS = re.compile(r"采购人|招标人|委托|中标|成交|供应商|甲方|乙方|用户单位|需求单位|代理|金额|预算|限价|万元|亿元|日期|时间")
# Records per source in a ``--pick`` sample, in proportion to where parties stand in running text.
PICK_SHARES = {"qingwalashi/nbygcg": 0.4, "coomaso/zhongbiao": 0.3, "daijy0926/zhaotoubiaoshuju": 0.3}
# Single-source notices name their proposed supplier in prose (拟定供应商为…): a stratum of its own in ``--pick``.
SINGLE_SOURCE_PICK = 6
MIN_TEXT_CHARS = 80  # a record shorter than this has no running text to read parties from


def corpus_docs() -> Iterator[Document]:
    for doc in iter_documents([require(CORPUS)]):
        if isinstance(doc, Document):
            yield doc


def corpus_sources() -> dict[str, str]:
    out: dict[str, str] = {}
    with gzip.open(require(CORPUS), "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[row["id"]] = row["source"].split(":")[0]
    return out


def gold_ids(paths: list[Path]) -> set[str]:
    ids: set[str] = set()
    for path in paths:
        if path.exists():
            ids |= {json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()}
    return ids


def pick(n: int, seed: int, exclude: set[str]) -> list[str]:
    sources = corpus_sources()
    pools: dict[str, list[str]] = defaultdict(list)
    for doc in corpus_docs():
        src = sources.get(doc.source_id or "", "")
        if src in PICK_SHARES and doc.source_id not in exclude and len(doc.text) >= MIN_TEXT_CHARS:
            pools[src].append(doc.source_id or "")
            if "单一来源" in (doc.title or ""):
                pools["single_source"].append(doc.source_id or "")
    rng = random.Random(seed)
    chosen: list[str] = []
    for src, share in PICK_SHARES.items():
        pool = sorted(pools[src])
        chosen += rng.sample(pool, min(len(pool), round(n * share)))
    single = sorted(i for i in pools["single_source"] if i not in chosen)
    return chosen + rng.sample(single, min(len(single), SINGLE_SOURCE_PICK))


def show_shape(name: str, n: int, seed: int) -> None:
    test = SHAPES[name]
    docs = [d for d in corpus_docs() if test(d.text)]
    rng = random.Random(seed)
    for doc in rng.sample(docs, min(n, len(docs))):
        ex = extract(doc)
        print("=" * 100)
        print(doc.source_id, "|", doc.title)
        print("  buyer:", ex.names("buyer"), " agency:", ex.names("agency"), " suppliers:", ex.names("supplier"))
        print("  amount:", ex.amount, " published:", ex.published)
        for line in doc.text.splitlines():
            if PARTY_WORDS.search(line):
                print("   |", line.strip()[:160])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", choices=sorted(SHAPES))
    parser.add_argument("--pick", type=int, default=0, help="print the ids of a fresh sample of this many records")
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    if args.pick:
        here = Path(__file__).resolve().parent / "heldout"
        exclude = gold_ids([EVAL / "extraction_dev.jsonl", *here.glob("real_texts_*.jsonl"), *args.exclude])
        print("\n".join(pick(args.pick, args.seed, exclude)))
    elif args.shape:
        show_shape(args.shape, args.n, args.seed)
    else:
        parser.error("give --shape or --pick")


if __name__ == "__main__":
    main()
