"""The command line: a thin layer over the library (typer + rich)."""

from __future__ import annotations

import csv
import io
import json
import sys
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, store
from .cli_ownership import ownership_app
from .model import Document, to_dict


class _App(typer.Typer):
    """The CLI: a database error ends a command with one line (what failed, not its SQL or
    parameters) and exit status 1, instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return super().__call__(*args, **kwargs)
        except SQLAlchemyError as exc:
            console.print(f"[red]database error: {store.short_error(exc)}: {_db_reason(exc)}[/red]",
                          highlight=False, markup=True, soft_wrap=True)
            raise SystemExit(1) from None


def _db_reason(exc: BaseException) -> str:
    """The database driver's own first line (e.g. connection refused), cut short; never the statement."""
    cause = getattr(exc, "orig", None) or exc.__cause__ or exc
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first[:store.MAX_ERROR_CHARS]


app = _App(
    help="Find attempts to reach export-controlled US AI compute and models in procurement documents.",
    no_args_is_help=True,
    add_completion=False,
)
lists_app = typer.Typer(help="Screening lists: load, update from trade.gov, show.", no_args_is_help=True)
app.add_typer(lists_app, name="lists")
tokens_app = typer.Typer(help="API tokens for the server: create, list, revoke.", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")
app.add_typer(ownership_app, name="ownership")

console = Console(stderr=True)
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)

DbOption = Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")]
FORMATS = ("table", "json", "csv", "md")
ListsOption = Annotated[str | None, typer.Option(
    "--lists", help="Only these lists count, comma-separated: EL,MEU,NS-CMIC,SDN,1260H ... (default: all loaded).")]


def _lists(value: str | None) -> frozenset[str] | None:
    codes = frozenset(c.strip().upper() for c in (value or "").split(",") if c.strip())
    return codes or None


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    """Print rows as a table, JSON, CSV or Markdown."""
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows(cells)
        sys.stdout.write(buf.getvalue())
        return
    if fmt == "md":
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for row in cells:
            print("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |")
        return
    table = Table(title=title or None, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in cells:
        table.add_row(*row)
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> None:
    if fmt not in allowed:
        raise typer.BadParameter(f"--format must be one of {', '.join(allowed)}")


@app.command()
def version() -> None:
    """Print the version."""
    print(__version__)


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, .jsonl(.gz) corpora, OCDS packages.")],
    db: DbOption = "tendertrace.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | csv | md")] = "table",
    force: Annotated[bool, typer.Option(help="Re-process documents already stored by this version.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Local worker processes.")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address, tcp://HOST:PORT.")] = None,
    pdf_seconds: Annotated[float, typer.Option(help="A PDF still parsing after this many seconds fails.")] = 60.0,
    lists: ListsOption = None,
) -> None:
    """Scan documents into the store and print the findings."""
    from .findings import finding_row, refresh_findings
    from .ingest import Limits
    from .pipeline import scan as run_scan
    from .screen import load_screener

    _check_format(fmt)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]not found:[/red] {', '.join(missing)}")
        raise typer.Exit(2)
    engine = store.connect(db)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        screener = load_screener(engine, lists=_lists(lists))
    for w in caught:
        console.print(f"[yellow]warning:[/yellow] {w.message}")
    started = time.perf_counter()
    progress = Progress(
        TextColumn("[bold]scanning"), BarColumn(), TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
        console=console, disable=quiet or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("scan", total=None, stats="")

        def report(stats: Any) -> None:
            rate = stats.seen / max(time.perf_counter() - started, 1e-9)
            progress.update(task, stats=f"{stats.processed} processed, {stats.failed} failed, "
                                        f"{stats.skipped} unchanged, {rate:,.0f} docs/s")

        stats = run_scan([str(p) for p in paths], engine, screener=screener, progress=report, force=force,
                         workers=max(1, workers), dask=dask, limits=Limits(pdf_seconds=pdf_seconds))
    elapsed = time.perf_counter() - started
    console.print(
        f"{stats.seen} documents: {stats.processed} processed, {stats.failed} failed, {stats.skipped} unchanged "
        f"({stats.seen / max(elapsed, 1e-9):,.0f} docs/s). Store: {db}"
    )
    for source, reason in stats.failures[:20]:
        console.print(f"  [red]failed[/red] {source}: {reason}", markup=True, highlight=False)
    if len(stats.failures) > 20:
        console.print(f"  ... and {len(stats.failures) - 20} more failures ('tendertrace documents --failed').")
    findings = refresh_findings(engine, _lists(lists))
    if fmt == "json":
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2, default=str))
    else:
        rows = [finding_row(f) for f in findings]
        _emit(rows, fmt, ["case_id", "date", "buyer", "suppliers", "provider", "route", "chips", "models",
                          "listed", "amount", "score"], title=f"{len(rows)} findings")
    unreadable = [r for _, r in stats.failures if r.startswith(("cannot read", "corpus unreadable"))]
    if stats.seen == 0 or len(unreadable) == stats.seen:
        console.print("[red]no input could be read[/red]")
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or corpora.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | json | table")] = "jsonl",
) -> None:
    """Print the extracted facts of each document (one JSON object per line with --format jsonl)."""
    from .extract import extract as run_extract
    from .extract.output import extraction_record
    from .ingest import iter_documents

    _check_format(fmt, ("jsonl", "json", "table"))
    records = []
    for doc in iter_documents([str(p) for p in paths]):
        if not isinstance(doc, Document):
            console.print(f"[red]failed[/red] {doc.source}: {doc.reason}", highlight=False)
            continue
        record = extraction_record(doc, run_extract(doc))
        if fmt == "jsonl":
            print(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if fmt == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "table":
        _emit(records, "table", ["file", "notice_type", "project_name", "buyer", "agency", "suppliers", "amount",
                                 "amount_kind", "published"])


@app.command()
def classify(
    text: Annotated[str, typer.Argument(help='A line such as "租用云服务器500台，每台配置8块NVIDIA A100".')],
    on: Annotated[str | None, typer.Option("--date", help="Rules in force on this date (YYYY-MM-DD); default today.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Explain what the chips, servers, accounts and models in a line are under the rules on a date."""
    from .rules import classify_text

    _check_format(fmt, ("table", "json"))
    try:
        when = date.fromisoformat(on) if on else date.today()
    except ValueError as exc:
        raise typer.BadParameter("--date must be YYYY-MM-DD") from exc
    items = [to_dict(c) for c in classify_text(text, when)]
    keys = ["text", "chip", "model", "count", "tpp", "pd", "band", "controlled", "rule", "route", "provider",
            "restriction", "reason"]
    items = [{k: item.get(k) for k in keys} for item in items]
    if fmt == "json":
        print(json.dumps({"items": items, "date": when.isoformat()}, ensure_ascii=False, indent=2))
        return
    if not items:
        console.print("no chip, server, cloud account, rental or AI model recognised")
    _emit(items, "table", ["text", "chip", "model", "count", "tpp", "pd", "band", "controlled", "route", "provider"],
          title=f"rules in force on {when.isoformat()}")
    for item in items:
        out.print(f"[bold]{item['text']}[/bold]: {item['reason']}", highlight=False)


@app.command()
def screen(
    names: Annotated[list[str] | None, typer.Argument(help="Names to screen (Chinese or English).")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A file with one name per line.")] = None,
    db: DbOption = "tendertrace.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
    threshold: Annotated[float | None, typer.Option(help="Minimum score, 0-1.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="The date whose Affiliates rule state counts (default today).")] = None,
    lists: ListsOption = None,
) -> None:
    """Screen names against the loaded lists (the bundled sample when none is loaded); with
    ownership data loaded, a name the listed parties own 50 % or more comes back as ``owned``."""
    from .model import ListedHit
    from .screen import DEFAULT_THRESHOLD, load_screener

    _check_format(fmt, ("table", "csv", "json"))
    queries = list(names or [])
    if file:
        queries += [ln.strip() for ln in file.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not queries:
        raise typer.BadParameter("give names, or --file NAMES.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        screener = load_screener(store.connect(db), threshold or DEFAULT_THRESHOLD, lists=_lists(lists))
    for w in caught:
        console.print(f"[yellow]warning:[/yellow] {w.message}")
    when = date.fromisoformat(on) if on else date.today()
    rows = []
    for query in queries:
        listed = [ListedHit.from_hit(h) for h in screener.screen(query)]
        if not listed and screener.ownership is not None:
            listed = screener.ownership.screen(query, when)
        if fmt == "json":
            rows.append({"query": query, "hits": [h.to_dict() for h in listed]})
            continue
        best = listed[0] if listed else None
        rows.append({
            "query": query, "entry": best.entry if best else "", "list": best.list if best else "",
            "relation": best.relation if best else "", "score": best.score if best else "",
            "explanation": best.explanation if best else "no listed name reaches the threshold",
        })
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _emit(rows, fmt, ["query", "entry", "list", "relation", "score", "explanation"])


@lists_app.command("load")
def lists_load(
    files: Annotated[list[Path], typer.Argument(help="CSL CSV/JSON, list JSON, OFAC sdn.csv, FtM JSON lines.")],
    db: DbOption = "tendertrace.db",
) -> None:
    """Load list files into the store (replacing what the same file loaded before)."""
    from .screen import ListFormatError, load_file

    engine = store.connect(db)
    failed = 0
    for path in files:
        try:
            for code, source, version, entries in load_file(path):
                n = store.replace_list(engine, code, source, version, entries)
                console.print(f"{code}: {n} entries from {source} ({version or 'no version'})")
        except (OSError, ValueError, ListFormatError) as exc:
            failed += 1
            console.print(f"[red]cannot load {path}:[/red] {exc}")
    if failed == len(files):
        raise typer.Exit(1)


@lists_app.command("update")
def lists_update(
    db: DbOption = "tendertrace.db",
    url: Annotated[str | None, typer.Option(help="Download from this URL instead of trade.gov.")] = None,
) -> None:
    """Download the official Consolidated Screening List from trade.gov and load it."""
    import tempfile

    import httpx

    from .screen import CSL_URL, load_file

    target = url or CSL_URL
    try:
        response = httpx.get(target, timeout=60, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        console.print(f"[red]cannot download {target}:[/red] {exc}. Offline? Load a saved copy with "
                      "'tendertrace lists load consolidated.csv'.")
        raise typer.Exit(1) from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "consolidated.csv"
        path.write_bytes(response.content)
        engine = store.connect(db)
        for code, _source, version, entries in load_file(path):
            store.replace_list(engine, code, target, version, entries)
            console.print(f"{code}: {len(entries)} entries")


@lists_app.command("show")
def lists_show(db: DbOption = "tendertrace.db") -> None:
    """Show the loaded lists: sources, versions, counts."""
    rows = store.list_summary(store.connect(db))
    if not rows:
        console.print("no list loaded: screening uses the bundled sample. Run 'tendertrace lists update'.")
    _emit(rows, "table", ["list", "source", "version", "count", "loaded_at"])


@app.command()
def documents(
    db: DbOption = "tendertrace.db",
    failed: Annotated[bool, typer.Option("--failed", help="Only failed documents, with reasons.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f")] = "table",
) -> None:
    """List stored documents and their status."""
    _check_format(fmt)
    rows = list(store.iter_documents(store.connect(db), status="failed" if failed else None))
    counts = store.status_counts(store.connect(db))
    console.print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no documents")
    _emit(rows, fmt, ["id", "status", "reason", "source", "title", "published"])


@app.command()
def report(
    db: DbOption = "tendertrace.db",
    md: Annotated[Path | None, typer.Option("--md", help="Write the Markdown factbox here.")] = None,
    csv_path: Annotated[Path | None, typer.Option("--csv", help="Write the factbox CSV here.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report here.")] = None,
    ftm: Annotated[Path | None, typer.Option("--ftm", help="Write FollowTheMoney entities (JSON lines) here.")] = None,
    lists: ListsOption = None,
) -> None:
    """Report the stored findings: a Reuters-style factbox (Markdown/CSV), HTML, FollowTheMoney."""
    from .findings import build_findings
    from .report import factbox_csv, factbox_markdown, ftm_entities, html_report

    engine = store.connect(db)
    findings = build_findings(engine, _lists(lists))
    wrote = False
    if csv_path:
        csv_path.write_text(factbox_csv(findings), encoding="utf-8")
        wrote = True
    if md:
        md.write_text(factbox_markdown(findings), encoding="utf-8")
        wrote = True
    if html:
        html.write_text(html_report(findings, engine), encoding="utf-8")
        wrote = True
    if ftm:
        with ftm.open("w", encoding="utf-8") as handle:
            for entity in ftm_entities(findings):
                handle.write(json.dumps(entity, ensure_ascii=False) + "\n")
        wrote = True
    if not wrote:
        print(factbox_markdown(findings))
    console.print(f"{len(findings)} findings")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    db: DbOption = "tendertrace.db",
    private: Annotated[bool, typer.Option("--private", help="Require a token for reads too.")] = False,
    max_upload_mb: Annotated[int, typer.Option(help="Largest request body (an upload), in MiB.")] = 64,
    secure_cookies: Annotated[bool, typer.Option(help="Mark cookies Secure (behind HTTPS).")] = False,
    job_workers: Annotated[int, typer.Option(min=1, help="Uploads scanned at once.")] = 2,
    lease_seconds: Annotated[float, typer.Option(min=1, help="A job whose server stopped renewing it is taken "
                                                        "by another after this many seconds.")] = 60,
) -> None:
    """Run the team server: JSON API under /api (OpenAPI at /openapi.json) and the review UI."""
    import uvicorn

    from .web import Settings, create_app

    settings = Settings(db=db, public_reads=not private, max_request_bytes=max_upload_mb * 1024 * 1024,
                        secure_cookies=secure_cookies, job_workers=job_workers, lease_seconds=lease_seconds)
    console.print(f"tendertrace serving {db} on http://{host}:{port}/ (reads {'need a token' if private else 'open'}, "
                  "writes need a token: 'tendertrace tokens create NAME')")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@tokens_app.command("create")
def tokens_create(
    name: Annotated[str, typer.Argument(help="Who uses the token; reviews are recorded under this name.")],
    db: DbOption = "tendertrace.db",
    read_only: Annotated[bool, typer.Option("--read-only", help="May read, not upload or review.")] = False,
) -> None:
    """Create a token and print it (once: only its hash is stored)."""
    from .store.tokens import create_token

    try:
        token, row = create_token(store.connect(db), name, "read" if read_only else "write")
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    console.print(f"token {row['id']} for '{row['name']}' ({row['scope']}); it is shown only now:")
    print(token)


@tokens_app.command("list")
def tokens_list(db: DbOption = "tendertrace.db") -> None:
    """List tokens (never the tokens themselves)."""
    from .store.tokens import list_tokens

    _emit(list_tokens(store.connect(db)), "table", ["id", "name", "scope", "prefix", "created_at", "last_used_at",
                                                     "revoked_at"])


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[int, typer.Argument(help="The token's id (tokens list).")],
                  db: DbOption = "tendertrace.db") -> None:
    """Revoke a token; its browser sessions end too."""
    from .store.tokens import revoke_token

    if not revoke_token(store.connect(db), token_id):
        console.print(f"[red]no active token {token_id}[/red]")
        raise typer.Exit(1)
    console.print(f"token {token_id} revoked")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
