"""Generate the Ledgerly demo workspace's raw exports into demo/data/.

Ledgerly is a fictional business-banking company. This script writes the files its tools would
export (Zendesk, Salesforce, Delighted, the App Store, Jira, interview notes, metrics) in the
vendors' own formats, plus workspace.toml (goals, roadmap, decisions). Support-ticket texts are
real Banking77 queries (CC-BY-4.0, see demo/source/ATTRIBUTION.md); everything else is
synthetic. Output is deterministic: seed 77, no clock, so two runs give identical bytes.

Inputs (all in demo/source/): narrative.toml (the synthetic world and its texts),
banking77_subset.csv (the ticket texts), workspace.toml (the hand-written workspace records).

Example:
    python3 demo/generate.py
    python3 demo/generate.py --refresh-subset ../shared/data/banking77   # rebuild the subset
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tomllib
from pathlib import Path

from ledgerly.banking77 import read_subset, refresh_subset
from ledgerly.checks import check_all
from ledgerly.common import streams
from ledgerly.crm import build_deals, name_contacts
from ledgerly.jira import write_jira
from ledgerly.metrics import metric_rows, write_metrics
from ledgerly.salesforce import write_salesforce
from ledgerly.tickets import plan_tickets, settle
from ledgerly.voice import write_voice
from ledgerly.workspace import write_workspace
from ledgerly.world import add_people, build_world
from ledgerly.zendesk import write_zendesk

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
SUBSET = SOURCE / "banking77_subset.csv"
OUTPUTS = ("zendesk", "salesforce", "interviews", "surveys", "reviews", "jira", "metrics")
STREAMS = (
    "world",
    "deals",
    "people",
    "tickets",
    "settle",
    "salesforce",
    "voice",
    "jira",
    "metrics",
)


def clear_outputs(out: Path) -> None:
    """Remove only what this script writes, so stale files never survive a regeneration."""
    for name in OUTPUTS:
        shutil.rmtree(out / name, ignore_errors=True)
    (out / "workspace.toml").unlink(missing_ok=True)


def generate(out: Path) -> dict[str, object]:
    """Build the world in dependency order (people join when deals close; tickets need
    people; metrics count tickets and responses), write every file, then check the story."""
    narrative = tomllib.loads((SOURCE / "narrative.toml").read_text(encoding="utf-8"))
    texts = read_subset(SUBSET)
    rng = streams(STREAMS)
    world = build_world(narrative, rng["world"])
    deals = build_deals(world, narrative, rng["deals"])
    add_people(world, narrative, rng["people"])
    name_contacts(deals, narrative, rng["deals"])
    tickets = plan_tickets(world, narrative, texts, rng["tickets"])
    settle(tickets, world, rng["settle"])

    clear_outputs(out)
    counts: dict[str, int] = {}
    counts |= write_zendesk(out / "zendesk", world, tickets)
    counts |= write_salesforce(out / "salesforce", world, deals, narrative, rng["salesforce"])
    voice_counts, responses = write_voice(out, world, narrative, rng["voice"])
    counts |= voice_counts
    counts["jira/requests.csv"] = write_jira(
        out / "jira" / "requests.csv", world, narrative, rng["jira"]
    )
    rows = metric_rows(world, deals, tickets, responses, rng["metrics"])
    counts["metrics/metrics.csv"] = write_metrics(out / "metrics" / "metrics.csv", rows)
    workspace = write_workspace(
        SOURCE / "workspace.toml", out / "workspace.toml", world, {r[0] for r in rows}
    )
    findings = check_all(world, narrative, deals, tickets, workspace, rows)
    return {"rows": counts, "planted": findings}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "data", help="output folder")
    parser.add_argument(
        "--refresh-subset",
        type=Path,
        metavar="BANKING77_DIR",
        help="rebuild demo/source/banking77_subset.csv from train.csv and test.csv first",
    )
    args = parser.parse_args(argv)
    if args.refresh_subset:
        print(f"subset: {refresh_subset(args.refresh_subset, SUBSET)} texts -> {SUBSET}")
    summary = generate(args.out)
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False, default=str)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
