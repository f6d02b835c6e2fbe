"""Plain text from the HTML bodies helpdesks export (Intercom, Freshdesk, Help Scout).

The HTML is kept in the raw record; the text is what is read, searched and themed. The
reading is the theme engine's (``analysis.text.markup``): one converter, so an HTML body
imported by a help desk's importer reads as the same body imported as a CSV cell. Tags are
dropped, never interpreted, so markup in customer text cannot reach a page as markup.
"""

from __future__ import annotations

from tradeoff.analysis.text.markup import html_as_text


def html_to_text(html: str) -> str:
    """'<p>Card <b>declined</b></p><p>again</p>' → 'Card declined\\n\\nagain'."""
    if "<" not in html and "&" not in html:
        return html.strip()
    return html_as_text(html)
