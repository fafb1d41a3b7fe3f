"""E-mail notices of training: a person enrolled in a class, a certificate issued."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.kinds import NoticeKind, notice_kind_register
from notifications.services import notices_create
from training.models import Certificate, Enrolment

ENROLLED = "training_enrolled"
CERTIFIED = "training_certificate"

notice_kind_register(
    NoticeKind(ENROLLED, _("Enrolment in a training class")),
    NoticeKind(CERTIFIED, _("Training certificate issued")),
)


def _portal() -> str:
    return settings.PORTAL_URL.rstrip("/")


def enrolments_notices(enrolments: list[Enrolment]) -> None:
    """Tell each person enrolled (sent after the enrolment commits)."""
    for enrolment in enrolments:
        notices_create(
            kind=ENROLLED,
            event_key=f"enrolment:{enrolment.pk}",
            recipients=[enrolment.employee],
            template="training/notices/enrolled",
            context={"enrolment": enrolment, "training_class": enrolment.training_class, "portal": _portal()},
        )


def certificate_notices(certificate: Certificate) -> None:
    enrolment = certificate.enrolment
    notices_create(
        kind=CERTIFIED,
        event_key=f"certificate:{certificate.pk}",
        recipients=[enrolment.employee],
        template="training/notices/certificate",
        context={"certificate": certificate, "training_class": enrolment.training_class, "portal": _portal()},
    )
