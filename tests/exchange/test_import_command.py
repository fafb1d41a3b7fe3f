"""`manage.py import_records`: the same import from the shell, with a progress bar on stderr."""

import io

import pytest
from django.core.management import CommandError, call_command

from hr.models import Employee
from tests.exchange.conftest import csv_bytes, person, xlsx_bytes

pytestmark = pytest.mark.django_db


def _run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_records", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class ImportCommandTests:
    def test_dry_run_then_real_run_with_progress(self, org, tmp_path):
        path = tmp_path / "can-bo.xlsx"
        path.write_bytes(xlsx_bytes([person(org.a.room.code, n) for n in range(1, 6)]))
        out, err = _run("employees", str(path), "--dry-run")
        assert "5 dòng: 5 thêm mới" in out
        assert "Chạy thử" in out
        assert not Employee.objects.filter(national_id__startswith="011191").exists()
        out, err = _run("employees", str(path), "--actor", org.a.officer.username)
        assert "5 dòng: 5 thêm mới" in out
        assert "Kiểm tra" in err
        assert "100% 5/5" in err
        assert Employee.objects.filter(national_id__startswith="011191").count() == 5
        assert Employee.objects.get(national_id="011191000001").history.get().history_user == org.a.officer

    def test_errors_are_listed_and_nothing_is_written(self, org, tmp_path):
        path = tmp_path / "can-bo.csv"
        path.write_bytes(csv_bytes([person(org.a.room.code, 1), person(org.b.room.code, 2)]))
        with pytest.raises(CommandError, match="Không ghi gì"):
            _run("employees", str(path), "--actor", org.a.officer.username, "--no-progress")
        assert not Employee.objects.filter(national_id__startswith="011191").exists()

    def test_without_actor_the_whole_province_is_in_scope(self, org, tmp_path):
        path = tmp_path / "can-bo.csv"
        path.write_bytes(csv_bytes([person(org.a.room.code, 1), person(org.b.room.code, 2)]))
        out, _err = _run("employees", str(path), "--no-progress")
        assert "2 thêm mới" in out

    def test_bad_arguments(self, org, tmp_path):
        with pytest.raises(CommandError):
            _run("employees", str(tmp_path / "missing.csv"))
        path = tmp_path / "a.csv"
        path.write_bytes(csv_bytes([person(org.a.room.code, 1)]))
        with pytest.raises(CommandError):
            _run("employees", str(path), "--actor", "nobody")
        with pytest.raises(CommandError):
            _run("employees", str(path), "--actor", org.a.manager.username)
        with pytest.raises(CommandError):
            _run("payslips", str(path))
