"""Certificates for passed results of completed classes, each with a unique verification code."""

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from hr.models import User
from training.access import access_enrolments_for_run
from training.models import Certificate, ClassStatus, Enrolment, EnrolmentStatus, Result
from training.notices import certificate_notices


def _new_code() -> str:
    # 20 hex characters from the OS random source: unguessable, short enough to type from paper.
    return secrets.token_hex(10).upper()


@transaction.atomic
def certificate_issue(
    *, actor: User | None, enrolment: Enrolment, number: str, issue_date: datetime.date
) -> Certificate:
    """Issue the certificate of a passed result once the class is completed."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("training_class__organiser", "employee")
        .get(pk=enrolment.pk)
    )
    access_enrolments_for_run(actor, enrolment.training_class, [enrolment], field="enrolment")
    if enrolment.training_class.status != ClassStatus.COMPLETED:
        raise Conflict(_("Certificates are issued once the class is completed."), code="class_not_completed")
    if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.result != Result.PASSED:
        raise ApplicationError(_("Only a passed result earns a certificate."), field="enrolment", code="not_passed")
    if Certificate.objects.filter(enrolment=enrolment).exists():
        raise ApplicationError(
            _("A certificate has already been issued for this enrolment."), field="enrolment", code="certificate_exists"
        )
    if issue_date < enrolment.training_class.end_date:
        raise ApplicationError(
            _("The certificate cannot be issued before the class ends."), field="issue_date", code="before_class_end"
        )
    if issue_date > timezone.localdate():
        raise ApplicationError(_("The issue date is in the future."), field="issue_date", code="future_date")
    certificate = Certificate(
        enrolment=enrolment, number=number, issue_date=issue_date, verification_code=_new_code(), issued_by=actor
    )
    certificate._history_user = actor
    certificate.full_clean()
    certificate.save()
    certificate_notices(certificate)
    return certificate
