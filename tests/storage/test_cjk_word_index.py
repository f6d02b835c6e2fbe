"""The inbox's word index cuts Japanese, Chinese, Korean and Thai text into searchable keys,
on SQLite and PostgreSQL alike: a word inside an unspaced sentence is found, the triggers and
``word_keys`` agree, and a workspace indexed by the older rule is brought to this one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete, insert, select, text

from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage.evidence_inbox import InboxFilters, inbox_page, search_words
from tradeoff.storage.evidence_words import rebuild_statements, search_keys, word_keys
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceWordRow

#: Support tickets as customers in each language write them, and one in English.
TICKETS = {
    "ja-cert": "SSL証明書の有効期限チェックが動きません。アラートも届きません。",
    "ja-push": "iOSアプリでプッシュ通知が届きません（SMSは届いています）",
    "ja-quote": "「東京オフィス」からログインできない",
    "zh-login": "登录后页面一直空白，刷新也没有用",
    "zh-invoice": "我们的发票金额比上个月高了四倍，请解释超额费用",
    "ko-push": "푸시 알림이 오지 않습니다. 앱을 다시 설치해도 마찬가지입니다.",
    "th-push": "การแจ้งเตือนไม่มาถึงหลังจากอัปเดตแอป",
    "en-export": "Exports time out every Monday since the update",
}


def add_tickets(engine: Engine) -> dict[str, int]:
    ids: dict[str, int] = {}
    with write_session(engine) as session:
        for number, (name, body) in enumerate(TICKETS.items()):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=name,
                    kind=EvidenceKind.TICKET,
                    text=body,
                    created_at=datetime(2026, 3, 1 + number, tzinfo=UTC),
                ),
            )
            assert item.id is not None
            ids[name] = item.id
    return ids


def found(engine: Engine, typed: str, ids: dict[str, int]) -> list[str]:
    """The tickets the inbox shows for a search, newest first, by name."""
    names = {i: n for n, i in ids.items()}
    with read_session(engine) as session:
        rows, _ = inbox_page(session, InboxFilters(words=search_words(typed)), None)
    return [names[row.id] for row in rows]


def indexed(engine: Engine) -> dict[int, set[str]]:
    with read_session(engine) as session:
        words: dict[int, set[str]] = {}
        for word, evidence_id in session.execute(
            select(EvidenceWordRow.word, EvidenceWordRow.evidence_id)
        ):
            words.setdefault(evidence_id, set()).add(word)
    return words


def cut_in_python(engine: Engine) -> dict[int, set[str]]:
    with read_session(engine) as session:
        rows = session.execute(
            select(EvidenceItemRow.id, EvidenceItemRow.title, EvidenceItemRow.text)
        )
        return {i: set(word_keys(f"{title or ''} {body}")) for i, title, body in rows}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("証明書", ["ja-cert"]),  # a word inside an unspaced sentence
        ("アラート", ["ja-cert"]),  # in its second sentence
        ("届きません", ["ja-push", "ja-cert"]),  # in two tickets, newest first
        ("SMS", ["ja-push"]),  # Latin letters between full-width brackets
        ("iOS", ["ja-push"]),  # Latin letters glued to kana
        ("プッシュ通知 ios", ["ja-push"]),  # every word, in either script
        ("東京", ["ja-quote"]),  # inside Japanese quotation marks
        ("刷新", ["zh-login"]),
        ("发票", ["zh-invoice"]),
        ("届", ["ja-push", "ja-cert"]),  # one character is a word in Chinese and Japanese
        ("알림", ["ko-push"]),  # Korean, its particle attached ("알림이")
        ("แจ้งเตือน", ["th-push"]),  # Thai, unspaced
        ("exports", ["en-export"]),  # English as before
        ("証明書 monday", []),
        ("通知書", []),  # its pairs must all be there: "通知" is, "知書" is not
    ],
)
def test_a_word_inside_unspaced_text_is_found(
    engine: Engine, typed: str, expected: list[str]
) -> None:
    ids = add_tickets(engine)
    assert found(engine, typed, ids) == expected


def test_the_triggers_cut_unspaced_text_as_python_does(engine: Engine) -> None:
    """SQLite's and PostgreSQL's triggers and ``word_keys`` agree, on insert and on edit."""
    ids = add_tickets(engine)
    with write_session(engine) as session:
        edited = session.get(EvidenceItemRow, ids["zh-login"])
        assert edited is not None
        edited.title = "登录问题 Re:"
        edited.text = "SSO登录失败，错误代码E-4012"
    assert indexed(engine) == cut_in_python(engine)
    assert {"sso", "登", "登录", "录", "录失", "失败", "e", "4012"} - indexed(engine)[
        ids["zh-login"]
    ] == {"e"}  # one letter is no word
    assert "刷新" not in indexed(engine)[ids["zh-login"]]


def test_a_search_asks_for_the_pairs_of_each_run() -> None:
    assert search_keys("証明書の期限") == ["証明", "明書", "書の", "の期", "期限"]
    assert search_keys("iOSアプリ, SAML!") == ["ios", "アプ", "プリ", "saml"]
    assert search_keys("届") == ["届"]
    assert search_words("証明書") == ("証明", "明書")
    with pytest.raises(InputError, match="only common or one-letter words"):
        search_words("「」、。")


def test_a_workspace_indexed_by_the_older_rule_is_indexed_again(engine: Engine) -> None:
    """An upgraded workspace's index holds whole runs ("ssl証明書の有効期限チェックが動き
    ません"): the rebuild statements make its triggers and its rows those of today's rule,
    and items added after are indexed by it too."""
    ids = add_tickets(engine)
    with write_session(engine) as session:
        session.execute(delete(EvidenceWordRow))
        session.execute(
            insert(EvidenceWordRow),
            [{"word": "ssl証明書の有効期限チェックが動きません", "evidence_id": ids["ja-cert"]}],
        )
    assert found(engine, "証明書", ids) == []
    with engine.begin() as connection:
        for statement in rebuild_statements(engine.dialect.name):
            connection.execute(text(statement))
    assert indexed(engine) == cut_in_python(engine)
    assert found(engine, "証明書", ids) == ["ja-cert"]
    with write_session(engine) as session:
        added = repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="ja-new",
                kind=EvidenceKind.TICKET,
                text="証明書の更新ができません",
                created_at=datetime(2026, 4, 1, tzinfo=UTC),
            ),
        )
    assert added.id is not None
    assert indexed(engine) == cut_in_python(engine)
    assert found(engine, "証明書", {**ids, "ja-new": added.id}) == ["ja-new", "ja-cert"]
