"""Pages refer to no other host: every stylesheet, script, image and link target is served by the application."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db
EXTERNAL = re.compile(r"""(?:src|href|action|srcset)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
URL_IN_CSS = re.compile(r"url\(\s*['\"]?(?:https?:)?//|@import", re.IGNORECASE)


def _pages(org, staff_evaluation):
    return {
        None: ["portal:login", "portal:password-reset"],
        org.a.staff: [
            "portal:home",
            "portal:my-record",
            "portal:my-training",
            "portal:my-evaluations",
            "portal:my-discipline",
            ("portal:evaluation", staff_evaluation.pk),
        ],
        org.a.manager: ["portal:tasks", "portal:unit"],
        org.a.officer: ["portal:cycles", ("portal:cycle", staff_evaluation.cycle_id)],
    }


def test_no_page_refers_to_another_host(org, staff_evaluation, training_years, login):
    from django.test import Client

    for user, names in _pages(org, staff_evaluation).items():
        client = login(user) if user else Client()
        for name in names:
            url = reverse(name[0], args=[name[1]]) if isinstance(name, tuple) else reverse(name)
            html = client.get(url).content.decode()
            assert not EXTERNAL.search(html), (url, EXTERNAL.search(html))
            assert "http://" not in html and "https://" not in html, url


def test_the_assets_are_local_files_without_remote_imports():
    for asset in ("portal/portal.css", "portal/portal.js", "portal/favicon.svg"):
        path = finders.find(asset)
        assert path, asset
        text = Path(path).read_text(encoding="utf-8")
        assert not URL_IN_CSS.search(text), asset
    assert "http" not in Path(finders.find("portal/portal.js")).read_text(encoding="utf-8")
