"""Briefs as Markdown and HTML, from the same typed brief, through templates that escape
every value they print.

HTML uses the one autoescaping environment (``reports.escaping``). Markdown has no
autoescape, so its environment escapes every printed value with ``markdown_text`` (Jinja2's
``finalize``): customer words cannot open a link, an image, raw HTML, emphasis or a
heading, whatever they contain. A brief written to a file is written whole or not at all.

>>> print(render_markdown(build_brief(engine, Room.EXEC)))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from enum import StrEnum

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from tradeoff.reports.briefs.model import Brief
from tradeoff.reports.escaping import escaping_environment
from tradeoff.reports.html import CSP

#: Characters CommonMark gives a meaning inline; each is written backslash-escaped.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!{}])")
#: A bare address GitHub-flavoured Markdown would turn into a link by itself.
BARE_LINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript)\s*:|\bwww\.")


class BriefFormat(StrEnum):
    MD = "md"
    HTML = "html"


def markdown_text(value: object) -> str:
    """``value`` as inert Markdown text on one line: every special character escaped, line
    breaks folded to spaces, and a bare address broken so no renderer links it.

    >>> markdown_text("[click](javascript:alert(1)) <b>")
    '\\\\[click\\\\](javascript\\\\:alert(1)) \\\\<b\\\\>'
    """
    text = " ".join(str(value).split())
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return BARE_LINK.sub(lambda m: m.group(0).replace(":", "\\:").replace(".", "\\."), text)


def _markdown_environment() -> Environment:
    return Environment(
        loader=PackageLoader("tradeoff.reports", "templates"),
        autoescape=False,  # noqa: S701 - finalize escapes for Markdown, not HTML
        finalize=markdown_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_markdown(brief: Brief) -> str:
    return _markdown_environment().get_template("briefs/brief.md.j2").render(brief=brief)


def render_body(brief: Brief) -> Markup:
    """The brief's sections as an HTML fragment, for the standalone page and the web app.

    Rendered by the autoescaping environment, so every value in it is already escaped; the
    ``Markup`` wrapper marks only this template output (never data) as HTML, so the web
    page can frame the very same fragment instead of keeping a second template in step.
    """
    template = escaping_environment("tradeoff.reports").get_template("briefs/body.html.j2")
    return Markup(template.render(brief=brief))  # noqa: S704 - autoescaped template output


def render_html(brief: Brief) -> str:
    """A self-contained page: inline style, no script, a CSP that allows none."""
    template = escaping_environment("tradeoff.reports", keep_trailing_newline=True)
    return template.get_template("briefs/brief.html.j2").render(
        brief=brief, body=render_body(brief), csp=CSP
    )


def render(brief: Brief, output_format: BriefFormat) -> str:
    return render_html(brief) if output_format is BriefFormat.HTML else render_markdown(brief)
