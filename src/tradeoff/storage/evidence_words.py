"""The inbox's word index: which evidence items contain which words.

A million texts cannot be scanned per search, so migration 0008 keeps a table of (word,
evidence id) pairs in step with every insert and edit, by triggers on SQLite and PostgreSQL
alike. Both databases and this module must cut text into the same words, so the rule is
deliberately simple and spelled out once here: the separators below become spaces, ASCII
letters are lower-cased (SQLite's ``lower()`` knows no other letters), and the pieces of two
to ``LONGEST`` characters that are not stopwords are the words. "Café" stays "café"; "SAML,"
becomes "saml". Changing any of this needs a migration that rebuilds the index.
"""

from __future__ import annotations

from typing import Final

# Every SQL string here is built from this module's constants and the caller's column
# expressions, never from data: hence the S608 waivers.

#: Characters that end a word: whitespace, ASCII punctuation, common typography. (Other
#: control characters stay inside words; JSON escapes carry them through on SQLite.)
SEPARATORS: Final = (
    " \t\n\r"
    + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    + "\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"
)
#: Words too common to narrow a search; they are never indexed.
_STOPWORDS = "an and are as at be but by for from has have in is it its of on or so that the this"
STOPWORDS: Final = frozenset(
    f"{_STOPWORDS} to was we were with you your our not can do does did".split(" ")
)
LONGEST: Final = 64
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLD: Final = str.maketrans(SEPARATORS + _UPPER, " " * len(SEPARATORS) + _UPPER.lower())
#: SQLite's parser refuses deeper nesting than about 35 calls, so the separators are
#: replaced 15 at a time, one subquery per batch.
_BATCH = 15


def word_keys(text: str) -> list[str]:
    """The distinct indexed words of ``text``, in the order they first occur."""
    pieces = text.translate(_FOLD).split(" ")
    return list(dict.fromkeys(p for p in pieces if _indexed(p)))


def _indexed(piece: str) -> bool:
    return 2 <= len(piece) <= LONGEST and piece not in STOPWORDS


def _stopword_list() -> str:
    return ", ".join(f"'{word}'" for word in sorted(STOPWORDS))


def _sqlite_literal(character: str) -> str:
    if character == "'":
        return "''''"
    if ord(character) < 32:
        return f"char({ord(character)})"
    return f"'{character}'"


def _replaced(expression: str, characters: str) -> str:
    for character in characters:
        if character != " ":
            expression = f"replace({expression}, {_sqlite_literal(character)}, ' ')"
    return expression


def sqlite_insert_words(evidence_id: str, text: str, table: str = "") -> str:
    """SQLite: index the words of ``text`` for ``evidence_id`` (SQL expressions, read from
    ``table`` when given, for backfilling).

    The folded text is quoted as a JSON string and each space becomes '","', so it is a
    JSON array of the pieces, which ``json_each`` turns into rows (a trigger cannot use a
    recursive CTE).
    """
    batches = [SEPARATORS[i : i + _BATCH] for i in range(0, len(SEPARATORS), _BATCH)]
    stage = f"SELECT {evidence_id} AS id, {_replaced(f'lower({text})', batches[0])} AS s"
    stage += f" FROM {table}" if table else ""
    for batch in batches[1:]:
        stage = f"SELECT id, {_replaced('s', batch)} AS s FROM ({stage})"  # noqa: S608
    array = """'[' || replace(json_quote(folded.s), ' ', '","') || ']'"""
    return (
        "INSERT OR IGNORE INTO evidence_words (word, evidence_id) "  # noqa: S608
        f"SELECT DISTINCT value, folded.id FROM ({stage}) AS folded, json_each({array}) "
        f"WHERE length(value) BETWEEN 2 AND {LONGEST} AND value NOT IN ({_stopword_list()})"
    )


def postgres_insert_words(evidence_id: str, text: str, table: str = "") -> str:
    """PostgreSQL: the same words as ``sqlite_insert_words`` (``translate`` maps each
    separator to a space and A–Z to a–z only, as SQLite's ``lower`` does)."""
    source = SEPARATORS + _UPPER
    target = " " * len(SEPARATORS) + _UPPER.lower()
    folded = f"translate({text}, E'{_escape_pg(source)}', '{target}')"
    rows = f"{table}, " if table else ""
    return (
        "INSERT INTO evidence_words (word, evidence_id) "  # noqa: S608
        f"SELECT DISTINCT piece, {evidence_id} "
        f"FROM {rows}regexp_split_to_table({folded}, ' ') AS piece "
        f"WHERE length(piece) BETWEEN 2 AND {LONGEST} AND piece NOT IN ({_stopword_list()}) "
        "ON CONFLICT DO NOTHING"
    )


def _escape_pg(characters: str) -> str:
    """An E'' string body: quotes and backslashes escaped, control characters in octal."""
    out = []
    for character in characters:
        if character in "\\'":
            out.append("\\" + character)
        elif ord(character) < 32:
            out.append(f"\\{ord(character):03o}")
        else:
            out.append(character)
    return "".join(out)
