"""The one way our HTML is templated: autoescape on, unknown names an error.

The report and the web app both render customer text, so both take their Jinja2
environment from here; neither can forget escaping in a second copy of the settings.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined


def escaping_environment(package: str, *, keep_trailing_newline: bool = False) -> Environment:
    """Templates from ``package``'s ``templates`` folder, every value escaped unless a
    template marks it otherwise (none of ours does for anything derived from evidence)."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
    )
