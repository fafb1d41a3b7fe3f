"""Celery tasks of evaluations: issuing a decided form (its PDF hash) after commit, and the managers' digest."""

import hashlib

from celery import shared_task
from django.conf import settings

from evaluations.models import Evaluation
from evaluations.services.digest import manager_digests_send as digests_send
from evaluations.services.forms import form_from_snapshot, render_pdf


# Retried with a growing delay: the form must be issued even if the database or storage hiccups once.
@shared_task(
    name="evaluations.tasks.evaluation_form_issue",
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def evaluation_form_issue(evaluation_id: int, version: int) -> str:
    """Render the frozen record of a decision and store its SHA-256: the form is then issued."""
    evaluation = Evaluation.objects.filter(pk=evaluation_id, version=version).first()
    if evaluation is None or not evaluation.snapshot:
        return ""
    if evaluation.pdf_sha256:  # a redelivered task: the form was issued already
        return evaluation.pdf_sha256
    digest = hashlib.sha256(render_pdf(form_from_snapshot(evaluation.snapshot))).hexdigest()
    # A derived value of the frozen snapshot, not an edit of the record: no history entry, and only while
    # still unissued, so a late duplicate never overwrites.
    Evaluation.objects.filter(pk=evaluation_id, version=version, pdf_sha256="").update(
        pdf_sha256=digest, pdf_version=version
    )
    return digest


@shared_task(name="evaluations.tasks.manager_digests_send")
def manager_digests_send() -> int:
    return digests_send(portal=settings.PORTAL_URL.rstrip("/"))
