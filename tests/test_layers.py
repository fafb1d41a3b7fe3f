"""The layers contract (pyproject.toml [tool.importlinter]) bites: a copy of the code given one forbidden import
fails `lint-imports`, which names that import."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def lint_copy_with(tmp_path: Path, module: str, source: str) -> subprocess.CompletedProcess:
    """Copy the root packages' code to `tmp_path`, add `module` with `source`, and lint the copy."""
    for package in CONFIG["root_packages"]:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "*.mo", "*.po"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / Path(*module.split("."))).with_suffix(".py").write_text(f'"""Forbidden."""\n\n{source}\n')
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("hr.upward", "training.selectors.records"),  # hr is below every other app
        ("evaluations.upward", "reform.selectors.appraisals"),  # the head cap is written down to hr instead
        ("training.sideways", "evaluations.models"),  # siblings of one layer are independent
        ("exchange.upward", "demo.province"),  # nothing imports the demo builder
        ("backend.upward", "reform.models"),  # backend is below every app
        ("rules.upward", "hr.models"),  # rules/ declares data; migrations apply it through apps.get_model
    ],
)
def test_a_forbidden_import_fails_lint_imports(tmp_path, module, imported):
    result = lint_copy_with(tmp_path, module, f"import {imported}")
    assert result.returncode == 1, result.stdout + result.stderr
    importer_app, imported_app = module.split(".")[0], imported.split(".")[0]
    assert f"{importer_app} is not allowed to import {imported_app}" in result.stdout
    assert f"- {module} -> {imported} (l.3)" in result.stdout
