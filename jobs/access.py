"""Who sees a job: whoever started it, and the province administration; anyone else gets a 404."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from backend.api.exceptions import Forbidden
from hr.models import User
from jobs.models import Job


def job_scope_q(user: User) -> Q:
    if user.is_province_admin:
        return Q()
    return Q(started_by_id=user.pk)


def access_job(user: User, pk) -> Job:
    if not str(pk).isdigit():  # an id that cannot be a job's is simply not found
        raise Http404(_("No such job."))
    job = Job.objects.filter(job_scope_q(user), pk=int(pk)).select_related("started_by").first()
    if job is None:
        raise Http404(_("No such job."))
    return job


def access_job_starter(user: User) -> User:
    """A job runs as whoever started it, with their rights when it runs: an account deactivated since is refused
    (403 `job_starter_inactive`), as it would be at the door of the API."""
    if not user.is_active:
        raise Forbidden(_("The account that started this job is no longer active."), code="job_starter_inactive")
    return user
