"""``tendertrace watch`` (poll sources, scan what is new, alert) and ``tendertrace leads``."""

from __future__ import annotations

import os
import signal
import threading
from typing import Annotated, Any

import typer
from rich.console import Console

from .cli_output import output_rows
from .cli_support import OutputFormat, format_option, open_store
from .watch.alerts import DEFAULT_MIN_SCORE, AlertSettings, Email, Webhook
from .watch.config import ConfigError, load, parse_duration
from .watch.runner import CycleStats, Watcher

console = Console(stderr=True, soft_wrap=True)
SMTP_PORT = 25  # the SMTP port when --smtp names a host alone
LEAD_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MD)
SECRET_ENV = "TENDERTRACE_WEBHOOK_SECRET"  # noqa: S105 - the name of the variable, not a secret
SMTP_PASSWORD_ENV = "TENDERTRACE_SMTP_PASSWORD"  # noqa: S105


def _settings(min_score: float, webhooks: list[str], smtp: str | None, mail_from: str | None, mail_to: list[str],
              starttls: bool, smtp_user: str | None, backlog: bool) -> AlertSettings:
    secret = os.environ.get(SECRET_ENV, "")
    if webhooks and not secret:
        raise typer.BadParameter(f"--webhook needs the signing secret in ${SECRET_ENV}")
    hooks = [Webhook(f"{i}", url, secret) for i, url in enumerate(webhooks)]
    mails = []
    if smtp:
        if not mail_to or not mail_from:
            raise typer.BadParameter("--smtp needs --mail-from and at least one --mail-to")
        host, _, port = smtp.partition(":")
        mails.append(Email("smtp", host, int(port or SMTP_PORT), mail_from, tuple(mail_to), starttls, smtp_user,
                           os.environ.get(SMTP_PASSWORD_ENV)))
    return AlertSettings(min_score=min_score, webhooks=hooks, emails=mails, backlog=backlog)


def _report(stats: CycleStats) -> None:
    taken = ", ".join(f"{name}: {n}" for name, n in stats.taken.items()) or "no source due"
    console.print(f"fetched {taken}; stored {stats.processed} new, {stats.skipped} known, {stats.failed} failed; "
                  f"{stats.alerts} alerts, {stats.delivered} delivered; {stats.leads} leads")
    for name, error in stats.errors.items():
        console.print(f"[yellow]{name}: {error} (tried again at the next poll)[/yellow]")


def watch_command(
    sources: Annotated[list[str], typer.Argument(help="Folders, JSON-lines or OCDS files, http(s) feeds or listing pages, or a YAML source configuration each (see examples/watch/).")],
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 10m, 1h (a source's own `every` wins).")] = "10m",
    db: Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")] = "tendertrace.db",
    once: Annotated[bool, typer.Option("--once", help="Poll each source once, scan, alert, and stop.")] = False,
    min_score: Annotated[float, typer.Option("--min-score", help="Findings at or above this score alert.")] = DEFAULT_MIN_SCORE,
    webhook: Annotated[list[str] | None, typer.Option("--webhook", help=f"POST each alert here, signed with ${SECRET_ENV} (HMAC-SHA256).")] = None,
    smtp: Annotated[str | None, typer.Option("--smtp", help="Mail each alert through this SMTP server, host[:port].")] = None,
    mail_from: Annotated[str | None, typer.Option("--mail-from")] = None,
    mail_to: Annotated[list[str] | None, typer.Option("--mail-to")] = None,
    starttls: Annotated[bool, typer.Option("--starttls", help="Use STARTTLS with --smtp.")] = False,
    smtp_user: Annotated[str | None, typer.Option("--smtp-user", help=f"SMTP login (password in ${SMTP_PASSWORD_ENV}).")] = None,
    backlog: Annotated[bool, typer.Option("--alert-backlog", help="Also alert the findings stored before alerting began.")] = False,
    lists: Annotated[str | None, typer.Option("--lists", help="Only these lists count, comma-separated.")] = None,
) -> None:
    """Watch sources: scan new documents only, rebuild findings and leads, and send alerts."""
    from .cli import _lists, _screener

    try:
        configs = [load(s) for s in sources]
        seconds = parse_duration(every)
    except ConfigError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    settings = _settings(min_score, webhook or [], smtp, mail_from, mail_to or [], starttls, smtp_user, backlog)
    engine = open_store(db)
    watcher = Watcher(engine, configs, _screener(engine, db, lists=_lists(lists)), settings, lists=_lists(lists))
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    console.print(f"watching {len(configs)} source(s) every {every} into {db}; Ctrl-C stops after the current step")
    try:
        watcher.run(seconds, stop, _report, once=once)
    finally:
        watcher.client.close()


def leads_command(
    db: Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")] = "tendertrace.db",
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind: computing_centre, compute_rental, domestic_accelerator, ai_appliance, gpu_server_unnamed, model_deployment.")] = None,
    text: Annotated[str | None, typer.Option("--q", help="In the title or the buyer.")] = None,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 50,
    offset: Annotated[int, typer.Option("--offset")] = 0,
    fmt: Annotated[OutputFormat, format_option(*LEAD_FORMATS)] = LEAD_FORMATS[0],
) -> None:
    """Notices procuring AI compute with no US signal (not findings): 智算中心, 算力租赁, 一体机, GPU servers."""
    from .leads import kinds, refresh_leads
    from .store.leads import query_leads

    known = [k.name for k in kinds()]
    if kind is not None and kind not in known:
        raise typer.BadParameter(f"--kind must be one of {', '.join(known)}")
    engine = open_store(db)
    refresh_leads(engine)
    total, rows = query_leads(engine, kind=kind, text=text, date_from=date_from, date_to=date_to, limit=limit,
                              offset=offset)
    out: list[dict[str, Any]] = []
    for r in rows:
        evidence = r.get("evidence") or []
        out.append({"document": r["doc_id"], "date": r["date"], "title": r["title"], "buyer": r["buyer"],
                    "kinds": r["kinds"] if fmt == OutputFormat.JSON else "; ".join(r["kinds"]),
                    "evidence": evidence if fmt == OutputFormat.JSON else " | ".join(e["line"] for e in evidence[:2])})
    output_rows(out, fmt, ["document", "date", "title", "buyer", "kinds", "evidence"], title=f"{total} leads")
