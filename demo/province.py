"""Build the whole demo province in one transaction: units, people, careers, logins."""

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from demo.accounts import DEMO_LOGINS, create_demo_logins, reservations
from demo.activity import ActivitySummary, Staff
from demo.careers import Reference
from demo.discipline_demo import seed_commendations, seed_discipline
from demo.dossier_demo import seed_dossier_basics, seed_login_dossiers
from demo.evaluations_demo import seed_evaluations
from demo.organisation import build_organisation
from demo.people import insert_people, make_person
from demo.portal_demo import seed_portal_login
from demo.reform_demo import seed_reform
from demo.staffing import plan_seats
from demo.structure import COMMUNE_REFORM
from demo.training_demo import seed_training
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

    With `activity`, also training, evaluations, discipline, commendations and reform appraisals (`seed_activity`).
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
        seed_dossier_basics(rng=random.Random(f"{seed}:dossier"))
        seed_login_dossiers(rng=random.Random(f"{seed}:dossier-logins"), as_of=as_of)
        activity_summary = seed_activity(seed=seed, as_of=as_of) if activity else None
    return SeedSummary(
        units=OrgUnit.objects.count(),
        employees=len(seats),
        assignments=assignments,
        salary_records=salary_records,
        logins=logins,
        activity=activity_summary,
    )


def seed_activity(*, seed: int, as_of: datetime.date) -> ActivitySummary:
    """Two years of activity up to `as_of`, done by the demo administrator; the same seed gives the same data."""
    admin = User.objects.get(username=DEMO_LOGINS[0].username)
    staff = Staff.load()
    summary = ActivitySummary()

    def rng(part: str) -> random.Random:
        # One stream per part, so changing one part does not reshuffle the others.
        return random.Random(f"{seed}:{part}")

    seed_training(rng=rng("training"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    seed_discipline(rng=rng("discipline"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    seed_evaluations(rng=rng("evaluations"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    seed_portal_login(rng=rng("portal"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    seed_commendations(rng=rng("commendations"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    seed_reform(rng=rng("reform"), admin=admin, staff=staff, as_of=as_of, summary=summary)
    return summary
