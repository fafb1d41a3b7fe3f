"""`manage.py forms_batch`: the same ZIP as the API's job, with its progress on stderr."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from jobs.models import Job
from tests.evaluations.factories import generated

pytestmark = pytest.mark.django_db


def test_the_command_writes_the_units_forms(org, tmp_path, settings):
    settings.FORMS_BATCH_CHUNK = 1
    cycle = generated(org.admin, org.a.unit)
    target = tmp_path / "phieu.zip"
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "forms_batch",
        cycle.pk,
        org.a.unit.code,
        actor=org.a.officer.username,
        output=str(target),
        stdout=out,
        stderr=err,
    )
    assert len(zipfile.ZipFile(target).namelist()) == 3
    assert "3/3" in err.getvalue() and str(target) in out.getvalue()
    job = Job.objects.get()
    assert job.started_by == org.a.officer and job.status == "SUCCEEDED" and job.parts_done == [0, 1, 2]


def test_the_command_checks_the_actor(org):
    cycle = generated(org.admin, org.a.unit)
    with pytest.raises(CommandError):
        call_command("forms_batch", cycle.pk, org.a.unit.code, actor=org.b.officer.username)
    with pytest.raises(CommandError):
        call_command("forms_batch", cycle.pk, org.a.unit.code, actor=org.a.staff.username)
    assert not Job.objects.exists()
