"""A Jira issue read as the text Jira shows, without its wiki markup and template."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.jira_markup import wiki_plain
from tradeoff.analysis.text.theme_text import as_said, theme_text
from tradeoff.domain.enums import EvidenceKind

#: A bug filed from Jira's "Bug" template by a CSM: headings, a numbered list, a stack
#: trace, an environment section, field lines, links and a screenshot.
BUG = """Checkout crashes on Safari for Bloom Basket

h3. Steps to reproduce
# Add any product to the cart
# Click *Checkout*
# Choose _Pay with card_

h3. Expected result
The payment form opens.

h3. Actual result
A blank page; the console shows:
{code:java}
java.lang.NullPointerException: null reference
    at com.cartwell.checkout.PaymentForm.render(PaymentForm.java:88)
    at com.cartwell.checkout.CheckoutPage.show(CheckoutPage.java:41)
{code}

h3. Environment
* Safari 17.2, macOS 14.2
* Production (EU)

*Impact:* medium
*Reporter:* Dana Whitfield (CSM)
*Workaround:* customers switch to Chrome.
See [the Zendesk ticket|https://cartwell.zendesk.com/agent/tickets/4411] and [https://status.cartwell.io]
!checkout-blank.png|thumbnail!
"""

#: A feature request relayed by sales: a panel with the customer's words quoted, a field
#: table, monospace, a citation, icons, a mention, colour and the other text effects.
REQUEST = """Bulk edit for variant prices

{panel:title=Customer request|borderStyle=dashed}
Merchant says:
{quote}We have 400 variants and change prices -every week- *every season*. \
Editing them one by one takes a whole afternoon.{quote}
{panel}

||Field||Value||
|*Priority*|High|
|Customer|Bloom Basket|
|Bulk edit|Variants, prices and stock|

Related to {{PriceEditor}} and the ??Pricing guide?? (/) cc [~accountid:5f1a2c]
{color:red}Renewal in March{color} +must+ ship before ^Q2^ ~2024~
bq. Honestly this is the one thing that would keep us.
----
{noformat}
curl -X POST https://api.cartwell.io/v2/variants
{noformat}
"""


def test_a_bug_template_reads_as_what_the_issue_is_about() -> None:
    assert wiki_plain(BUG) == (
        "Checkout crashes on Safari for Bloom Basket\n\n"
        "Add any product to the cart\nClick Checkout\nChoose Pay with card\n\n"
        "The payment form opens.\n\n"
        "A blank page; the console shows:\n\n"
        "customers switch to Chrome.\n"
        "See the Zendesk ticket and"
    )


def test_a_relayed_request_keeps_the_customers_words_without_the_marks() -> None:
    assert wiki_plain(REQUEST) == (
        "Bulk edit for variant prices\n\n"
        "We have 400 variants and change prices every week every season. "
        "Editing them one by one takes a whole afternoon.\n\n"
        "Bulk edit, Variants, prices and stock\n\n"
        "Related to PriceEditor and the Pricing guide cc\n"
        "Renewal in March must ship before Q2 2024\n"
        "Honestly this is the one thing that would keep us."
    )


@pytest.mark.parametrize(
    ("description", "read"),
    [
        # The QA corpus's issues: the impact line and the error string grouped unrelated
        # issues into "code error · impact medium · null reference".
        (
            "Stone Kitchen: declined cards\n\nFrom call with Omar: We've had 28 abandoned "
            "orders today.\n\n*Impact:* blocking go-live\n\n{code}Error: null reference{code}",
            "Stone Kitchen: declined cards\n\nFrom call with Omar: We've had 28 abandoned "
            "orders today.",
        ),
        (
            "Mobile layout\n\nh3. Problem\nOn iPhone the product pages are cut off.\n\n"
            "*Impact*: high, 11 orders affected",
            "Mobile layout\n\nOn iPhone the product pages are cut off.",
        ),
        (
            "Slow admin\n\n*Problem:* the customers list takes 77 seconds to load.\n"
            "Browser: Chrome 120\nPriority: High",
            "Slow admin\n\nthe customers list takes 77 seconds to load.",
        ),
        (
            "Slow admin\n\n*Environment:*\nChrome 120\nWindows 11\n\nIt started last week.",
            "Slow admin\n\nIt started last week.",
        ),
    ],
)
def test_field_lines_and_code_are_template(description: str, read: str) -> None:
    assert wiki_plain(description) == read


def test_the_first_line_is_the_summary_even_when_it_looks_like_a_field() -> None:
    """``import jira`` writes the Summary first: "Browser: …" there names the issue."""
    text = "Browser: Safari checkout is broken\n\nBrowser: Safari 17"
    assert wiki_plain(text) == "Browser: Safari checkout is broken"


@pytest.mark.parametrize(
    "text",
    [
        "The well-known C++ user_id field - is it normal? It costs -5 to -10 a day!",
        "Customer says: the export to CSV times out on big shops.\n\n\nThey use it daily.",
        "Hi! Wow! Great app, 5 * 3 = 15 and a_b_c stays, so does 2024-01-05.",
        "Ask from Acme [EXT] about SSO (see the deck).",
    ],
)
def test_a_text_without_jira_markup_is_returned_as_it_is(text: str) -> None:
    assert wiki_plain(text) is text


def test_a_jira_issue_is_read_without_markup_wherever_the_engine_reads_it() -> None:
    """Themes, labels, quotes and search all read ``as_said``/``theme_text``."""
    title = "Stone Kitchen: declined cards"
    text = f"{title}\n\nh3. Problem\nThe card is *declined* at checkout.\n\n*Impact:* medium"
    read = f"{title}\n\nThe card is declined at checkout."
    assert theme_text(EvidenceKind.INTERNAL_REQUEST, title, text) == read
    assert as_said("internal_request", text) == read


@pytest.mark.parametrize("kind", [EvidenceKind.TICKET, EvidenceKind.CHAT, EvidenceKind.REVIEW])
def test_other_sources_markup_like_text_is_not_read_as_jira(kind: EvidenceKind) -> None:
    """A help desk ticket saying "*urgent*" or "Impact: medium" is not Jira."""
    text = "*urgent* the export fails\nImpact: medium\n{code}ERR_500{code}"
    assert theme_text(kind, None, text) == text


def test_a_field_whose_value_is_a_sentence_keeps_the_sentence() -> None:
    """A CSM who writes the impact out says what the issue is about."""
    text = (
        "Payroll export\n\n*Impact:* payroll cannot be run before the 25th for 40 staff\n"
        "Customer: they say the export has been failing since the upgrade\n"
        "Customer: Bloom Basket"
    )
    assert wiki_plain(text) == (
        "Payroll export\n\npayroll cannot be run before the 25th for 40 staff\n"
        "they say the export has been failing since the upgrade"
    )
