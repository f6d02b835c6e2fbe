"""The demo's product areas and team, from ``[[areas]]`` and ``[[team]]`` of the workspace
file, and each ``[[problems]]`` entry's ``area``.

An ``[[areas]]`` entry is ``key``, ``name`` and an optional ``owner`` (an email; an area
without one is a coverage gap). A ``[[team]]`` entry is ``name``, ``email``, ``title`` and
``role`` (its ids in other tools are for the importers and ignored here). A problem is found
by its ``title``, the statement the problem loader stores, so this runs after it and before
the roadmap loader, which looks areas up by key.

Running it twice changes nothing: areas are found by key and members by email, and both are
brought in line with the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from tradeoff.domain.strategy import ProductArea, TeamMember
from tradeoff.errors import InputError
from tradeoff.storage import problems as problem_store
from tradeoff.storage import repository
from tradeoff.storage import team as store
from tradeoff.storage.session import write_session


@dataclass(frozen=True)
class DemoTeam:
    areas: int
    members: int
    problems_placed: int


def load_demo_team(engine: Engine, records: dict[str, Any]) -> DemoTeam:
    """Store the file's areas and team, and put each problem in its area."""
    with write_session(engine) as session:
        areas: dict[str, int] = {}
        for entry in records.get("areas", []):
            wanted = ProductArea(
                key=str(entry["key"]),
                name=str(entry["name"]),
                owner_email=str(entry["owner"]).lower() if entry.get("owner") else None,
            )
            found = store.find_area(session, wanted.key)
            if found is None:
                found = store.add_area(session, wanted)
            elif (found.name, found.owner_email) != (wanted.name, wanted.owner_email):
                wanted.id = found.id
                found = repository.update(session, wanted)
            assert found.id is not None
            areas[found.key] = found.id
        for entry in records.get("team", []):
            store.add_or_update_member(
                session,
                TeamMember(
                    email=str(entry["email"]),
                    name=str(entry["name"]),
                    title=entry.get("title"),
                    role=str(entry.get("role", "unknown")),
                ),
            )
        placed = 0
        for entry in records.get("problems", []):
            if "area" not in entry:
                continue
            key = str(entry["area"])
            if key not in areas:
                raise InputError(f"problem {entry.get('key')}: unknown area {key!r}")
            problem = problem_store.find_problem(session, str(entry["title"]))
            if problem is not None and problem.id is not None:
                store.set_problem_area(session, problem.id, areas[key])
                placed += 1
    return DemoTeam(len(areas), len(records.get("team", [])), placed)
