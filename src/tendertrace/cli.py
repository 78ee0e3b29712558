"""The command line: a thin layer over the library (typer + rich)."""

from __future__ import annotations

import json
import math
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__, store
from .cli_output import output_rows
from .cli_ownership import ownership_app
from .cli_rescreen import rescreen_command
from .cli_rules import rules_command
from .cli_support import (
    EXIT_USAGE,
    OutputFormat,
    StoreOpenError,
    display_url,
    format_option,
    open_lists_store,
    open_store,
    stdout_console,
)
from .cli_watch import leads_command, watch_command
from .knowledge import KnowledgeError
from .knowledge.schema import validate_knowledge
from .model import Document, to_dict


class _App(typer.Typer):
    """The CLI: a store that cannot be opened, a knowledge file the code cannot use, or a database
    error later, ends a command with one line (what failed and how to fix it, never its SQL,
    parameters or password) and exit status 2, instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return super().__call__(*args, **kwargs)
        except (StoreOpenError, KnowledgeError) as exc:
            console.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
            raise SystemExit(EXIT_USAGE) from None
        except SQLAlchemyError as exc:
            console.print(f"database error: {store.short_error(exc)}: {_db_reason(exc)}",
                          highlight=False, markup=False, soft_wrap=True)
            raise SystemExit(EXIT_USAGE) from None


def _db_reason(exc: BaseException) -> str:
    """The database driver's own first line (e.g. connection refused), cut short; never the statement."""
    cause = getattr(exc, "orig", None) or exc.__cause__ or exc
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first[:store.MAX_ERROR_CHARS]


GLOSSARY = """Routes: hardware_purchase (chips or servers bought), cloud_rental (GPU servers or compute rented),
cloud_account (an account or credit at a cloud provider), model_api (tokens or API access to a model),
hosted_model (a model used through a cloud that hosts it). Bands: the export-control class of an item on
the notice's date (3A090 / 4A090 and their letters, licence letters, not controlled); 'remote access' is
a route, not a band. Score: 0-100, a rank for review order (see the README's formula), not a probability."""


app = _App(
    help="Find attempts to reach export-controlled US AI compute and models in procurement documents.\n\n"
         + GLOSSARY.replace("\n", " "),
    no_args_is_help=True,
    add_completion=False,
)
lists_app = typer.Typer(help="Screening lists: load, update from trade.gov, show, remove.", no_args_is_help=True)
app.add_typer(lists_app, name="lists")
tokens_app = typer.Typer(help="API tokens for the server: create, list, revoke.", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")
app.command("rules")(rules_command)
app.command("watch")(watch_command)
app.command("leads")(leads_command)
app.command("rescreen")(rescreen_command)
app.add_typer(ownership_app, name="ownership")

console = Console(stderr=True, soft_wrap=True)  # messages are kept short; a long path wraps as the terminal does
_out = stdout_console

LISTS_DB_HELP = "Store the lists are kept in (default: the per-user list store shared by every --db)."

DbOption = Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite path of the store.")]
# The formats of each command that prints rows, its default first.
ROW_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.MD)
EXTRACT_FORMATS = (OutputFormat.JSONL, OutputFormat.JSON, OutputFormat.TABLE)
SCREEN_FORMATS = (OutputFormat.TABLE, OutputFormat.CSV, OutputFormat.JSON)
EXPLAIN_FORMATS = (OutputFormat.TABLE, OutputFormat.JSON)  # classify and rules: a table and its reasons, or JSON
ListsOption = Annotated[str | None, typer.Option(
    "--lists", help="Only these lists count, comma-separated: EL,MEU,NS-CMIC,SDN,1260H ... (default: all loaded).")]


def _lists(value: str | None) -> frozenset[str] | None:
    codes = frozenset(c.strip().upper() for c in (value or "").split(",") if c.strip())
    return codes or None


def _check_inputs(paths: list[Path]) -> None:
    """A path that does not exist, or a folder with no file in it, ends the command with exit 2."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        console.print(f"not found: {', '.join(missing)}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)
    empty = [str(p) for p in paths if p.is_dir() and not any(f.is_file() for f in p.rglob("*"))]
    if empty and len(empty) == len(paths):
        console.print(f"no files in {', '.join(empty)}", markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)


def _print_warning(message: str) -> None:
    """A warning, one sentence a line, so that no line breaks in the middle of a phrase."""
    for n, line in enumerate(str(message).split("\n")):
        console.print(("warning: " if n == 0 else "  ") + line, markup=False, highlight=False)


def _screener(engine: Any, db: str, threshold: float | None = None, lists: frozenset[str] | None = None) -> Any:
    """The screener of a command on ``db``: the lists in that store, else those of the per-user
    list store; the sample, with a warning naming both, when neither holds one. Says which."""
    from .cli_support import user_lists_url
    from .screen import DEFAULT_THRESHOLD, load_screener

    fallback = None
    lists_url = user_lists_url()
    checked = f"the store {display_url(db)}"
    if lists_url != db:
        checked += f"\nnor in the per-user list store {display_url(lists_url)}"
        if "://" in lists_url or Path(lists_url).exists():
            fallback = open_store(lists_url)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        screener = load_screener(engine, threshold or DEFAULT_THRESHOLD, fallback=fallback, checked=checked, lists=lists)
    for w in caught:
        _print_warning(str(w.message))
    return screener


@app.command()
def version() -> None:
    """Print the version."""
    print(__version__)


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, .jsonl(.gz) corpora, OCDS packages.")],
    db: DbOption = "tendertrace.db",
    fmt: Annotated[OutputFormat, format_option(*ROW_FORMATS)] = ROW_FORMATS[0],
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

    _check_inputs(paths)
    validate_knowledge()  # a bad knowledge edit ends here, in one line, not as every document failing
    engine = open_store(db)
    screener = _screener(engine, db, lists=_lists(lists))
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
        f"({stats.seen / max(elapsed, 1e-9):,.0f} docs/s)"
    )
    console.print(f"store: {display_url(db)}", markup=False, highlight=False)
    for source, reason in stats.failures[:20]:
        console.print(f"  [red]failed[/red] {source}: {reason}", markup=True, highlight=False)
    if len(stats.failures) > 20:
        console.print(f"  ... and {len(stats.failures) - 20} more failures ('tendertrace documents --failed').")
    findings = refresh_findings(engine, _lists(lists))
    rows = [finding_row(f) for f in findings]
    columns = ["case_id", "date", "buyer", "suppliers", "provider", "route", "chips", "models", "listed", "amount",
               "score"]
    # a file written for later reading leads back to each notice; the terminal table stays narrow
    output_rows(rows, fmt, [*columns, "source"] if fmt in (OutputFormat.CSV, OutputFormat.MD) else columns,
                title=f"{len(rows)} findings", document=[f.to_dict() for f in findings] if fmt == OutputFormat.JSON else None)
    unreadable = [r for _, r in stats.failures if r.startswith(("cannot read", "corpus unreadable"))]
    if stats.seen == 0 or len(unreadable) == stats.seen:
        console.print("[red]no input could be read[/red]")
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or corpora.")],
    fmt: Annotated[OutputFormat, format_option(*EXTRACT_FORMATS)] = EXTRACT_FORMATS[0],
) -> None:
    """Print the extracted facts of each document (one JSON object per line with --format jsonl)."""
    from .extract import extract as run_extract
    from .extract.output import extraction_record
    from .ingest import iter_documents

    _check_inputs(paths)
    records = []
    failures = done = 0
    for doc in iter_documents([str(p) for p in paths]):
        if not isinstance(doc, Document):
            failures += 1
            console.print(f"failed {doc.source}: {doc.reason}", highlight=False, markup=False)
            continue
        record = extraction_record(doc, run_extract(doc))
        done += 1
        if fmt == OutputFormat.JSONL:  # written as each is made
            output_rows([record], fmt, ())
        else:
            records.append(record)
    if fmt != OutputFormat.JSONL:
        output_rows(records, fmt, ["file", "notice_type", "project_name", "buyer", "agency", "suppliers", "amount",
                                   "amount_kind", "published"])
    if done == 0:  # as scan: nothing read is a failure of the command
        console.print("no input could be read" if failures else "no document in the input", markup=False)
        raise typer.Exit(1)


@app.command()
def classify(
    text: Annotated[str, typer.Argument(help='A line such as "租用云服务器500台，每台配置8块NVIDIA A100".')],
    on: Annotated[str | None, typer.Option("--date", help="Rules in force on this date (YYYY-MM-DD); default today.")] = None,
    fmt: Annotated[OutputFormat, format_option(*EXPLAIN_FORMATS)] = EXPLAIN_FORMATS[0],
) -> None:
    """Explain what the chips, servers, accounts and models in a line are under the rules on a date."""
    from .rules import classify_text

    try:
        when = date.fromisoformat(on) if on else date.today()
    except ValueError as exc:
        raise typer.BadParameter("--date must be YYYY-MM-DD") from exc
    items = [_classify_row(to_dict(c)) for c in classify_text(text, when)]
    if fmt == OutputFormat.JSON:
        output_rows(items, fmt, CLASSIFY_KEYS, document={"items": items, "date": when.isoformat()})
        return
    if not items:
        _out().print("no chip, GPU server, cloud account, GPU rental or AI model recognised in this text", highlight=False)
        return
    for item in items:  # the table's quantity: "2 × 8 = 16" for 2 servers of 8 chips each
        count, servers = item["count"], item["servers"]
        item["quantity"] = f"{servers} × {count} = {item['accelerators']}" if count and servers else count
    output_rows(items, OutputFormat.TABLE, ["text", "chip", "model", "quantity", "tpp", "pd", "band", "controlled", "route",
                                            "provider"], title=f"rules in force on {when.isoformat()}")
    for item in items:
        _out().print(f"[bold]{item['text']}[/bold]: {item['reason']}", highlight=False)


CLASSIFY_KEYS = ["text", "chip", "model", "count", "servers", "accelerators", "tpp", "pd", "band", "controlled", "rule",
                 "route", "provider", "restriction", "reason", "compute_finding", "us_signal", "needs_review", "context",
                 "date_unknown"]


def _classify_row(item: dict[str, Any]) -> dict[str, Any]:
    """One classified item as classify prints it: ``count`` chips per server times ``servers``
    servers makes ``accelerators``; TPP as a whole number, cut down (never shown reaching a
    threshold the exact figure misses), as the datasheet-derived figures of other chips print."""
    row = {k: item.get(k) for k in CLASSIFY_KEYS}
    count, servers = item.get("count"), item.get("servers")
    row["accelerators"] = count * servers if count and servers else count
    if isinstance(row["tpp"], float):
        row["tpp"] = math.floor(row["tpp"])
    return row


@app.command()
def screen(
    names: Annotated[list[str] | None, typer.Argument(help="Names to screen (Chinese or English).")] = None,
    file: Annotated[Path | None, typer.Option("--file", exists=True, dir_okay=False,
                                              help="A file with one name per line.")] = None,
    db: DbOption = "tendertrace.db",
    fmt: Annotated[OutputFormat, format_option(*SCREEN_FORMATS)] = SCREEN_FORMATS[0],
    threshold: Annotated[float | None, typer.Option(help="Minimum score, 0-1.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add the explanation of each hit (a long column).")] = False,
    on: Annotated[str | None, typer.Option("--date", help="The date whose Affiliates rule state counts (default today).")] = None,
    lists: ListsOption = None,
) -> None:
    """Screen names against the loaded lists (the bundled sample when none is loaded); with
    ownership data loaded, a name the listed parties own 50 % or more comes back as ``owned``."""
    from .model import ListedHit

    queries = list(names or [])
    if file:
        queries += [ln.strip() for ln in file.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not queries:
        raise typer.BadParameter("give names, or --file NAMES.txt")
    screener = _screener(open_store(db), db, threshold, lists=_lists(lists))
    when = date.fromisoformat(on) if on else date.today()
    rows = []
    for query in queries:
        listed = [ListedHit.from_hit(h) for h in screener.screen(query)]
        if not listed and screener.ownership is not None:
            listed = screener.ownership.screen(query, when)
        if fmt == OutputFormat.JSON:
            rows.append({"query": query, "hits": [h.to_dict() for h in listed]})
            continue
        best = listed[0] if listed else None
        rows.append({
            "query": query, "entry": best.entry if best else "", "list": best.list if best else "",
            "relation": best.relation if best else "", "score": str(best.score) if best else "",
            "explanation": best.explanation if best else "no listed name reaches the threshold",
        })
    if fmt == OutputFormat.JSON:
        output_rows(rows, fmt, ["query", "hits"])
        return
    # The table is compact by default (one short line a name at 80 columns); the explanation, a
    # paragraph per hit, comes with --explain, and always in CSV, which is read by programs.
    columns = ["query", "entry", "list", "relation", "score"]
    output_rows(rows, fmt, [*columns, "explanation"] if explain or fmt == OutputFormat.CSV else columns)
    if fmt == OutputFormat.TABLE and not explain:
        console.print("--explain adds why each name matched", markup=False)


@lists_app.command("load")
def lists_load(
    files: Annotated[list[Path], typer.Argument(help="CSL CSV/JSON, list JSON, OFAC sdn.csv, FtM JSON lines.")],
    db: Annotated[str | None, typer.Option("--db", help=LISTS_DB_HELP)] = None,
) -> None:
    """Load list files (replacing what the same file loaded before) into the per-user list store,
    which every scan and screen reads when its own store holds no list; --db loads into that store."""
    from .screen import ListFormatError, load_file

    engine, where = open_lists_store(db)
    failed = 0
    for path in files:
        try:
            for code, source, version, entries in load_file(path):
                n = store.replace_list(engine, code, source, version, entries)
                console.print(f"{code}: {n} entries from {source} ({version or 'no version'})", markup=False)
        except (OSError, ValueError, ListFormatError) as exc:
            failed += 1
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            console.print(f"cannot load {path}: {reason}", markup=False, highlight=False)
    if failed < len(files):
        console.print(f"into {where.label}", markup=False, highlight=False)
    if failed == len(files):
        raise typer.Exit(1)


@lists_app.command("update")
def lists_update(
    db: Annotated[str | None, typer.Option("--db", help=LISTS_DB_HELP)] = None,
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
        engine, where = open_lists_store(db)
        for code, _source, version, entries in load_file(path):
            store.replace_list(engine, code, target, version, entries, action="update")
            console.print(f"{code}: {len(entries)} entries", markup=False)
        console.print(f"into {where.label}", markup=False, highlight=False)


@lists_app.command("show")
def lists_show(
    db: Annotated[str | None, typer.Option("--db", help=LISTS_DB_HELP)] = None,
    max_age: Annotated[int, typer.Option("--max-age", min=0, help="Warn about a list loaded more than this many "
                                                               "days ago.")] = 30,
) -> None:
    """Show the loaded lists: sources, versions, counts, the number of each one's load (its list
    version), and a warning for each list older than --max-age days."""
    from datetime import timedelta

    from .store import listversions

    engine, where = open_lists_store(db)
    rows = store.list_summary(engine)
    if not rows:
        console.print(f"no list in {where.label}: screening uses the 20-entry sample.", markup=False,
                      highlight=False)
        console.print("Run 'tendertrace lists update' (or 'lists load FILE').", markup=False)
        return
    console.print(f"lists in {where.label}", markup=False, highlight=False)
    current = listversions.current_versions(engine)
    for row in rows:
        kept = current.get(row["key"])
        row["list_version"] = kept["id"] if kept else ""
        row["hash"] = kept["hash"][:12] if kept else ""
    output_rows(rows, OutputFormat.TABLE, ["list", "source", "version", "count", "loaded_at", "list_version", "hash"])
    for row in listversions.stale_lists(rows, timedelta(days=max_age)):
        _print_warning(f"{row['list']} from {row['source']} was loaded {row['age_days']} days ago, over --max-age "
                       f"{max_age}: run 'tendertrace lists update' (or 'lists load FILE'), then 'tendertrace rescreen'.")


@lists_app.command("remove")
def lists_remove(
    name: Annotated[str, typer.Argument(help="A list code (EL, MEU, SDN ...), a source key (lists show) or the file "
                                             "or URL it was loaded from.")],
    db: Annotated[str | None, typer.Option("--db", help=LISTS_DB_HELP)] = None,
) -> None:
    """Remove a loaded list; the removal is kept as a list version ('tendertrace rescreen' then
    clears its hits from the stored findings)."""
    from .store import listversions

    engine, where = open_lists_store(db)
    removed = listversions.remove_list(engine, name)
    if not removed:
        console.print(f"no list named {name!r} in {where.label} ('tendertrace lists show' names them)", markup=False,
                      highlight=False)
        raise typer.Exit(1)
    for row in removed:
        console.print(f"removed {row['list']} from {row['source']} ({row['count']} entries), list version "
                      f"{row['removed_in']}", markup=False, highlight=False)
    console.print(f"from {where.label}", markup=False, highlight=False)


@app.command()
def documents(
    db: DbOption = "tendertrace.db",
    failed: Annotated[bool, typer.Option("--failed", help="Only failed documents, with reasons.")] = False,
    fmt: Annotated[OutputFormat, format_option(*ROW_FORMATS)] = ROW_FORMATS[0],
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Show at most this many (0: all).")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many of the newest first.")] = 0,
) -> None:
    """List stored documents and their status, newest first (by notice date, then scan time)."""
    engine = open_store(db)
    rows = store.recent_documents(engine, status="failed" if failed else None, limit=limit or None, offset=offset)
    counts = store.status_counts(engine)
    total = counts.get("failed", 0) if failed else sum(counts.values())
    console.print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no documents", markup=False)
    for row in rows:  # the notice's own address, when its record or release names one
        row["url"] = (row.get("provenance") or {}).get("url")
    output_rows(rows, fmt, ["id", "status", "reason", "source", "title", "published", "url"])
    if fmt == OutputFormat.TABLE and offset + len(rows) < total:
        console.print(f"rows {offset + 1}-{offset + len(rows)} of {total}; --offset {offset + len(rows)} for more, "
                      "--limit 0 for all", markup=False)


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

    engine = open_store(db)
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

    validate_knowledge()
    open_store(db).dispose()  # a store that cannot be opened ends here, in one line, before serving
    settings = Settings(db=db, public_reads=not private, max_request_bytes=max_upload_mb * 1024 * 1024,
                        secure_cookies=secure_cookies, job_workers=job_workers, lease_seconds=lease_seconds)
    console.print(f"tendertrace serving {display_url(db)} on http://{host}:{port}/ (reads {'need a token' if private else 'open'}, "
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
        token, row = create_token(open_store(db), name, "read" if read_only else "write")
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    console.print(f"token {row['id']} for '{row['name']}' ({row['scope']}); it is shown only now:")
    print(token)


@tokens_app.command("list")
def tokens_list(db: DbOption = "tendertrace.db") -> None:
    """List tokens (never the tokens themselves)."""
    from .store.tokens import list_tokens

    output_rows(list_tokens(open_store(db)), OutputFormat.TABLE, ["id", "name", "scope", "prefix", "created_at",
                                                                  "last_used_at", "revoked_at"])


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[int, typer.Argument(help="The token's id (tokens list).")],
                  db: DbOption = "tendertrace.db") -> None:
    """Revoke a token; its browser sessions end too."""
    from .store.tokens import revoke_token

    if not revoke_token(open_store(db), token_id):
        console.print(f"[red]no active token {token_id}[/red]")
        raise typer.Exit(1)
    console.print(f"token {token_id} revoked")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
