"""Swagger UI and ReDoc are served from this server's static files: no page of the docs names another host."""

import re

import pytest

pytestmark = pytest.mark.django_db
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
LOCAL_ASSET = re.compile(r"""(?:src|href)\s*=\s*["'](/static/[^"']+)["']""")


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_refer_to_no_other_host(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "http://" not in html and "https://" not in html
    assert "/static/drf_spectacular_sidecar/" in html


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_every_asset_of_the_docs_is_served_here(client, url):
    html = client.get(url).content.decode()
    assets = LOCAL_ASSET.findall(html)
    assert assets, html
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body, asset
        if asset.endswith((".js", ".css")):
            assert len(body) > 10_000, asset
