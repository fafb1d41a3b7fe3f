"""`manage.py forms_batch <cycle id> <unit code> --actor USERNAME [-o FILE]`: a unit's forms ZIP, with progress."""

import time
from pathlib import Path

from celery import current_app
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from backend.api.exceptions import ApplicationError
from evaluations.models import EvaluationCycle
from evaluations.services.forms_batch import KIND, forms_batch_check
from hr.models import OrgUnit, User
from jobs.models import Job, JobStatus
from jobs.services import job_run_here, job_start


class Command(BaseCommand):
    help = "Render every current form of a unit (and its subtree) in a cycle into one ZIP, as the API's job does."

    def add_arguments(self, parser):
        parser.add_argument("cycle", type=int, help="the cycle's id")
        parser.add_argument("unit", help="the unit's code")
        parser.add_argument("--actor", required=True, help="the account whose right to the forms is checked")
        parser.add_argument("-o", "--output", help="where to write the ZIP (default: the job's file name)")
        parser.add_argument(
            "--queue", action="store_true", help="send the job to the Celery workers and follow it (needs a broker)"
        )

    def handle(self, *args, cycle, unit, actor, output, queue, **options):
        try:
            user = User.objects.get(username=actor, is_active=True)
            the_cycle = EvaluationCycle.objects.get(pk=cycle)
            the_unit = OrgUnit.objects.get(code=unit)
        except (User.DoesNotExist, EvaluationCycle.DoesNotExist, OrgUnit.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        try:
            forms_batch_check(user, the_unit)
        except ApplicationError as error:
            raise CommandError(str(error.detail)) from error
        params = {"cycle": the_cycle.pk, "unit": the_unit.pk}
        with tqdm(total=None, unit=_("form"), file=self.stderr._out) as bar:
            if queue and not current_app.conf.task_always_eager:
                job = self._follow(job_start(actor=user, kind=KIND, params=params), bar)
            else:
                job = job_start(actor=user, kind=KIND, params=params, queue=False)
                job = job_run_here(job, on_part=lambda done, total: self._draw(bar, done, total))
        if job.status != JobStatus.SUCCEEDED:
            raise CommandError(f"{job.error_code}: {job.error_detail}")
        target = Path(output or job.result_name)
        with job.result.open("rb") as source:
            target.write_bytes(source.read())
        self.stdout.write(
            _("%(count)d forms written to %(file)s (job %(job)d).")
            % {"count": job.total, "file": target, "job": job.pk}
        )

    @staticmethod
    def _draw(bar, done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    def _follow(self, job: Job, bar) -> Job:
        while True:
            job.refresh_from_db()
            self._draw(bar, job.done, job.total)
            if job.is_finished:
                return job
            time.sleep(0.5)
