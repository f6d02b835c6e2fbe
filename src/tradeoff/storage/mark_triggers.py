"""The SQLite triggers that mark derived rows to redo (dirty themes, items to read again for
praise), written so a mark already there is never an error.

SQLite replaces the conflict clause of a statement inside a trigger with the conflict
policy of the statement that fired it, and a foreign key's action counts: deleting an
original item sets its copies' ``duplicate_of_id`` to NULL, which fired ``INSERT OR IGNORE
INTO theme_summary_dirty`` under an ABORT policy, so deleting an original whose copy is
filed in the same theme failed with "UNIQUE constraint failed" (an ``UPDATE OR ABORT`` or
an upsert does the same). The triggers insert only the marks that are missing instead
(migration 0014). PostgreSQL's ``ON CONFLICT DO NOTHING`` has no such exception.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The evidence columns a summary figure reads.
ITEM_COLUMNS = ("account_id", "person_id", "relayed_by_id", "mode", "created_at", "duplicate_of_id")
#: The account columns demand breaks down by from the summary.
GROUP_COLUMNS = ("segment", "plan", "region")
#: ... and its attributes: the summary is also split by attribute keys (migration 0016).
ACCOUNT_COLUMNS = (*GROUP_COLUMNS, "attributes")
#: What a praise reading depends on.
READ_COLUMNS = ("text", "rating", "kind")
ITEM_THEMES = "SELECT theme_id FROM evidence_themes WHERE evidence_id = NEW.id"
#: A clean theme's account rows are exact, so they name every theme the account cites.
ACCOUNT_THEMES = "SELECT theme_id FROM theme_account_summary WHERE account_id = NEW.id"
SPEAKER_THEMES = (
    "SELECT DISTINCT l.theme_id FROM evidence_items AS i "
    "JOIN evidence_themes AS l ON l.evidence_id = i.id WHERE i.person_id = NEW.id"
)
DIRTY, STALE = "theme_summary_dirty", "evidence_praise_stale"
BELOW_MARK = "(SELECT read_through FROM praise_mark WHERE id = 1)"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


@dataclass(frozen=True)
class MarkTrigger:
    """A trigger whose body marks rows of ``table`` (one column, its primary key)."""

    name: str
    #: "AFTER ... ON table [WHEN ...]"
    event: str
    table: str
    column: str
    #: Queries giving the keys to mark, each as a column named ``column``.
    rows: tuple[str, ...]
    #: Statements run before the marks.
    before: tuple[str, ...] = ()

    def sql(self, *, or_ignore: bool = False) -> str:
        """``or_ignore``: the form migrations 0009 and 0013 created, kept for downgrades."""
        marks = [self._mark(rows, or_ignore) for rows in self.rows]
        return (
            f"CREATE TRIGGER {self.name} {self.event} BEGIN {' '.join([*self.before, *marks])} END"
        )

    def _mark(self, rows: str, or_ignore: bool) -> str:
        table, column = self.table, self.column
        if or_ignore:
            return f"INSERT OR IGNORE INTO {table} ({column}) {rows};"
        return (
            f"INSERT INTO {table} ({column}) SELECT DISTINCT marked.{column} FROM ({rows}) AS "  # noqa: S608
            f"marked WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {table}.{column} = "
            f"marked.{column});"
        )


def _new(column: str, side: str = "NEW", name: str | None = None) -> str:
    return f"SELECT {side}.{column} AS {name or column}"


SUMMARY_TRIGGERS = (
    MarkTrigger("theme_summary_link_insert", "AFTER INSERT ON evidence_themes", DIRTY,
                "theme_id", (_new("theme_id"),)),
    MarkTrigger("theme_summary_link_delete", "AFTER DELETE ON evidence_themes", DIRTY,
                "theme_id", (_new("theme_id", "OLD"),)),
    MarkTrigger("theme_summary_link_update", "AFTER UPDATE ON evidence_themes", DIRTY,
                "theme_id", (_new("theme_id", "OLD"), _new("theme_id"))),
    MarkTrigger("theme_summary_item_update",
                f"AFTER UPDATE OF {', '.join(ITEM_COLUMNS)} ON evidence_items "
                f"WHEN {_changed(ITEM_COLUMNS)}", DIRTY, "theme_id", (ITEM_THEMES,)),
    MarkTrigger("theme_summary_role_update",
                "AFTER UPDATE OF role ON people WHEN OLD.role IS NOT NEW.role", DIRTY,
                "theme_id", (SPEAKER_THEMES,)),
    MarkTrigger("theme_summary_account_update",
                f"AFTER UPDATE OF {', '.join(ACCOUNT_COLUMNS)} ON accounts "
                f"WHEN {_changed(ACCOUNT_COLUMNS)}", DIRTY, "theme_id", (ACCOUNT_THEMES,)),
)  # fmt: skip
#: The account trigger as migrations 0009 to 0014 made it (before attributes), for 0016's
#: downgrade.
ACCOUNT_TRIGGER_BEFORE_0016 = MarkTrigger(
    "theme_summary_account_update",
    f"AFTER UPDATE OF {', '.join(GROUP_COLUMNS)} ON accounts WHEN {_changed(GROUP_COLUMNS)}",
    DIRTY,
    "theme_id",
    (ACCOUNT_THEMES,),
)
_FORGET = ("DELETE FROM evidence_praise WHERE evidence_id = NEW.id;",)
PRAISE_TRIGGERS = (
    MarkTrigger("praise_reread",
                f"AFTER UPDATE OF {', '.join(READ_COLUMNS)} ON evidence_items "
                f"WHEN {_changed(READ_COLUMNS)}", STALE, "evidence_id",
                (_new("id", name="evidence_id"),), _FORGET),
    MarkTrigger("praise_reused_id",
                f"AFTER INSERT ON evidence_items WHEN NEW.id <= {BELOW_MARK}", STALE,
                "evidence_id", (_new("id", name="evidence_id"),), _FORGET),
)  # fmt: skip
