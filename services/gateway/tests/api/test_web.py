"""The web client's files as the gateway serves them: the page, its assets, their caching."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from careerstream.gateway.api.errors import install_error_handlers
from careerstream.gateway.api.web import (
    IMMUTABLE,
    REVALIDATE,
    STATIC_PREFIX,
    WEB_DIR,
    create_web_router,
)

ASSET_URL = re.compile(r'(?:href|src)="(/static/[^"]+)"')
MODULE_IMPORT = re.compile(r"""(?:^|\n)\s*import\b[^'"]*?from\s+['"](\./[^'"]+)['"]""")


async def _client(root: Path = WEB_DIR) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(create_web_router(root))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        yield client


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async for http in _client():
        yield http


async def test_the_page_is_served_at_the_root_and_always_revalidated(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["cache-control"] == REVALIDATE
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert '<html lang="zh-CN">' in page.text
    assert "{{ASSETS}}" not in page.text
    assert 'id="messages"' in page.text
    assert 'role="log"' in page.text

    again = await client.get("/", headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


async def test_every_asset_the_page_names_is_served_as_immutable(
    client: httpx.AsyncClient,
) -> None:
    page = (await client.get("/")).text
    urls = ASSET_URL.findall(page)
    assert {url.rsplit("/", 1)[1] for url in urls} >= {"app.js", "style.css", "favicon.svg"}
    versions = {url.split("/")[2] for url in urls}
    assert len(versions) == 1, "one release per page"
    for url in urls:
        asset = await client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["cache-control"] == IMMUTABLE
        assert asset.headers["x-content-type-options"] == "nosniff"
        assert asset.content
    script = await client.get(next(u for u in urls if u.endswith("app.js")))
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    style = await client.get(next(u for u in urls if u.endswith("style.css")))
    assert style.headers["content-type"] == "text/css; charset=utf-8"
    unchanged = await client.get(urls[0], headers={"If-None-Match": style.headers["etag"]})
    assert unchanged.status_code in (200, 304)


async def test_every_module_import_resolves_to_a_served_file(client: httpx.AsyncClient) -> None:
    page = (await client.get("/")).text
    base = next(u for u in ASSET_URL.findall(page) if u.endswith("app.js")).rsplit("/", 1)[0]
    modules = sorted(WEB_DIR.glob("*.js"))
    assert modules
    for module in modules:
        for target in MODULE_IMPORT.findall(module.read_text(encoding="utf-8")):
            served = await client.get(f"{base}/{target.removeprefix('./')}")
            assert served.status_code == 200, f"{module.name} imports missing {target}"


async def test_an_older_version_gets_the_current_file_without_long_caching(
    client: httpx.AsyncClient,
) -> None:
    stale = await client.get(f"{STATIC_PREFIX}/0123456789abcdef/app.js")
    assert stale.status_code == 200
    assert stale.headers["cache-control"] == REVALIDATE


@pytest.mark.parametrize(
    "path",
    [
        "/static/v/missing.js",
        "/static/v/%2e%2e/web.py",  # (an unencoded `..` is resolved by the client itself)
        "/static/v/..%2Fweb.py",
        "/static/v/index.html",  # the page is only served at `/`, with its version filled in
        "/static/v/",
    ],
)
async def test_nothing_outside_the_client_files_is_served(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_changed_file_makes_a_new_version(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<script type="module" src="{{ASSETS}}/app.js"></script>', encoding="utf-8"
    )
    (tmp_path / "app.js").write_text("console.log(1)\n", encoding="utf-8")
    async for client in _client(tmp_path):
        first = ASSET_URL.findall((await client.get("/")).text)[0]
        (tmp_path / "app.js").write_text("console.log(2)\n", encoding="utf-8")
        second = ASSET_URL.findall((await client.get("/")).text)[0]
        assert first != second
        assert (await client.get(second)).text == "console.log(2)\n"
