"""Languages written in their own scripts (Japanese, Chinese, Korean, Russian, Greek...) are
told by their letters, kept apart from German and English themes and named so; Japanese
labels are cut into words, and search finds a Japanese word inside an unspaced sentence."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import Engine

from tests.analysis.search_corpus import Ticket
from tests.analysis.search_corpus import add_tickets as add_search_tickets
from tests.analysis.test_language import top_themes
from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.keywords import theme_keywords
from tradeoff.analysis.language_apart import language_apart, language_name, languages
from tradeoff.analysis.run import analyze
from tradeoff.analysis.search import search
from tradeoff.analysis.search.words import index_terms
from tradeoff.analysis.text.language import FUNCTION_WORDS, guess_language, leaning

#: Support tickets as customers in each language write them, each labelled by hand.
WRITTEN = [
    ("iOSアプリでプッシュ通知が届きません。SMSは届いています。", "ja"),
    ("OktaとのSAML SSOでログインできません。エラー「InResponseTo mismatch」が表示されます。", "ja"),
    ("証明書の期限切れ通知が届きませんでした。", "ja"),
    ("OktaとのSAML SSOでログインできません。エラー「InResponseTo mismatch」", "ja"),
    ("登录后页面一直空白，刷新也没有用", "zh"),
    ("我们的发票金额比上个月高了四倍，请解释超额费用", "zh"),
    ("푸시 알림이 오지 않습니다. 앱을 다시 설치해도 마찬가지입니다.", "ko"),
    ("Не приходят уведомления в Slack после обновления", "ru"),
    ("Сповіщення не надходять у Slack після оновлення", "uk"),
    # Belarusian writes "і" as Ukrainian does; its "ў" decides.
    ("Прыкладанне не адкрываецца пасля абнаўлення, дапамажыце калі ласка", "be"),
    ("Οι ειδοποιήσεις δεν φτάνουν στο κινητό μου", "el"),
    ("الإشعارات لا تصل إلى التطبيق منذ التحديث", "ar"),
    ("اعلان‌ها بعد از به‌روزرسانی به گوشی نمی‌رسند", "fa"),
    ("ההתראות לא מגיעות לאפליקציה מאז העדכון", "he"),
    ("การแจ้งเตือนไม่มาถึงหลังจากอัปเดตแอป", "th"),
    ("अपडेट के बाद से सूचनाएं नहीं आ रही हैं", "hi"),
]
#: English tickets holding a few letters of other scripts: a name, a unit, a currency.
ENGLISH = [
    "Our Tokyo office (東京オフィス) cannot log in since the update to 4.2",
    "p99 latency is 850 μs higher since the new region went live",
    "Invoice shows prices in € and ₽ but our contract is in USD",
    "Login fails after the update. Thanks, Иван Петров",
    "Great product 🙌",
]


@pytest.mark.parametrize(("text", "code"), WRITTEN, ids=[c for _, c in WRITTEN])
def test_a_language_in_its_own_script_is_told_by_its_letters(text: str, code: str) -> None:
    assert guess_language(text) == code


@pytest.mark.parametrize("text", ENGLISH, ids=range(len(ENGLISH)))
def test_english_with_a_few_letters_of_another_script_is_english(text: str) -> None:
    assert guess_language(text) is None


def test_a_japanese_ticket_with_a_pasted_english_error_leans_japanese() -> None:
    """More Latin letters than Japanese ones: read as English, but it leans Japanese, so in
    a theme of Japanese tickets it goes with them (as a German chat's English follow-up)."""
    text = (
        "SSL monitor fails with `unable to get local issuer certificate` on api.example.jp. "
        "チェーンは正しく設定されています。"
    )
    assert guess_language(text) is None
    assert leaning(text) == "ja"


#: The QA corpus's smallest case: German and Japanese tickets of a monitoring product in one
#: theme, which was named "in German" and quoted only the Japanese.
GERMAN = [
    "Seit dem App-Update bekomme ich keine Push-Mitteilungen mehr, SMS funktioniert.",
    "Die Webhook-Zustellung schlägt fehl und es gibt keine Wiederholung.",
    "Unsere Rechnung ist diesen Monat fast viermal so hoch wie sonst.",
    "Unsere Statusseite unter eigener Domain zeigt einen Zertifikatsfehler.",
]
JAPANESE = [
    "iOSアプリでプッシュ通知が届きません。SMSは届いています。",
    "Webhookの送信が失敗した場合に再送されません。リトライ設定を追加してください。",
    "今月の請求額が予想の4倍になりました。超過料金の通知がなかったので困っています。",
    "証明書の期限切れ通知が届きませんでした。顧客から連絡があって初めて気づきました。",
]


def test_a_theme_of_german_and_japanese_becomes_one_theme_per_language() -> None:
    """One theme: German first, then Japanese, all in one sub-theme. Each language gets its
    theme, each named by its own language, and the German one's label keeps no German
    function word."""
    texts = [*GERMAN, *JAPANESE, JAPANESE[0]]
    found = Discovery(
        themes=np.full(9, 7),
        subthemes=np.full(9, 2),
        closeness=np.full(9, 0.8, dtype=np.float32),
    )
    spoken = languages(texts)
    assert spoken == ["de"] * 4 + ["ja"] * 5
    apart = language_apart(found, spoken, texts)
    # Japanese is the larger language and keeps the theme; German gets a new one.
    assert apart.themes.tolist() == [8] * 4 + [7] * 5
    assert apart.subthemes.tolist() == [3] * 4 + [2] * 5
    assert language_name(spoken[4:], ["プッシュ 通知"]) == ("in Japanese", ["プッシュ 通知"])
    assert language_name(spoken[:4], ["unsere", "seit app-update"]) == (
        "in German",
        ["seit app-update"],
    )


def test_a_japanese_theme_is_named_by_japanese_words_not_sentences() -> None:
    """Japanese writes no spaces: its theme was named by whole sentences. Its words are cut
    where the script changes, particles dropped, so its label holds the nouns people use."""
    texts = [*JAPANESE, JAPANESE[0], JAPANESE[1], "Androidアプリのプッシュ通知が遅れて届きます。"]
    texts += ["Card payment declined at the shop", "My card was declined again"]
    labels = [0] * 7 + [1] * 2
    label = theme_keywords(texts, labels)[0]
    words = [w for term in label for w in term.split()]
    # Every word of the label is a noun as the texts write it, none a whole sentence.
    assert set(words) <= {"プッシュ", "通知", "webhook", "sms", "ios", "アプリ", "送信", "失敗"}
    assert "プッシュ" in words


def test_a_label_never_shows_a_function_word_of_its_language(engine: Engine) -> None:
    """Banking77 tickets in English with German and Japanese ones on the same topics, as a
    user imports them: the Japanese get a theme "in Japanese" holding no German, no German
    theme holds Japanese, and no label names a theme by function words."""
    add_tickets(engine, intent_rows(), 1)
    german = add_tickets(engine, [{"text": t, "category": "de"} for t in BANK_GERMAN], 900)
    japanese = add_tickets(engine, [{"text": t, "category": "ja"} for t in BANK_JAPANESE], 950)
    analyze(engine, StaticEmbedder())
    by_theme, names = top_themes(engine)
    home = max(names, key=lambda t: len(by_theme.get(t, set()) & set(japanese)))
    assert names[home].startswith("in Japanese · "), names[home]
    assert len(by_theme[home] & set(japanese)) >= 9
    assert not by_theme[home] & set(german)
    function_words = frozenset().union(*FUNCTION_WORDS.values())
    for theme_id, name in names.items():
        members = by_theme.get(theme_id, set())
        if theme_id != home:
            assert not members & set(japanese), name
        terms = name.split(" · ")[1:] if name.startswith("in ") else name.split(" · ")
        assert not [t for t in terms if set(t.split()) <= function_words], name


#: A bank's customers in German and Japanese on Banking77's topics: card arrival, pending
#: transfer, exchange rate, lost card, failed top-up.
BANK_GERMAN = [
    "Meine neue Karte ist immer noch nicht angekommen, ich habe sie vor drei Wochen bestellt",
    "Wann kommt die Karte an? Ich warte schon seit Tagen darauf",
    "Die Überweisung ist seit Montag ausstehend und ich weiß nicht warum",
    "Ich habe eine Überweisung gemacht und das Geld ist nicht auf dem Konto angekommen",
    "Der Wechselkurs, den ich bekommen habe, ist schlechter als bei der Bank",
    "Für den Währungsumtausch wurde mir eine Gebühr berechnet, die ich nicht erwartet habe",
    "Ich habe meine Karte im Zug verloren, wie kann ich sie sperren?",
    "Meine Geldbörse mit der Karte wurde gestohlen, bitte sofort sperren",
    "Die Aufladung mit meiner Karte ist schon wieder fehlgeschlagen",
    "Ich kann mein Konto nicht aufladen, die Zahlung wird immer abgelehnt",
    "Danke für die Hilfe mit der Karte, jetzt ist alles gut",
    "Hallo, die Kartenzahlung funktioniert im Supermarkt nicht",
]
BANK_JAPANESE = [
    "新しいカードがまだ届きません。三週間前に申し込みました。",
    "カードはいつ届きますか？数日前から待っています。",
    "月曜日から振込が保留中のままです。理由がわかりません。",
    "振込をしたのに、お金が口座に入っていません。",
    "適用された為替レートが銀行よりも悪いです。",
    "両替の手数料が請求されていて、予想していませんでした。",
    "電車でカードをなくしました。どうやって停止できますか？",
    "カードの入った財布を盗まれました。すぐに停止してください。",
    "カードでのチャージがまた失敗しました。",
    "口座にチャージできません。いつも拒否されます。",
    "カードの件で助けていただきありがとうございました。",
    "スーパーでカード決済ができません。",
]


#: A few tickets of a monitoring product, one of them holding 証明書 inside a sentence.
CERTIFICATES = [
    Ticket("jp-1", "SSL証明書の有効期限チェックが、更新済みの証明書を「期限切れ」と表示します。"),
    Ticket("jp-2", "東京リージョンからのチェックで誤検知が多発しています。"),
    Ticket("jp-3", "Webhookの送信が失敗した場合に再送されません。"),
    Ticket("en-1", "SSL check says the certificate expired but it was renewed yesterday"),
    Ticket("en-2", "Slack alerts arrive fifteen minutes late"),
]


def test_search_finds_a_japanese_word_inside_a_sentence_by_keyword(engine: Engine) -> None:
    """ "証明書" sits in an unspaced sentence: its character pairs match the item's, so the
    item matches by keyword, and the Japanese items without the word do not."""
    assert index_terms("証明書") == ["証明", "明書"]
    ids = add_search_tickets(engine, CERTIFICATES)
    hits = search(engine, "証明書", embedder=StaticEmbedder())
    keyword = {h.evidence_id for h in hits if h.keyword_score > 0}
    assert keyword == {ids["jp-1"]}
    quoted = search(engine, '"証明書"', embedder=StaticEmbedder())
    assert [h.evidence_id for h in quoted] == [ids["jp-1"]]
