"""demo/data/workspace.toml: the hand-written template plus the generated ``[[team]]`` tables
(names, emails and each person's ids in Zendesk, Salesforce and Jira), checked for dangling
references before it is written.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from ledgerly.common import write_text
from ledgerly.world import World


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON escapes are valid TOML escapes
    return str(value)


def team_toml(world: World) -> str:
    lines = [
        "",
        "# " + "-" * 93,
        "# Ledgerly's team (generated): internal people and their ids in each tool, so that",
        "# relayed evidence (Jira reporters, Salesforce owners, Zendesk agents) resolves to one",
        "# person.",
    ]
    for m in world.team:
        fields: dict[str, object] = {"name": m.name, "email": m.email, "title": m.title}
        fields["role"] = m.role
        if m.zendesk_id is not None:
            fields["zendesk_user_id"] = m.zendesk_id
        if m.salesforce_id:
            fields["salesforce_user_id"] = m.salesforce_id
        fields["jira_account_id"] = m.jira_id or ""
        lines += ["", "[[team]]", *(f"{k} = {_toml_value(v)}" for k, v in fields.items())]
    return "\n".join(lines) + "\n"


def check_workspace(workspace: dict[str, Any], metric_keys: set[str]) -> None:
    """Every reference points at something that exists; metrics match the CSV exactly."""
    defined = {m["key"] for m in workspace["metrics"]}
    if defined != metric_keys:
        raise ValueError(f"[[metrics]] {sorted(defined)} != metrics.csv {sorted(metric_keys)}")
    goals = {g["key"] for g in workspace["goals"]}
    problems = {p["key"] for p in workspace["problems"]}
    roadmap = {r["key"] for r in workspace["roadmap"]}
    for goal in workspace["goals"]:
        _must(goal["metric"] in defined, f"goal {goal['key']}: unknown metric")
    for item in workspace["roadmap"]:
        _must(item.get("goal", "G-1") in goals, f"roadmap {item['key']}: unknown goal")
        _must(item.get("problem", "P-1") in problems, f"roadmap {item['key']}: unknown problem")
    for decision in workspace["decisions"]:
        signal = decision["revisit_signal"]
        _must(signal.get("metric", "nps") in defined, f"{decision['key']}: unknown metric")
        _must(signal.get("problem", "P-1") in problems, f"{decision['key']}: unknown problem")
    for experiment in workspace["experiments"]:
        _must(experiment["roadmap_item"] in roadmap, f"{experiment['key']}: unknown item")


def _must(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(f"workspace.toml: {message}")


def write_workspace(
    template: Path, target: Path, world: World, metric_keys: set[str]
) -> dict[str, Any]:
    text = template.read_text(encoding="utf-8").rstrip("\n") + "\n" + team_toml(world)
    workspace = tomllib.loads(text)
    check_workspace(workspace, metric_keys)
    write_text(target, text)
    return workspace
