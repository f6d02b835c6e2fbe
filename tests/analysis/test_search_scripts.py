"""Search in scripts written without spaces (Thai, Japanese, Chinese, Korean) or with
combining marks (Thai, Hindi): a word inside a longer sentence is found by keyword, as the
inbox's word index finds it, and the snippet marks it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.search_corpus import Ticket, add_tickets
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.search import search
from tradeoff.analysis.search.query import parse_query
from tradeoff.analysis.search.snippet import make_snippet
from tradeoff.analysis.search.words import index_terms, words
from tradeoff.storage.evidence_inbox import InboxFilters, inbox_page, search_words
from tradeoff.storage.session import read_session

#: Per language: the word searched, and support tickets as customers write them; those
#: whose key ends in "+" hold the word inside a longer sentence, the others do not.
TICKETS = {
    "th": (
        "แจ้งเตือน",  # notification
        [
            ("th-1+", "ตั้งแต่อัปเดตแอปเมื่อวาน ฉันไม่ได้รับการแจ้งเตือนเลยทั้งที่เปิดสิทธิ์ไว้แล้ว"),
            ("th-2+", "การแจ้งเตือนการชำระเงินมาช้ากว่าปกติหลายชั่วโมง"),
            ("th-3", "ไม่สามารถเข้าสู่ระบบได้หลังจากเปลี่ยนรหัสผ่าน"),
            ("th-4", "ใบแจ้งหนี้เดือนนี้คิดเงินซ้ำสองครั้ง กรุณาตรวจสอบด้วย"),
        ],
    ),
    "ja": (
        "通知",
        [
            ("ja-1+", "昨日からアプリのプッシュ通知が届きません。設定は確認済みです。"),
            ("ja-2+", "メール通知の送信元アドレスを変更したいのですが、どこで設定できますか？"),
            ("ja-3", "請求書のPDFがダウンロードできません。"),
            ("ja-4", "ログイン画面が真っ白になって先に進めません。"),
        ],
    ),
    "zh": (
        "推送通知",
        [
            ("zh-1+", "自从更新以后，我就收不到推送通知了，请尽快处理。"),
            ("zh-2+", "能不能在晚上关闭推送通知？半夜总是被吵醒。"),
            ("zh-3", "发票上的公司名称写错了，需要重新开具。"),
            ("zh-4", "导出报表的时候页面一直在加载。"),
        ],
    ),
    "ko": (
        "알림",
        [
            ("ko-1+", "업데이트 이후로 푸시 알림이 오지 않습니다."),
            ("ko-2+", "결제 알림을 이메일로도 받을 수 있나요?"),
            ("ko-3", "비밀번호를 바꾼 뒤로 로그인이 안 됩니다."),
            ("ko-4", "청구서에 금액이 두 번 청구되었습니다."),
        ],
    ),
    "hi": (
        "सूचनाएं",  # notifications: vowel signs and a nasal mark inside the word
        [
            ("hi-1+", "मुझे कल से ऐप की सूचनाएं नहीं मिल रही हैं, कृपया मदद करें।"),
            ("hi-2+", "भुगतान की सूचनाएं बहुत देर से आती हैं।"),
            ("hi-3", "पासवर्ड बदलने के बाद मैं लॉग इन नहीं कर पा रहा हूँ।"),
            ("hi-4", "मेरे बिल में एक ही शुल्क दो बार जुड़ गया है।"),
        ],
    ),
}
LANGUAGES = sorted(TICKETS)


def test_a_word_with_combining_marks_is_one_word() -> None:
    """Thai and Devanagari vowel signs and tone marks are no letters to ``\\w``; a word
    holds them (it was cut at each: "सूचनाएं" into "स", "चन", "ए")."""
    assert [w.lower for w in words("मुझे सूचनाएं नहीं मिल रही")] == [
        "मुझे",
        "सूचनाएं",
        "नहीं",
        "मिल",
        "रही",
    ]
    assert [w.lower for w in words("แจ้งเตือน ไม่ทำงาน")] == ["แจ้งเตือน", "ไม่ทำงาน"]
    assert index_terms("แจ้งเตือน") == ["แจ", "จ้", "้ง", "งเ", "เต", "ตื", "ือ", "อน"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_search_asks_for_the_keys_the_inbox_index_asks_for(code: str) -> None:
    """Both cut a query the same way: words, and a run of unspaced letters by its pairs."""
    query, _ = TICKETS[code]
    assert parse_query(query).terms == search_words(query)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_snippet_marks_the_word_inside_the_sentence(code: str) -> None:
    query, tickets = TICKETS[code]
    for key, text in tickets:
        snippet = make_snippet(text, parse_query(query))
        marked = [snippet.text[s:e] for s, e in snippet.highlights]
        assert marked == ([query] if key.endswith("+") else []), key


def test_a_thai_pair_of_the_query_alone_elsewhere_is_not_marked() -> None:
    """ "อน" (a pair of the query) sits in "ก่อน" too; only the whole word is marked."""
    snippet = make_snippet("ก่อนหน้านี้การแจ้งเตือนทำงานปกติ", parse_query("แจ้งเตือน"))
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["แจ้งเตือน"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_search_finds_the_items_holding_the_word_as_the_inbox_does(
    engine: Engine, code: str
) -> None:
    query, tickets = TICKETS[code]
    english = [Ticket("en-1", "Push notifications stopped after the update")]
    ids = add_tickets(engine, [Ticket(key, text) for key, text in tickets] + english)
    holding = {ids[key] for key, _ in tickets if key.endswith("+")}
    hits = search(engine, query, embedder=StaticEmbedder())
    assert {h.evidence_id for h in hits if h.keyword_score > 0} == holding
    for hit in hits:
        if hit.evidence_id in holding:
            marked = [hit.snippet.text[s:e] for s, e in hit.snippet.highlights]
            assert marked == [query]
    with read_session(engine) as session:
        rows, _ = inbox_page(session, InboxFilters(words=search_words(query)), None)
    assert {row.id for row in rows} == holding
    quoted = search(engine, f'"{query}"', embedder=StaticEmbedder())
    assert {h.evidence_id for h in quoted} == holding


def test_a_compound_is_read_whole_from_a_words_start_only() -> None:
    """The compound pass starts at a word's start (it once cost the square of a long
    unspaced run): hyphenated words in any script are still one term."""
    from tradeoff.analysis.search.words import COMPOUND, index_terms

    assert COMPOUND.findall("the e-mail and sign-in, ข้อ-ความ") == ["e-mail", "sign-in", "ข้อ-ความ"]
    assert "signin" in index_terms("Sign-in fails on e-mail links")
    assert "signin" not in index_terms("Sign in fails")
