"""Migration 0010 moves judgements kept as experiment rows into their own table, and back."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from tradeoff.storage.engine import WRITE_OPTION, open_engine
from tradeoff.storage.schema import alembic_config, upgrade

JUDGED = "Judged without an experiment: "


def _before_0010() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_revision("0010")
    assert revision is not None
    assert isinstance(revision.down_revision, str)
    return revision.down_revision


def test_old_judgement_rows_become_judgements_and_leave_experiments(
    empty_database_url: str,
) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, _before_0010())
    with engine.begin() as connection:
        run = connection.execute
        for statement, status in (
            ("Finance leads reconcile weekly", "validated"),
            ("Admins want SSO first", "testing"),
            ("Nobody exports to PDF", "invalidated"),
        ):
            run(
                text(
                    "INSERT INTO assumptions (statement, risk, confidence, status) "
                    "VALUES (:s, 'high', 0.4, :status)"
                ),
                {"s": statement, "status": status},
            )
        rows = [
            # (assumption, result, reason or a real rule, ended)
            (1, "passed", JUDGED + "11 of 12 finance leads rebuild the sheet", "2026-10-02"),
            (2, "passed", JUDGED + "three admins said so", "2026-09-01"),
            (2, "inconclusive", JUDGED + "the admins disagreed later", "2026-10-01"),
            (3, "failed", "Ship if 5% export in week one", "2026-08-20"),
        ]
        for assumption, result, rule, ended in rows:
            run(
                text(
                    "INSERT INTO experiments (assumption_id, hypothesis, decision_rule, status, "
                    "result, started_at, ended_at, created_at) VALUES (:a, 'h', :rule, "
                    "'concluded', :result, :ended, :ended, :ended)"
                ),
                {"a": assumption, "rule": rule, "result": result, "ended": ended + " 09:00:00"},
            )
    upgrade(engine)
    with engine.connect() as connection:
        judged = connection.execute(
            text(
                "SELECT assumption_id, status, previous_status, reason "
                "FROM assumption_judgements ORDER BY id"
            )
        ).all()
        left = connection.execute(text("SELECT decision_rule FROM experiments")).scalars().all()
    assert [tuple(row) for row in judged] == [
        (1, "validated", None, "11 of 12 finance leads rebuild the sheet"),
        (2, "validated", None, "three admins said so"),
        # inconclusive, newest, and the assumption is "testing" now: that is what it gave
        (2, "testing", None, "the admins disagreed later"),
    ]
    assert left == ["Ship if 5% export in week one"]  # a real test stays a test

    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, _before_0010())
    with engine.connect() as connection:
        back = connection.execute(
            text("SELECT assumption_id, result, decision_rule FROM experiments ORDER BY id")
        ).all()
    assert [tuple(row) for row in back] == [
        (3, "failed", "Ship if 5% export in week one"),
        (1, "passed", JUDGED + "11 of 12 finance leads rebuild the sheet"),
        (2, "passed", JUDGED + "three admins said so"),
        (2, "inconclusive", JUDGED + "the admins disagreed later"),
    ]
    engine.dispose()
