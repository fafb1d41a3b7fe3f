"""The README and the deployment guide point only at documents inside the repository, and each one exists."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path in backticks with a folder in it (`docs/BACKUP.md`, `../shared/DOMAIN.md`); bare file names are examples.
CODE_PATH = re.compile(r"`([\w.-]*/[\w./-]+\.(?:md|py|txt|toml|sh))`")


@pytest.mark.parametrize("document", ["README.md", "docs/DEPLOY.md"])
def test_every_referenced_document_is_in_the_repository(document):
    text = (ROOT / document).read_text(encoding="utf-8")
    targets = LINK.findall(text) + CODE_PATH.findall(text)
    assert targets
    for target in targets:
        assert not target.startswith(("http://", "https://", "../", "/")), target
        assert (ROOT / target).resolve().is_relative_to(ROOT), target
        assert (ROOT / target).exists(), target
