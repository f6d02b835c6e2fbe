"""HTML evidence (help-desk bodies, imported emails) is read as the text a person sees: the
same words and lines as its plain version, for themes, labels, search and quotes alike."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.search_corpus import TICKETS, Ticket, add_tickets
from tests.analysis.test_message_body import GMAIL_REPLY, OUTLOOK_REPLY
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.search import search
from tradeoff.analysis.text.markup import is_html, plain_text
from tradeoff.analysis.text.message import message_body
from tradeoff.analysis.text.theme_text import as_said, theme_text
from tradeoff.domain.enums import EvidenceKind

# The new-user trial's ticket, as a CSV export of a help desk holds it.
ANN = (
    "<html><body><p>Hello,</p><p>I returned the <b>jacket</b> two weeks ago and have still "
    "not received my refund.</p><p>Thanks,<br>Ann</p></body></html>"
)
ANN_PLAIN = "Hello,\nI returned the jacket two weeks ago and have still not received my refund.\n"
ANN_PLAIN += "Thanks,\nAnn"
ANN_SAID = "I returned the jacket two weeks ago and have still not received my refund."

# GMAIL_REPLY as Gmail writes its HTML part: a <div> a line, the signature in a
# gmail_signature, the earlier message in a gmail_quote container holding a <blockquote>.
GMAIL_HTML = (
    '<div dir="ltr"><div>Hi Ledgerly team,</div><div><br></div><div>Since yesterday the CSV '
    "export of our invoices times out after 30&nbsp;seconds.</div><div>We have about 4,000 "
    "invoices this quarter.</div><div><br></div><div>Could you look into it?</div><div><br>"
    '</div><div>Best regards,</div><div dir="ltr" class="gmail_signature" '
    'data-smartmail="gmail_signature"><div>Dana Whitfield</div><div>Head of Finance | Okafor '
    "Ltd</div><div>+44 20 7946 0123</div></div><div><br></div><div>Sent from my iPhone</div>"
    '</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" '
    'class="gmail_attr">On Tue, 3 Mar 2026 at 10:22, Ledgerly Support &lt;<a '
    'href="mailto:support@ledgerly.io">support@ledgerly.io</a>&gt; wrote:<br></div>'
    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
    'rgb(204,204,204);padding-left:1ex">Thanks for reaching out! Could you tell us how many '
    "invoices<br>you export at once?</blockquote></div>"
)

# OUTLOOK_REPLY as Outlook writes it: a <p class=MsoNormal> a line, <o:p> fillers, a <head>
# with a style sheet, the earlier message's header in bold after a bordered <div>.
OUTLOOK_HTML = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
    "<title>RE: Bank feed</title><style><!-- p.MsoNormal {margin:0cm; font-family:Calibri} -->"
    '</style></head><body lang="EN-GB"><div class="WordSection1"><p class="MsoNormal">Hello,'
    '<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">The bank '
    "feed for our Barclays account stopped syncing on Friday.<o:p></o:p></p><p "
    'class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Thanks<br>Priya<o:p></o:p>'
    '</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:'
    "</b> Ledgerly Support &lt;support@ledgerly.io&gt;<br><b>Sent:</b> Monday, March 2, 2026 "
    "9:14 AM<br><b>To:</b> Priya Novak &lt;priya@novak.example&gt;<br><b>Subject:</b> RE: "
    'Bank feed<o:p></o:p></p></div><p class="MsoNormal">Hi Priya, is the feed still failing?'
    "</p></div></body></html>"
)


@pytest.mark.parametrize(
    ("html", "plain"), [(ANN, ANN_PLAIN), (GMAIL_HTML, GMAIL_REPLY), (OUTLOOK_HTML, OUTLOOK_REPLY)]
)
def test_an_html_ticket_reads_as_its_plain_version(html: str, plain: str) -> None:
    """The same reading is the same embedding: the HTML ticket is themed, labelled and
    searched with the plain ones instead of apart, by its markup."""
    for kind in (EvidenceKind.TICKET, EvidenceKind.CHAT):
        assert theme_text(kind, "Re: Bank feed", html) == theme_text(kind, "Re: Bank feed", plain)
        assert as_said(kind, html) == as_said(kind, plain)


def test_the_trial_ticket_reads_as_the_customer_said_it() -> None:
    assert as_said(EvidenceKind.TICKET, ANN) == ANN_SAID
    assert theme_text(EvidenceKind.TICKET, "Refund", ANN) == ANN_SAID  # holds its subject
    # A subject the help desk made from the message's first words is held by its text, not
    # by its markup ("<p>Hello,</p><p>I returned the <b>jacket</b>").
    assert theme_text(EvidenceKind.TICKET, "Hello, I returned the jacket two...", ANN) == ANN_SAID
    assert theme_text(EvidenceKind.TICKET, "Refund not received", ANN) == (
        f"Refund not received\n{ANN_SAID}"
    )
    # A note or review is read whole, greeting and all, but as text.
    assert as_said(EvidenceKind.REVIEW, ANN) == f"Hello,\n\n{ANN_SAID}\n\nThanks,\nAnn"


def test_a_quoted_thread_goes_by_its_markup_in_any_language() -> None:
    """The quote container is cut even when its attribution line is not one ``message_body``
    knows ("ha scritto"): a mail client's quote is marked as one, like "> " lines."""
    reply = (
        "<div>L'esportazione in CSV non funziona più.</div><br>"
        '<div class="gmail_quote"><div class="gmail_attr">Il giorno lun 2 mar 2026, Supporto '
        "ha scritto:</div><blockquote>Ciao, come possiamo aiutarti?</blockquote></div>"
    )
    assert message_body(reply) == "L'esportazione in CSV non funziona più."
    apple = (
        '<div>The invoice PDF is blank.</div><div><br><blockquote type="cite"><div>Which '
        "browser?</div></blockquote></div>"
    )
    assert message_body(apple) == "The invoice PDF is blank."


def test_a_reply_that_only_quotes_is_kept_as_text() -> None:
    """Nothing is lost: with no message of its own the quote stays, without its tags."""
    assert message_body("<blockquote><p>The export fails.</p></blockquote><br>") == (
        "> The export fails."
    )


def test_entities_are_unescaped_and_spaces_collapsed() -> None:
    html = "<p>R&amp;D&nbsp;team&#39;s  \n\t export &lt;CSV&gt; &#x2014; &eacute;</p><p>next</p>"
    assert plain_text(html) == "R&D team's export <CSV> — é\n\nnext"


def test_line_breaks_become_lines() -> None:
    assert plain_text("Line one<br>Line two<br/>Line three") == "Line one\nLine two\nLine three"
    assert plain_text("<div>a</div><div><br></div><div>b</div><br><br><br><br>c") == (
        "a\n\nb\n\nc"  # blank lines collapse to one, as in a plain message
    )
    assert plain_text("<ul><li>first</li><li>second</li></ul>") == "first\nsecond"
    assert plain_text("<table><tr><td>Plan</td><td>Pro</td></tr></table><p>x</p>") == (
        "Plan Pro\n\nx"
    )
    assert plain_text("<pre>step 1\nstep 2</pre><p>fails</p>") == "step 1\nstep 2\n\nfails"


def test_hidden_parts_are_not_read() -> None:
    html = (
        "<html><head><title>Mail</title><style>p {color: red}</style></head><body><p>The app "
        "crashes.</p><script>track('</p>')</script><template><p>x</p></template></body></html>"
    )
    assert plain_text(html) == "The app crashes."


@pytest.mark.parametrize(
    "text",
    [
        "Love the new app <3",
        "If x < y and y > z the total is wrong",
        "Please let me use the <b> tag in invoice notes",
        "Wrap the name in <b>bold</b> and it shows the tags",  # inline tags, no attribute
        "Rates for R&amp;D &lt;sic&gt; look wrong",  # entities alone are not HTML
        "<Ctrl>+<C> does nothing, <br> on its own neither",
        "a<b",
        "",
    ],
)
def test_prose_that_mentions_markup_is_read_as_it_is(text: str) -> None:
    assert not is_html(text)
    assert plain_text(text) is text  # untouched, at the cost of one substring test or scan
    for kind in (EvidenceKind.TICKET, EvidenceKind.REVIEW):
        assert as_said(kind, text) == text


def test_prose_quoting_block_markup_twice_keeps_its_words() -> None:
    """Two block tags are HTML: such prose is read as markup, losing only the tag names."""
    assert plain_text("I typed <p>hello</p> in the editor") == "I typed\n\nhello\n\nin the editor"


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed <b>bold words",
        "<div><p>crossed</div> words</p>",
        "<p>a</p><![weird[ section ]]> <br>words",
        "<p>a</p><br>words <a href=",
        "<<p>>words<br>>",
        "<p>words</p><div class='gmail_quote'><blockquote>never closed",
        "<p>words</p></blockquote></div></div><br>",
        "<p>words</p><!-- never closed <br>",
        "<p>&#xZZ; &#99999999; &bogus; words</p><br>",
        "<p>\x00words\r\n</p><br>",
    ],
)
def test_malformed_html_is_read_without_failing(html: str) -> None:
    assert "words" in plain_text(html)
    assert "words" in as_said(EvidenceKind.TICKET, html)


def test_a_stray_hidden_tag_loses_no_words() -> None:
    """A <script> or <style> that never closes is no hidden part: its words stay."""
    assert plain_text("<p>Move the <script> from the header</p><p>please</p>") == (
        "Move the from the header\n\nplease"
    )


def test_an_html_ticket_is_found_by_its_words(engine: Engine) -> None:
    """The trial's ticket ranked 28th for "jacket refund" with the best keyword score: its
    embedding was its markup's. Its snippet showed the tags."""
    html = ANN.replace("<b>", '<b style="font-family:Arial;color:#222">')
    inbox = add_tickets(engine, [*TICKETS, Ticket("jacket-html", html)])
    hits = search(engine, "jacket refund", embedder=StaticEmbedder())
    assert hits[0].evidence_id == inbox["jacket-html"]
    assert hits[0].snippet.text == ANN_SAID
    assert all(
        inbox["jacket-html"] != hit.evidence_id
        for hit in search(engine, "arial font color", embedder=StaticEmbedder())
    )  # its markup is no keyword
