"""Fetch the GraphiQL files Strawberry's page names from the npm registry into ``assets/``.

    python -m api.graphiql.refresh

Each package's tarball is downloaded from registry.npmjs.org, the named files, the
package's licence file and its package.json (which states the licence, for packages that
ship no licence file) are taken from it, and each file is checked against the page's
``integrity`` hash before it is written; folders of versions no longer named are removed.
Run it after upgrading strawberry-graphql, and commit what changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.parse
import urllib.request
from collections import defaultdict

from api.graphiql import ASSETS, Asset, assets_of, strawberry_page

REGISTRY = "https://registry.npmjs.org/"
_LICENCE_NAMES = ("license", "license.md", "license.txt", "licence", "licence.md")


def integrity_of(data: bytes, algorithm: str) -> str:
    """The Subresource Integrity value of ``data``: ``sha384-<base64 digest>``."""
    digest = hashlib.new(algorithm, data).digest()
    return f"{algorithm}-{base64.b64encode(digest).decode('ascii')}"


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        data: bytes = response.read()
    return data


def _tarball(package: str, version: str) -> tarfile.TarFile:
    meta = json.loads(_fetch(REGISTRY + urllib.parse.quote(package, safe="@") + "/" + version))
    return tarfile.open(fileobj=io.BytesIO(_fetch(meta["dist"]["tarball"])), mode="r:gz")


def _member(archive: tarfile.TarFile, path: str) -> bytes:
    extracted = archive.extractfile("package/" + path)
    if extracted is None:
        raise FileNotFoundError(path)
    return extracted.read()


def refresh(out: io.TextIOBase | None = None) -> None:
    write = (out or sys.stdout).write
    by_package: dict[tuple[str, str], list[Asset]] = defaultdict(list)
    for asset in assets_of(strawberry_page()):
        by_package[(asset.package, asset.version)].append(asset)
    kept: set[str] = set()
    for (package, version), assets in by_package.items():
        archive = _tarball(package, version)
        folder = ASSETS / assets[0].folder
        for asset in assets:
            data = _member(archive, asset.path)
            algorithm = asset.integrity.split("-", 1)[0]
            if integrity_of(data, algorithm) != asset.integrity:
                raise ValueError(f"{asset.folder}/{asset.path} does not match the page's hash")
            asset.local.parent.mkdir(parents=True, exist_ok=True)
            asset.local.write_bytes(data)
            write(f"{asset.folder}/{asset.path}: {len(data):,} bytes\n")
        manifest = _member(archive, "package.json")
        if not json.loads(manifest).get("license"):
            raise ValueError(f"{package}@{version} states no licence")
        (folder / "package.json").write_bytes(manifest)
        for member in archive.getmembers():
            top, _, name = member.name.partition("/")
            if top == "package" and "/" not in name and name.lower() in _LICENCE_NAMES:
                (folder / name).write_bytes(_member(archive, name))
        kept.add(str(folder.relative_to(ASSETS)))
    # A package's folder is "name@version" ("@scope" folders hold scoped packages' ones).
    folders = (p for p in ASSETS.rglob("*") if p.is_dir() and "@" in p.name[1:])
    for stale in sorted(folders):
        if str(stale.relative_to(ASSETS)) not in kept:
            shutil.rmtree(stale)
            write(f"removed {stale.relative_to(ASSETS)}\n")


if __name__ == "__main__":
    refresh()
