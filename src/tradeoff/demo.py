"""The demo workspace: built from bundled vendor exports through the real importers.

The folder holds ``manifest.toml``: a ``[workspace]`` table (company, email domains, base
currency) and ``[[import]]`` entries (``source``, ``path``, importer options), run in order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.analysis.business.loss_taxonomy import classify_losses
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import AnalysisReport, analyze
from tradeoff.demo_decisions import load_demo_decisions
from tradeoff.demo_experiments import load_demo_experiments
from tradeoff.demo_goals import load_demo_goals
from tradeoff.demo_problems import load_demo_problems
from tradeoff.demo_roadmap import load_demo_roadmap
from tradeoff.demo_team import load_demo_team
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.workspace import CurrencyRate, WorkspaceSettings
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.registry import run_manifest_entry
from tradeoff.storage import repository
from tradeoff.storage.currency import set_rate
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import save_workspace_settings

MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class DemoResult:
    url: str
    imports: list[ImportReport]
    analysis: AnalysisReport
    counts: dict[str, int]
    next_steps: list[str]


def read_manifest(folder: Path) -> dict[str, Any]:
    return read_toml(folder / MANIFEST)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from None


def workspace_table(folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """The ``[workspace]`` table, inline or from the file named by ``settings``."""
    if "settings" not in manifest:
        return dict(manifest.get("workspace", {}))
    settings = read_toml(folder / str(manifest["settings"]))
    return dict(settings.get("workspace", {}))


#: The demo file's words for competitor kinds, where they differ from ours.
KIND_WORDS = {"adjacent": CompetitorKind.OTHER_CATEGORY, "do_nothing": CompetitorKind.STATUS_QUO}


def _records(folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """The workspace file's own records (rates, competitors), when the manifest names one."""
    if "settings" not in manifest:
        return {}
    return read_toml(folder / str(manifest["settings"]))


def _known_competitor(session: Session, entry: dict[str, Any]) -> None:
    """A competitor the sales team already knows, with its aliases; kept if present."""
    kind_word = str(entry.get("kind", "direct"))
    kind = KIND_WORDS.get(kind_word) or CompetitorKind(kind_word)
    wanted = Competitor(
        name=str(entry["name"]), aliases=[str(a) for a in entry.get("aliases", [])], kind=kind
    )
    existing = next(
        (c for c in repository.list_all(session, Competitor) if c.matches(wanted.name)), None
    )
    if existing is None:
        repository.add(session, wanted)


def load_demo(url: str, folder: Path) -> DemoResult:
    """Create or refresh the workspace at ``url`` from ``folder``; running it twice changes
    nothing the second time (every import is keyed on source ids)."""
    manifest = read_manifest(folder)
    engine = open_engine(url)
    upgrade(engine)
    workspace = workspace_table(folder, manifest)
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(
                company_name=str(workspace.get("company", "Demo company")),
                internal_email_domains=[str(d) for d in workspace.get("email_domains", [])],
                base_currency=str(workspace.get("base_currency", "USD")),
            ),
        )
    records = _records(folder, manifest)
    with write_session(engine) as session:
        for currency, rate in records.get("currency_rates", {}).items():
            set_rate(session, CurrencyRate(currency=currency, per_base=Decimal(str(rate))))
        for entry in records.get("competitors", []):
            _known_competitor(session, entry)
    reports = [run_manifest_entry(engine, folder, entry) for entry in manifest.get("import", [])]
    analysis = analyze(engine, StaticEmbedder())
    scan_competitors(engine)  # competitors named in tickets, interviews and deal notes
    classify_losses(engine, only_new=True)  # lost deals into the loss taxonomy
    load_demo_problems(engine, records)  # problem statements, their themes, opportunities
    load_demo_team(engine, records)  # areas and their owners, the team, problems' areas
    load_demo_decisions(engine, records, folder)  # metrics, their values, decision log
    load_demo_goals(engine, records)  # goals with key results measured on those metrics
    load_demo_roadmap(engine, records)  # roadmap items, replaying their dated history
    load_demo_experiments(engine, records)  # assumption register, E-1 and its rule
    # Once more at the end, so the scan's stamp is the finished workspace's and the
    # competitor views say the mentions are current (the loads above write other tables).
    scan_competitors(engine)
    with read_session(engine) as session:
        counts = repository.counts(session)
    return DemoResult(
        url=url,
        imports=reports,
        analysis=analysis,
        counts=counts,
        next_steps=_aligned(
            [
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} themes",
                    "what customers struggle with",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} demand",
                    "each theme weighed by ARR, pipeline and lost revenue",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} sales",
                    "win rates, objections, losses",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} competitors",
                    "who you really compete with",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} problem list",
                    "the problems behind the evidence",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} frontier",
                    "opportunities on user value, viability and feasibility",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} rank --by rice",
                    "a ranking, with how fragile it is",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} revisit",
                    "decisions whose signals have fired",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} roadmap",
                    "now / next / later, and the unanchored work",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} churn --as-of 2026-10-31",
                    "how often priorities moved, and who moved them",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} coverage",
                    "who owns each area, PMs' load and customer contact",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} check",
                    "the workspace scored against the principles",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} assumption list",
                    "the riskiest, least-known assumptions first",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} experiment show 1"
                    " --as-of 2026-10-31",
                    "a pre-registered experiment: rule, sample size, interim reading",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} enough --theme 1",
                    "whether more research would change anything",
                ),
                (
                    f".venv/bin/tradeoff --db {_shown_db(url)} brief exec --as-of 2026-10-31",
                    "the exec brief: outcomes, decisions, money, risks (also sales, team)",
                ),
                (f".venv/bin/tradeoff --db {_shown_db(url)} status", "what the workspace holds"),
                (f".venv/bin/tradeoff --db {_shown_db(url)} imports", "every import, undoable"),
                (".venv/bin/tradeoff import --help", "import your own exports"),
            ]
        ),
    )


def _aligned(steps: list[tuple[str, str]]) -> list[str]:
    width = max(len(command) for command, _ in steps)
    return [f"{command.ljust(width)}   # {why}" for command, why in steps]


def _shown_db(url: str) -> str:
    """A SQLite workspace as the path a user would type (relative when it is below here)."""
    if not url.startswith("sqlite:///"):
        return url
    path = Path(url.removeprefix("sqlite:///"))
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
