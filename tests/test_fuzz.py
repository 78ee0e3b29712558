"""Property tests: whatever the input, no exception escapes but the documented ones."""

from __future__ import annotations

import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendertrace.extract import extract, find_mentions
from tendertrace.ingest import read_input
from tendertrace.model import Document, IngestFailure
from tendertrace.rules import classify_text
from tendertrace.screen import sample_screener
from tendertrace.text.fold import match_text

FAST = settings(max_examples=int(os.environ.get("TENDERTRACE_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCREENER = sample_screener()
TENDER_ALPHABET = st.sampled_from(list("采购人：中标供应商成交金额万元贰拾整￥,.;|<>/&\"' \n\tA100H20卡台tokensAWS账号0123456789（）()[]{}")) | st.characters()


@FAST
@given(st.binary(max_size=4000), st.sampled_from(["x.html", "x.txt", "x.pdf", "x.docx", "x.json", "x"]))
def test_ingest_never_raises_on_bytes(data: bytes, name: str) -> None:
    for item in read_input(data, name=name, source=name):
        assert isinstance(item, Document | IngestFailure)
        if isinstance(item, Document):
            assert len(item.match_text) == len(item.text)
        else:
            assert item.reason


@FAST
@given(st.text(alphabet=TENDER_ALPHABET, max_size=3000))
def test_extract_and_classify_never_raise(text: str) -> None:
    for item in read_input(text, name="x.txt", source="x", fmt="text"):
        if isinstance(item, Document):
            ex = extract(item)
            for m in ex.mentions:
                assert item.text[m.start:m.end] == m.text
            for p in ex.parties:
                if p.span:
                    assert item.text[p.span.start:p.span.end] == p.span.text
    classify_text(text, date(2024, 1, 1))


@FAST
@given(st.text(alphabet=TENDER_ALPHABET, max_size=2000))
def test_html_reader_never_raises(text: str) -> None:
    for item in read_input("<html><body>" + text + "</body></html>", name="x.html", source="x", fmt="html"):
        assert isinstance(item, Document | IngestFailure)


@FAST
@given(st.text(alphabet=st.characters(), max_size=200) | st.text(alphabet=TENDER_ALPHABET, max_size=60))
def test_screen_never_raises_and_scores_are_bounded(name: str) -> None:
    for hit in SCREENER.screen(name):
        assert 0.0 <= hit.score <= 1.0 and hit.relation in ("self", "affiliate")


@FAST
@given(st.text(max_size=500))
def test_match_text_keeps_length(text: str) -> None:
    assert len(match_text(text)) == len(text)
    find_mentions(match_text(text))
