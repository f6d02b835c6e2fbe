"""The inbox's word index: which evidence items contain which words.

A million texts cannot be scanned per search, so migration 0008 keeps a table of (word,
evidence id) pairs in step with every insert and edit, by triggers on SQLite and PostgreSQL
alike. Both databases and this module must cut text into the same words, so the rule is
deliberately simple and spelled out once here: the separators below become spaces, ASCII
letters are lower-cased (SQLite's ``lower()`` knows no other letters), and the pieces of two
to ``LONGEST`` characters that are not stopwords are the words. "Café" stays "café"; "SAML,"
becomes "saml".

Japanese, Chinese and Thai write no spaces between words, and Korean none between a word and
its particles, so a piece holding their letters (``UNSPACED``) is no word: "証明書の有効期限
が切れました" was one key, and a search for "証明書" found nothing. In such a piece each run
of those letters is indexed by its characters and its overlapping pairs of characters
("証", "証明", "明", "明書", "書", ...), as Lucene's CJK analyzer indexes pairs, and the
rest of the piece between runs and their punctuation (``BREAKS``: "。", "「") by the rule
above ("ios" of "iosアプリ"). A search cuts its
words the same way (``search_keys``), asking for the pairs of a run, or its one character:
"証明書" finds every item whose runs hold "証明" and "明書". Pairs may stand apart in an item
("証明" in one sentence, "明書" in another): a rare false hit we accept for an index that
both databases keep with plain SQL.

Changing any of this needs a migration that rebuilds the index (``rebuild_statements``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from tradeoff.domain.scripts import HAN, HANGUL, HIRAGANA, KATAKANA, THAI, literal_class

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
#: Scripts written without spaces between words: Han, kana, Hangul and Thai.
UNSPACED: Final = HIRAGANA + KATAKANA + HAN + HANGUL + THAI
#: The punctuation such text is written with, which ends a word inside a piece holding
#: unspaced letters: CJK symbols and punctuation (、。「」【】, the ideographic space) and
#: the full-width and half-width forms of ASCII punctuation (！（），：？｡｢｣､). Elsewhere
#: it is part of a piece, as any character that is no separator is.
BREAKS: Final = (
    (0x3000, 0x303F),
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
)
#: The unspaced letters, and them with the breaks, as the inside of a character class of
#: Python's, SQLite's GLOB and PostgreSQL's patterns (the characters themselves: all three
#: read ranges by code point).
_LETTERS: Final = literal_class(UNSPACED)
_LETTERS_OR_BREAKS: Final = _LETTERS + literal_class(BREAKS)
_CUT = re.compile(f"[{_LETTERS_OR_BREAKS}]")
_KEYED = re.compile(f"(?P<run>[{_LETTERS}]+)|[^{_LETTERS_OR_BREAKS}]+")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLD: Final = str.maketrans(SEPARATORS + _UPPER, " " * len(SEPARATORS) + _UPPER.lower())
#: SQLite's parser refuses deeper nesting than about 35 calls, so the separators are
#: replaced 12 at a time, one subquery per batch (12 leaves the statement around them the
#: most room: four more nested calls, where 15 left one).
_BATCH = 12


def word_keys(text: str) -> list[str]:
    """The distinct indexed words of ``text``, in the order they first occur.

    >>> word_keys("iOSアプリで通知が届かない, SAML fails")
    ['ios', 'ア', 'アプ', 'プ', 'プリ', 'リ', 'リで', 'で', 'で通', '通', '通知', '知', '知が', 'が', 'が届', '届', '届か', 'か', 'かな', 'な', 'ない', 'い', 'saml', 'fails']
    """  # noqa: E501
    return _keys(text, pairs_only=False)


def search_keys(text: str) -> list[str]:
    """The keys a search for ``text`` asks the index for, every one of which an item must
    hold: its words, and each run of unspaced letters by its pairs (a run of one letter by
    that letter), as ``word_keys`` indexed them.

    >>> search_keys("証明書 SSL")
    ['証明', '明書', 'ssl']
    >>> search_keys("届")
    ['届']
    """
    return _keys(text, pairs_only=True)


def _keys(text: str, pairs_only: bool) -> list[str]:
    """The distinct keys of ``text``'s words, a run of unspaced letters by ``_unspaced_keys``."""
    keys: list[str] = []
    for piece in text.translate(_FOLD).split(" "):
        if piece.isascii() or _CUT.search(piece) is None:
            if _indexed(piece):
                keys.append(piece)
        else:
            keys.extend(_unspaced_keys(piece, pairs_only=pairs_only))
    return list(dict.fromkeys(keys))


def _unspaced_keys(piece: str, pairs_only: bool) -> Iterator[str]:
    """The keys of a piece holding unspaced letters or their punctuation: each run's
    letters and pairs (only its pairs, when ``pairs_only`` and it has two letters or more),
    and each stretch between runs and breaks that is a word by the usual rule."""
    for found in _KEYED.finditer(piece):
        letters = found.group("run")
        if letters is None:
            if _indexed(found.group()):
                yield found.group()
            continue
        for i, letter in enumerate(letters):
            if not pairs_only or len(letters) == 1:
                yield letter
            if i + 1 < len(letters):
                yield letters[i : i + 2]


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


def _sqlite_folded(evidence_id: str, text: str, table: str, where: str = "") -> str:
    """SQLite: rows (id, s) of ``text`` folded, read from ``table`` when given: separators
    as spaces, ASCII letters lower-cased."""
    batches = [SEPARATORS[i : i + _BATCH] for i in range(0, len(SEPARATORS), _BATCH)]
    stage = f"SELECT {evidence_id} AS id, {_replaced(f'lower({text})', batches[0])} AS s"
    stage += f" FROM {table}" if table else ""
    stage += f" WHERE {where}" if where else ""
    for batch in batches[1:]:
        stage = f"SELECT id, {_replaced('s', batch)} AS s FROM ({stage})"  # noqa: S608
    return stage


def sqlite_insert_words(evidence_id: str, text: str, table: str = "") -> str:
    """SQLite: index the words of ``text`` for ``evidence_id`` (SQL expressions, read from
    ``table`` when given, for backfilling), as ``word_keys`` cuts them.

    The folded text is quoted as a JSON string and each space becomes '","', so it is a
    JSON array of the pieces, which ``json_each`` turns into rows (a trigger cannot use a
    recursive CTE). One statement, so that a migration can run it as its backfill: the
    pieces without unspaced letters or breaks are words; then, only for a text holding
    such letters, every position of a piece that holds them (``json_each`` over a JSON
    array of as many zeros as the piece has characters) gives its letter and its pair, or
    the word that starts there between runs and breaks. (SQLite's parser allows few nested
    subqueries, so the pieces are read where they are used, not from a subquery of theirs.)
    """
    letter, cut = f"'[{_LETTERS}]'", f"'[{_LETTERS_OR_BREAKS}]'"
    pieces = """json_each('[' || replace(json_quote(folded.s), ' ', '","') || ']')"""
    positions = "'[' || substr(replace(hex(zeroblob(length(p.value))), '00', ',0'), 2) || ']'"
    here = f"substr(p.value, at.key + 1, 1) GLOB {letter}"
    ends = (
        f"coalesce((SELECT min(later.key) FROM json_each({positions}) AS later "  # noqa: S608
        f"WHERE later.key > at.key AND substr(p.value, later.key + 1, 1) GLOB {cut}), "
        "length(p.value))"
    )
    # A text is told to hold no unspaced letter without the GLOB when it is ASCII (a
    # blob's length is its size in bytes): the GLOB alone made indexing 30 % slower.
    holds = f"length(CAST(({text}) AS BLOB)) > length({text}) AND ({text}) GLOB '*{cut[1:-1]}*'"
    gated = _sqlite_folded(evidence_id, text, table, holds)
    unspaced = (
        f"SELECT folded.id AS id, CASE WHEN {here} "  # noqa: S608
        "THEN substr(p.value, at.key + 1, width.value) "
        f"ELSE substr(p.value, at.key + 1, {ends} - at.key) END AS value "
        f"FROM ({gated}) AS folded, {pieces} AS p, "
        f"json_each({positions}) AS at, json_each('[1,2]') AS width "
        f"WHERE p.value GLOB '*{cut[1:-1]}*' AND CASE WHEN {here} "
        f"THEN width.value = 1 OR substr(p.value, at.key + 2, 1) GLOB {letter} "
        f"ELSE width.value = 1 AND NOT substr(p.value, at.key + 1, 1) GLOB {cut} "
        f"AND (at.key = 0 OR substr(p.value, at.key, 1) GLOB {cut}) END"
    )
    indexed = f"length(value) BETWEEN 2 AND {LONGEST} AND value NOT IN ({_stopword_list()})"
    # An ASCII piece is told without the GLOB too; UNION ALL, as no key is in both parts
    # (UNION, sorting them, made indexing half as slow again).
    no_cut = f"(length(CAST(value AS BLOB)) = length(value) OR NOT value GLOB '*{cut[1:-1]}*')"
    return (
        "INSERT OR IGNORE INTO evidence_words (word, evidence_id) "  # noqa: S608
        "SELECT DISTINCT value, folded.id "
        f"FROM ({_sqlite_folded(evidence_id, text, table)}) AS folded, {pieces} "
        f"WHERE {indexed} AND {no_cut} "
        f"UNION ALL SELECT value, id FROM ({unspaced}) "
        f"WHERE value GLOB '{letter[1:-1]}*' OR ({indexed})"
    )


def postgres_insert_words(evidence_id: str, text: str, table: str = "") -> str:
    """PostgreSQL: the same words as ``sqlite_insert_words`` (``translate`` maps each
    separator to a space and A–Z to a–z only, as SQLite's ``lower`` does). A text without
    unspaced letters or breaks is split at its spaces, as before they were indexed; a
    text with them is read by regular expressions: the stretches of no space, unspaced
    letter or break (a piece, or a word between runs), the letters of each run of
    unspaced letters, and its pairs (those from its first letter, then those from its
    second). Whether a text holds them is asked once per statement, not per piece.

    Only functions the planner expects few rows of are nested (``regexp_matches``: 10):
    ``generate_series`` (1,000) under the pieces (1,000) made it expect billions, so every
    insert paid 0.3 s of JIT compilation, and under the runs made the statement's generic
    plan look costly enough that it was planned again on every insert."""
    source = SEPARATORS + _UPPER
    target = " " * len(SEPARATORS) + _UPPER.lower()
    folded = f"translate({text}, E'{_escape_pg(source)}', '{target}')"
    rows = f"{table}, " if table else ""
    holds = f"({text}) ~ '[{_LETTERS_OR_BREAKS}]'"
    indexed = f"BETWEEN 2 AND {LONGEST} AND {{0}} NOT IN ({_stopword_list()})"
    runs = f"regexp_matches({folded}, '[{_LETTERS}]+', 'g') AS found(run)"
    return (
        "INSERT INTO evidence_words (word, evidence_id) "  # noqa: S608
        f"SELECT DISTINCT key, {evidence_id} FROM {rows}LATERAL ("
        f"SELECT piece AS key FROM regexp_split_to_table({folded}, ' ') AS piece "
        f"WHERE NOT {holds} AND length(piece) {indexed.format('piece')} "
        f"UNION ALL SELECT found.word[1] FROM regexp_matches({folded}, "
        f"'[^ {_LETTERS_OR_BREAKS}]+', 'g') AS found(word) "
        f"WHERE {holds} AND length(found.word[1]) {indexed.format('found.word[1]')} "
        f"UNION ALL SELECT letter.key[1] FROM {runs}, "
        f"LATERAL regexp_matches(found.run[1], '.', 'g') AS letter(key) WHERE {holds} "
        f"UNION ALL SELECT pair.key[1] FROM {runs}, (VALUES (1), (2)) AS first(letter), "
        "LATERAL regexp_matches(substr(found.run[1], first.letter), '..', 'g') AS pair(key) "
        f"WHERE {holds}"
        ") AS keys ON CONFLICT DO NOTHING"
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


#: An item's indexed text, its title and its text (``{0}``: the row's name in the SQL).
ITEM_TEXT: Final = "coalesce({0}.title, '') || ' ' || {0}.text"


def rebuild_statements(dialect: str) -> list[str]:
    """The statements that bring a workspace's word index to this module's rule: the
    triggers (SQLite) or the trigger function (PostgreSQL) migration 0008 created, made
    again with this module's SQL, then every item's words indexed again. A migration that
    changes the rule runs them in order (``op.execute`` each).

    >>> [" ".join(s.split()[:3]) for s in rebuild_statements("postgresql")]
    ['CREATE OR REPLACE', 'DELETE FROM evidence_words', 'INSERT INTO evidence_words']
    """
    new, row = ITEM_TEXT.format("NEW"), ITEM_TEXT.format("e")
    if dialect == "postgresql":
        triggers = [
            "CREATE OR REPLACE FUNCTION evidence_words_sync() RETURNS trigger "  # noqa: S608
            "LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'UPDATE' THEN DELETE FROM evidence_words WHERE evidence_id = OLD.id; "
            f"END IF; {postgres_insert_words('NEW.id', new)}; RETURN NULL; END $$"
        ]
        backfill = postgres_insert_words("e.id", row, table="evidence_items AS e")
    else:
        triggers = [
            "DROP TRIGGER IF EXISTS evidence_words_insert",
            "DROP TRIGGER IF EXISTS evidence_words_update",
            "CREATE TRIGGER evidence_words_insert AFTER INSERT ON evidence_items BEGIN "
            f"{sqlite_insert_words('NEW.id', new)}; END",
            "CREATE TRIGGER evidence_words_update AFTER UPDATE OF title, text "  # noqa: S608
            "ON evidence_items BEGIN DELETE FROM evidence_words WHERE evidence_id = OLD.id; "
            f"{sqlite_insert_words('NEW.id', new)}; END",
        ]
        backfill = sqlite_insert_words("e.id", row, table="evidence_items AS e")
    return [*triggers, "DELETE FROM evidence_words", backfill]
