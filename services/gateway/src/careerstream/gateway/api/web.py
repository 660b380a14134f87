"""The web client: `/` and its static files, served by the gateway.

The client is plain JavaScript modules, CSS and one HTML page in `web/`, with no build
step. Its files are served under `/static/<version>/…`, where the version is a hash of
every file in `web/`: the page (always revalidated) names the current version, so the
assets themselves can be cached for a year as immutable, and a new release is picked up
by the next page load. Relative `import`s between modules stay inside the versioned
directory, so every file of one page load comes from the same release.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

WEB_DIR = Path(__file__).resolve().parent / "web"
STATIC_PREFIX = "/static"
INDEX = "index.html"
# Placeholder in index.html for the versioned asset directory, e.g. `/static/3f2a…`.
ASSETS_MARK = "{{ASSETS}}"

# Only these kinds of file are served; anything else in the directory is not.
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# The page loads only its own scripts and styles and talks only to its own origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    media_type: str
    etag: str


@dataclass(frozen=True)
class Release:
    """Every servable file of `web/`, read once, and the version they make together."""

    version: str
    assets: dict[str, Asset]
    index: Asset
    stamp: tuple[tuple[str, int, int], ...]


def _etag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:20] + '"'


def _stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and mtime of every file: cheap to take, changes whenever a file does."""
    entries = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            info = path.stat()
            entries.append((path.relative_to(root).as_posix(), info.st_size, info.st_mtime_ns))
    return tuple(entries)


def load_release(root: Path = WEB_DIR) -> Release:
    stamp = _stamp(root)
    digest = hashlib.sha256()
    assets: dict[str, Asset] = {}
    for name, _, _ in stamp:
        data = (root / name).read_bytes()
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        media_type = MEDIA_TYPES.get(PurePosixPath(name).suffix.lower())
        if media_type is not None:
            assets[name] = Asset(data, media_type, _etag(data))
    version = digest.hexdigest()[:16]
    page = (
        (root / INDEX)
        .read_bytes()
        .replace(ASSETS_MARK.encode(), f"{STATIC_PREFIX}/{version}".encode())
    )
    index = Asset(page, "text/html; charset=utf-8", _etag(page))
    return Release(version=version, assets=assets, index=index, stamp=stamp)


class WebClient:
    """Holds the current release; reloads it when a file in `web/` changes (development)."""

    def __init__(self, root: Path = WEB_DIR) -> None:
        self.root = root
        self._release = load_release(root)

    def release(self) -> Release:
        if _stamp(self.root) != self._release.stamp:
            self._release = load_release(self.root)
        return self._release


def _answer(request: Request, asset: Asset, cache_control: str, *, page: bool) -> Response:
    headers = {"ETag": asset.etag, "Cache-Control": cache_control}
    if page:
        headers.update(SECURITY_HEADERS)
    else:
        headers["X-Content-Type-Options"] = "nosniff"
    if asset.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)


def create_web_router(root: Path = WEB_DIR) -> APIRouter:
    """`GET /` (the page) and `GET /static/<version>/<file>` (its scripts, styles, images)."""
    client = WebClient(root)
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    async def index(request: Request) -> Response:
        return _answer(request, client.release().index, REVALIDATE, page=True)

    @router.get(STATIC_PREFIX + "/{version}/{name:path}")
    async def static(request: Request, version: str, name: str) -> Response:
        release = client.release()
        # A lookup among the files read at load time: no path ever reaches the filesystem.
        asset = release.assets.get(name)
        if asset is None:
            raise HTTPException(404, f"No file {name!r} in the web client.")
        # An older version's URL (a page loaded before a release) still gets today's file,
        # but not for keeps: only the current version is cached as immutable.
        cache = IMMUTABLE if version == release.version else REVALIDATE
        return _answer(request, asset, cache, page=False)

    return router


router = create_web_router()
