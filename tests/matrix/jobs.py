"""Matrix cases for background jobs and notice preferences: a job is its starter's (and the province's)."""

from jobs.models import Job
from tests.matrix import EVERYONE, OK, Case, roles

STARTER_ONLY = roles(404, admin=OK, officer_a=OK)


def officer_a_job(org):
    job = Job.objects.filter(started_by=org.a.officer).first()
    return {"id": (job or Job.objects.create(kind="evaluation_forms", started_by=org.a.officer)).pk}


CASES = {
    ("GET", "/api/v1/jobs/"): Case(EVERYONE),
    ("GET", "/api/v1/jobs/{id}/"): Case(STARTER_ONLY, params=officer_a_job),
    # Not finished: the starter (and the province) get 409 job_not_finished, which judges the job, not them.
    ("GET", "/api/v1/jobs/{id}/download/"): Case(STARTER_ONLY, params=officer_a_job),
    ("GET", "/api/v1/me/notice-preferences/"): Case(EVERYONE),
    ("PATCH", "/api/v1/me/notice-preferences/"): Case(
        EVERYONE, body=lambda org: {"kind": "evaluation_step", "enabled": False}
    ),
}
