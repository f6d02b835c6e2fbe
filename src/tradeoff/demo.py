"""The demo workspace: built from bundled vendor exports through the real importers.

The folder holds ``manifest.toml``: a ``[workspace]`` table (company, email domains, base
currency) and ``[[import]]`` entries (``source``, ``path``, importer options), run in order.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import AnalysisReport, analyze
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.registry import run_manifest_entry
from tradeoff.storage import repository
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
    reports = [run_manifest_entry(engine, folder, entry) for entry in manifest.get("import", [])]
    analysis = analyze(engine, StaticEmbedder())
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
