"""Matrix cases for the training endpoints.

Objects sit in agency A: classes organised by A's agency, enrolments of A's staff member, teaching of A's manager.
The public certificate check (/training/verify/) answers anonymous callers too.
"""

import datetime

from tests.matrix import (
    A_INPUT_WRITE,
    A_ROOM_READ,
    A_ROOM_READ_OWN,
    A_ROOM_WRITE,
    A_ROOM_WRITE_OWN_VISIBLE,
    ADMIN_ONLY,
    EVERYONE,
    OK,
    WRITERS_ONLY,
    Case,
    roles,
)
from tests.training.factories import ProgrammeFactory, enrol, finish, open_class, sessions, start, trained
from training.models import ContentArea, TopicTag
from training.services.teaching import teaching_record

# Whoever runs a class organised by agency A: administrators and A's personnel officer.
A_CLASS_RUN = roles(403, admin=OK, officer_a=OK)
A_ROOM_SUMMARY = roles(403, admin=OK, officer_a=OK, manager_a=OK)


def an_open_class(org):
    return {"id": open_class(org).pk}


def a_running_class(org):
    training_class = open_class(org)
    enrol(org.admin, training_class, org.a.staff.employee)
    sessions(org.admin, training_class, (training_class.start_date, 8))
    start(org.admin, training_class)
    return training_class


def running(org):
    return {"id": a_running_class(org).pk}


def a_staff_enrolment(org):
    (enrolment,) = enrol(org.admin, open_class(org), org.a.staff.employee)
    return {"id": enrolment.pk}


def a_staff_certificate(org):
    enrolment = trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 3, 7), certify=True)
    return enrolment.certificate


def a_completed_class(org):
    training_class = open_class(org)
    (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
    start(org.admin, training_class)
    finish(org.admin, training_class, {enrolment: "PASSED"})
    org.matrix_enrolment = enrolment
    return {"id": training_class.pk}


def a_manager_teaching(org):
    """A's manager (a leader) taught four periods of a running class of A."""
    teaching = teaching_record(
        actor=org.admin, training_class=a_running_class(org), employee=org.a.manager.employee, periods=4
    )
    return {"id": teaching.pk}


def teaching_body(org):
    return {"training_class": a_running_class(org).pk, "employee": org.a.manager.employee_id, "periods": 4}


def programme_body(org):
    return {
        "code": "MT-01",
        "name": "Bồi dưỡng chuyển đổi số",
        "content_area": "SCIENCE_DIGITAL",
        "programme_type": "OTHER",
        "periods": 16,
        "tags": ["REFORM_E_GOVERNMENT"],
    }


def class_body(org):
    return {
        "code": "MT-L1",
        "programme": ProgrammeFactory().pk,
        "organiser": org.a.unit.pk,
        "provider": "Trường Chính trị tỉnh",
        "start_date": "2025-09-08",
        "end_date": "2025-09-12",
        "delivery": "ONLINE",
        "capacity": 20,
    }


def programme(org):
    return {"id": ProgrammeFactory().pk}


CASES = {
    ("GET", "/api/v1/me/training/"): Case(EVERYONE),
    ("GET", "/api/v1/training/content-areas/"): Case(EVERYONE),
    ("GET", "/api/v1/training/content-areas/{id}/"): Case(
        EVERYONE, params=lambda org: {"id": ContentArea.objects.first().pk}
    ),
    ("GET", "/api/v1/training/tags/"): Case(EVERYONE),
    ("GET", "/api/v1/training/tags/{id}/"): Case(EVERYONE, params=lambda org: {"id": TopicTag.objects.first().pk}),
    ("GET", "/api/v1/training/programmes/"): Case(EVERYONE),
    ("POST", "/api/v1/training/programmes/"): Case(ADMIN_ONLY, body=programme_body),
    ("GET", "/api/v1/training/programmes/{id}/"): Case(EVERYONE, params=programme),
    ("PUT", "/api/v1/training/programmes/{id}/"): Case(ADMIN_ONLY, params=programme, body=programme_body),
    ("PATCH", "/api/v1/training/programmes/{id}/"): Case(
        ADMIN_ONLY, params=programme, body=lambda org: {"periods": 24}
    ),
    ("GET", "/api/v1/training/programmes/{id}/history/"): Case(EVERYONE, params=programme),
    ("GET", "/api/v1/training/classes/"): Case(EVERYONE),
    ("POST", "/api/v1/training/classes/"): Case(A_INPUT_WRITE, body=class_body),
    ("GET", "/api/v1/training/classes/{id}/"): Case(EVERYONE, params=an_open_class),
    ("PATCH", "/api/v1/training/classes/{id}/"): Case(
        A_CLASS_RUN, params=an_open_class, body=lambda org: {"capacity": 25}
    ),
    ("GET", "/api/v1/training/classes/{id}/history/"): Case(EVERYONE, params=an_open_class),
    ("POST", "/api/v1/training/classes/{id}/status/"): Case(
        A_CLASS_RUN, params=an_open_class, body=lambda org: {"status": "IN_PROGRESS"}
    ),
    ("POST", "/api/v1/training/classes/{id}/enrol/"): Case(
        WRITERS_ONLY, params=an_open_class, body=lambda org: {"employee": org.a.staff.employee_id}
    ),
    ("GET", "/api/v1/training/classes/{id}/enrolments/"): Case(EVERYONE, params=running),
    ("GET", "/api/v1/training/classes/{id}/sessions/"): Case(EVERYONE, params=running),
    ("POST", "/api/v1/training/classes/{id}/sessions/"): Case(
        A_CLASS_RUN, params=running, body=lambda org: {"date": "2025-03-05", "periods": 8}
    ),
    ("POST", "/api/v1/training/classes/{id}/attendance/"): Case(
        A_CLASS_RUN,
        params=lambda org: {"id": _running_with(org).pk},
        body=lambda org: {
            "session": org.matrix_class.sessions.get().pk,
            "records": [{"enrolment": org.matrix_class.enrolments.get().pk, "present": True}],
        },
    ),
    ("POST", "/api/v1/training/classes/{id}/results/"): Case(
        A_CLASS_RUN,
        params=lambda org: {"id": _running_with(org).pk},
        body=lambda org: {"results": [{"enrolment": org.matrix_class.enrolments.get().pk, "result": "PASSED"}]},
    ),
    ("POST", "/api/v1/training/classes/{id}/certificates/"): Case(
        A_CLASS_RUN,
        params=a_completed_class,
        body=lambda org: {"enrolment": org.matrix_enrolment.pk, "number": "MT-CC-1", "issue_date": "2025-03-10"},
    ),
    ("GET", "/api/v1/training/enrolments/"): Case(EVERYONE),
    ("GET", "/api/v1/training/enrolments/{id}/"): Case(A_ROOM_READ_OWN, params=a_staff_enrolment),
    ("GET", "/api/v1/training/enrolments/{id}/history/"): Case(A_ROOM_READ_OWN, params=a_staff_enrolment),
    ("POST", "/api/v1/training/enrolments/{id}/withdraw/"): Case(A_ROOM_WRITE_OWN_VISIBLE, params=a_staff_enrolment),
    ("GET", "/api/v1/training/teaching/"): Case(EVERYONE),
    ("POST", "/api/v1/training/teaching/"): Case(A_INPUT_WRITE, body=teaching_body),
    ("GET", "/api/v1/training/teaching/{id}/"): Case(A_ROOM_READ, params=a_manager_teaching),
    ("GET", "/api/v1/training/teaching/{id}/history/"): Case(A_ROOM_READ, params=a_manager_teaching),
    ("POST", "/api/v1/training/teaching/{id}/cancel/"): Case(
        A_ROOM_WRITE, params=a_manager_teaching, body=lambda org: {"reason": "Ghi nhầm lớp"}
    ),
    ("GET", "/api/v1/training/certificates/"): Case(EVERYONE),
    ("GET", "/api/v1/training/certificates/{id}/"): Case(
        A_ROOM_READ_OWN, params=lambda org: {"id": a_staff_certificate(org).pk}
    ),
    ("GET", "/api/v1/training/certificates/{id}/history/"): Case(
        A_ROOM_READ_OWN, params=lambda org: {"id": a_staff_certificate(org).pk}
    ),
    ("GET", "/api/v1/training/verify/{code}/"): Case(
        EVERYONE, params=lambda org: {"code": a_staff_certificate(org).verification_code}
    ),
    ("GET", "/api/v1/training/compliance/"): Case(EVERYONE, query=lambda org: {"year": 2025}),
    ("GET", "/api/v1/training/compliance/summary/"): Case(
        A_ROOM_SUMMARY, query=lambda org: {"unit": org.a.room.pk, "year": 2025}
    ),
    ("GET", "/api/v1/training/records/{employee_id}/"): Case(
        A_ROOM_READ_OWN, params=lambda org: {"employee_id": org.a.staff.employee_id}
    ),
}


def _running_with(org):
    """A running class of A with A's staff member and one session day, remembered on `org` for the body."""
    org.matrix_class = a_running_class(org)
    return org.matrix_class
