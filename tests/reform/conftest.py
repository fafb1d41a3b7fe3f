"""Fixtures of the reform tests: uploaded evidence goes to a temporary MEDIA_ROOT."""

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT
