"""One Jinja environment renders the HTML report and the review UI's pages."""

from __future__ import annotations

from markupsafe import Markup

from tendertrace.findings import intermediaries
from tendertrace.model import Finding
from tendertrace.report import html_report
from tendertrace.report.templating import environment
from tendertrace.web import ui

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: reorders what follows it on screen
RADICAL_DA = "\u2f24"  # KANGXI RADICAL BIG, drawn like 大


def _finding(title: str | None = None) -> Finding:
    return Finding(case_id="c1", documents=[], buyer=["某某大学"], suppliers=["某某科技有限公司"], provider=[],
                   route=[], chips=[], models=[], classification=[], listed=[], amount=None, currency=None,
                   date=None, score=0.0, score_parts={}, evidence=[], title=title)


def test_the_ui_renders_through_the_reports_environment() -> None:
    assert ui.templates.env is environment()
    names = set(environment().list_templates())
    assert {"report.html", "base.html", "finding.html", "findings.html"} <= names


def test_every_printed_value_is_escaped_and_shown_with_visible_marks() -> None:
    page = environment().from_string("<p>{{ name }}</p><p>{{ markup }}</p>").render(
        name=f"<b>四川{RADICAL_DA}学</b>{RLO}", markup=Markup(f"<mark>x{RLO}</mark>"))
    assert page == "<p>&lt;b&gt;四川大学&lt;/b&gt;[U+202E]</p><p><mark>x[U+202E]</mark></p>"


def test_the_display_filters_and_globals_are_shared() -> None:
    env = environment()
    assert {"display_fold", "display_safe"} <= set(env.filters)
    assert env.from_string("{{ n | display_fold }}").render(n=f"四川{RADICAL_DA}学") == "四川大学"
    assert env.globals["intermediaries"] is intermediaries
    assert env.from_string("{{ intermediaries(f) | join(';') }}").render(f=_finding()) == ""


def test_the_report_escapes_a_hostile_title_once() -> None:
    page = html_report([_finding(title="<script>x</script>" + RLO)])
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;[U+202E]" in page
    assert "&amp;lt;" not in page  # escaped once, not twice
