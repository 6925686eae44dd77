"""GraphiQL served from this package: no request leaves the machine.

Strawberry's GraphiQL page loads React, GraphiQL and its explorer plugin from a public
CDN, so on a network without internet access (police networks often are) it shows only
"Loading...". The same files, at the versions Strawberry's page names, are kept under
``assets/`` (with their licences), refreshed by ``python -m api.graphiql.refresh``;
``page_html`` is Strawberry's page with each CDN address pointed at them. The page's
``integrity`` hashes stay, so the browser itself checks that each kept file is the
published one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from strawberry.http.ides import get_graphql_ide_html

ASSETS = Path(__file__).parent / "assets"
# Where the app serves ``ASSETS``.
ASSETS_PATH = "/graphiql"
_CDN = "https://unpkg.com/"
# A CDN file in Strawberry's page: src or href, then its integrity hash.
_ASSET = re.compile(
    r'(?P<attr>src|href)="' + re.escape(_CDN) + r'(?P<package>(?:@[^/"]+/)?[^@/"]+)@'
    r'(?P<version>[^/"]+)/(?P<path>[^"]+)"(?P<between>\s+)integrity="(?P<integrity>[^"]+)"'
)


@dataclass(frozen=True)
class Asset:
    """One file the page loads: an npm package's file at a version, and its hash."""

    package: str
    version: str
    path: str
    integrity: str

    @property
    def folder(self) -> str:
        """The package's folder under ``ASSETS``: ``react@18.2.0``."""
        return f"{self.package}@{self.version}"

    @property
    def local(self) -> Path:
        return ASSETS / self.folder / self.path

    @property
    def url(self) -> str:
        return f"{ASSETS_PATH}/{self.folder}/{self.path}"


class MissingAssetError(RuntimeError):
    """Strawberry's page names a file that is not kept here (refresh the assets)."""


def assets_of(html: str) -> list[Asset]:
    """The CDN files ``html`` loads, in page order."""
    return [
        Asset(m["package"], m["version"], m["path"], m["integrity"]) for m in _ASSET.finditer(html)
    ]


def strawberry_page() -> str:
    return get_graphql_ide_html(graphql_ide="graphiql")


@cache
def page_html() -> str:
    """Strawberry's GraphiQL page loading every file from ``ASSETS_PATH``.

    Raises ``MissingAssetError`` when a file it names is not kept (a Strawberry upgrade
    that moved to new versions: run ``python -m api.graphiql.refresh``), and when any
    address outside the machine is left in the page.
    """
    html = strawberry_page()
    missing = [a.folder + "/" + a.path for a in assets_of(html) if not a.local.is_file()]
    if missing:
        raise MissingAssetError(
            f"GraphiQL files not kept in {ASSETS}: {', '.join(missing)} "
            "(run `python -m api.graphiql.refresh`)"
        )

    def local(match: re.Match[str]) -> str:
        asset = Asset(match["package"], match["version"], match["path"], match["integrity"])
        return f'{match["attr"]}="{asset.url}"{match["between"]}integrity="{asset.integrity}"'

    html = _ASSET.sub(local, html)
    if _CDN in html:
        raise MissingAssetError(f"GraphiQL page still loads from {_CDN}: its layout changed")
    return html
