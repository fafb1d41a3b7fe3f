"""Build the whole demo province in one transaction: units, people, careers, logins."""

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from hr.demo.accounts import create_demo_logins, reservations
from hr.demo.activity import ActivitySummary, seed_activity
from hr.demo.careers import Reference
from hr.demo.organisation import build_organisation
from hr.demo.people import insert_people, make_person
from hr.demo.staffing import plan_seats
from hr.demo.structure import COMMUNE_REFORM
from hr.models import OrgUnit, User

CHUNK = 5000


class DemoError(ValueError):
    """The demo cannot be built with these arguments or into this database."""


@dataclass
class SeedSummary:
    units: int
    employees: int
    assignments: int
    salary_records: int
    logins: list[User]
    activity: ActivitySummary | None = None


@transaction.atomic
def seed_province(*, seed: int, staff: int, as_of: datetime.date, activity: bool = False) -> SeedSummary:
    """Insert a Sơn La–style province with `staff` people; the same seed gives the same data.

    With `activity`, also training, evaluations, discipline, commendations and reform appraisals (`hr.demo.activity`).
    """
    if OrgUnit.objects.exists():
        raise DemoError("The database already has organisation units; the demo is built only into an empty one.")
    if not COMMUNE_REFORM <= as_of <= datetime.date.today():
        raise DemoError(f"The reference date must be between {COMMUNE_REFORM} and today.")
    rng = random.Random(seed)
    # Notes such as "Recruitment" are stored in the site's language, as the services store them.
    with translation.override(settings.LANGUAGE_CODE):
        organisation = build_organisation()
        ref = Reference.load()
        seats = plan_seats(organisation, staff=staff, reservations=reservations())
        used_ids: set[str] = set()
        reserved, assignments, salary_records = {}, 0, 0
        # In chunks, so a benchmark-sized province does not hold every row in memory at once.
        for start in range(0, len(seats), CHUNK):
            persons = [make_person(rng, seat, ref, as_of, used_ids) for seat in seats[start : start + CHUNK]]
            counts = insert_people(persons, ref)
            assignments, salary_records = assignments + counts[0], salary_records + counts[1]
            reserved |= {person.seat.reserved: person.employee for person in persons if person.seat.reserved}
        logins = create_demo_logins(reserved)
        activity_summary = seed_activity(seed=seed, as_of=as_of) if activity else None
    return SeedSummary(
        units=OrgUnit.objects.count(),
        employees=len(seats),
        assignments=assignments,
        salary_records=salary_records,
        logins=logins,
        activity=activity_summary,
    )
