"""`manage.py seed_demo`: the demo province's shape, its people's records, logins, activity, determinism,
--if-empty and --no-activity."""

import datetime
import io
import itertools
import math
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.test import TestCase, override_settings

from demo.accounts import DEMO_LOGINS
from demo.structure import COMMUNE_REFORM, DEPARTMENT_MERGER, DEPARTMENTS
from dossier.models import FamilyMember, GroupRecord, Qualification
from evaluations.models import Evaluation, EvaluationCycle
from evaluations.selectors.statistics import evaluation_timeliness
from hr.identity import national_id_mismatch, validate_national_id
from hr.models import (
    RATING_ORDER,
    AnnualRating,
    Assignment,
    Award,
    Category,
    Commendation,
    DisciplineForm,
    DisciplineRecord,
    Employee,
    OrgUnit,
    RatingLevel,
    Role,
    SalaryRecord,
    UnitKind,
    UnitLevel,
    UnitReformResult,
    User,
)
from hr.selectors.discipline import disciplined_for_duty_in_year
from reform.models import Appraisal, AppraisalStatus
from reform.selectors.appraisals import head_rating_cap
from tests.backend.test_pdf import text_of
from tests.sync.test_dossier import VALIDATOR as DOSSIER_SCHEMA
from training.models import Certificate, ClassStatus, Enrolment, Result, TrainingClass
from training.selectors.compliance import unit_compliance_figures

# The smallest province the command accepts is 615 people (every agency's leaders and room heads).
STAFF = 640
AS_OF = datetime.date(2026, 11, 1)
LAST_YEAR = AS_OF.year - 1
DECIDED = ("DECIDED", "NOTIFIED")
UNCHANGED_COMMUNES = {"Mường Lạn", "Phiêng Khoài", "Suối Tọ", "Ngọc Chiến", "Tân Yên", "Mường Bám", "Mường Lèo"}


def seed(**options) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, **{"staff": STAFF, "as_of": AS_OF, **options})
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Employee.objects.order_by("pk").values_list(
            "unit__code",
            "position__code",
            "full_name",
            "national_id",
            "date_of_birth",
            "rank__code",
            "salary_step__step",
        )
    )


def activity_snapshot() -> dict[str, list[tuple]]:
    """The activity by natural keys (ids differ between runs on PostgreSQL; verification codes are random)."""
    person = "employee__national_id"
    return {
        "enrolments": list(
            Enrolment.objects.order_by("training_class__code", person).values_list(
                "training_class__code", "training_class__status", person, "result", "periods_credited"
            )
        ),
        "certificates": list(Certificate.objects.order_by("number").values_list("number", "issue_date")),
        "evaluations": list(
            Evaluation.objects.order_by("cycle__year", person).values_list(
                "cycle__year", person, "status", "final_rating", "completed_pct"
            )
        ),
        "discipline": list(
            DisciplineRecord.objects.order_by("decision_number").values_list(
                "decision_number", person, "form", "decision_date", "effect_end"
            )
        ),
        "commendations": list(Commendation.objects.order_by(person, "award").values_list(person, "award", "year")),
        "appraisals": list(
            Appraisal.objects.order_by("unit__code").values_list("unit__code", "status", "percentage", "band__code")
        ),
        "logins": list(User.objects.order_by("username").values_list("username", "employee__national_id")),
    }


@pytest.fixture(scope="module", autouse=True)
def media_root(tmp_path_factory):
    """Reform evidence uploaded by the demo goes to a temporary MEDIA_ROOT."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """One seeded province shared by a class of read-only tests, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        # As if the seeding had committed: the decided forms are issued (their hashes stored), notices sent.
        with TestCase.captureOnCommitCallbacks(execute=True):
            output = seed()
        yield output
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestSeededProvince:
    def test_province_departments_and_public_service_units(self):
        root = OrgUnit.objects.get(parent=None)
        assert (root.name, root.kind, root.level) == ("UBND tỉnh Sơn La", UnitKind.PROVINCE, UnitLevel.PROVINCE)
        departments = OrgUnit.objects.filter(parent=root, kind=UnitKind.DEPARTMENT, valid_to__isnull=True)
        names = set(departments.values_list("name", flat=True))
        assert {"Sở Nội vụ", "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"} <= names
        assert {"Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"} <= names
        assert departments.count() == len(DEPARTMENTS)
        assert OrgUnit.objects.filter(parent=root, kind=UnitKind.PUBLIC_SERVICE_UNIT).count() >= 4
        snv = OrgUnit.objects.get(code="SNV")
        rooms = set(OrgUnit.objects.filter(parent=snv).values_list("name", flat=True))
        assert {"Văn phòng – Sở Nội vụ", "Phòng Cải cách hành chính – Sở Nội vụ"} <= rooms
        assert OrgUnit.objects.filter(kind=UnitKind.SUB_DEPARTMENT, name__startswith="Chi cục").exists()

    def test_seventy_five_communes_sixty_seven_xa_eight_phuong(self):
        communes = OrgUnit.objects.filter(level=UnitLevel.COMMUNE, kind__in=[UnitKind.COMMUNE, UnitKind.WARD])
        assert communes.count() == 75
        assert communes.filter(kind=UnitKind.COMMUNE).count() == 67
        assert set(communes.filter(kind=UnitKind.WARD).values_list("name", flat=True)) == {
            f"UBND phường {name}"
            for name in (
                "Tô Hiệu",
                "Chiềng An",
                "Chiềng Cơi",
                "Chiềng Sinh",
                "Mộc Châu",
                "Mộc Sơn",
                "Vân Sơn",
                "Thảo Nguyên",
            )
        }
        for commune in communes:
            rooms = set(OrgUnit.objects.filter(parent=commune).values_list("kind", "valid_from"))
            assert rooms == {(UnitKind.ROOM, COMMUNE_REFORM)}
            assert OrgUnit.objects.filter(parent=commune).count() == 4

    def test_legacy_districts_end_on_30_june_2025_and_are_predecessors_of_new_communes(self):
        districts = OrgUnit.objects.filter(kind=UnitKind.DISTRICT)
        assert districts.count() == 12
        assert set(districts.values_list("level", "valid_to")) == {(UnitLevel.DISTRICT, datetime.date(2025, 6, 30))}
        assert districts.filter(name="UBND thành phố Sơn La").exists()
        assert all(d.successors.count() >= 1 for d in districts)
        communes = OrgUnit.objects.filter(level=UnitLevel.COMMUNE, parent__kind=UnitKind.PROVINCE)
        unchanged = communes.filter(predecessors__isnull=True)
        assert {c.name.split(" ", 2)[2] for c in unchanged} == UNCHANGED_COMMUNES
        assert set(unchanged.values_list("valid_from", flat=True)) != {COMMUNE_REFORM}
        formed = communes.exclude(pk__in=unchanged).annotate(n=Count("predecessors"))
        assert formed.count() == 68
        for commune in formed:
            assert commune.n == 1
            assert commune.predecessors.get().kind == UnitKind.DISTRICT
            assert commune.valid_from == COMMUNE_REFORM
        # Rooms of a district end with it.
        assert not OrgUnit.objects.filter(parent__kind=UnitKind.DISTRICT, valid_to__isnull=True).exists()

    def test_merged_departments_keep_their_lineage(self):
        merged = OrgUnit.objects.get(code="SNNMT")
        assert merged.valid_from == DEPARTMENT_MERGER
        predecessors = merged.predecessors.all()
        assert set(predecessors.values_list("name", flat=True)) == {
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Tài nguyên và Môi trường",
        }
        assert {p.valid_to for p in predecessors} == {DEPARTMENT_MERGER - datetime.timedelta(days=1)}

    def test_tree_paths_and_history_rows(self):
        units = {u.pk: u for u in OrgUnit.objects.all()}
        for unit in units.values():
            parent = units.get(unit.parent_id)
            assert unit.path == (parent.path if parent else "") + f"{unit.pk:06d}."
            assert unit.depth == (parent.depth + 1 if parent else 0)
        assert OrgUnit.history.filter(history_type="+").count() == len(units)
        assert Employee.history.filter(history_type="+").count() == Employee.objects.count() == STAFF

    def test_ids_are_valid_and_agree_with_birth_date_and_sex(self):
        people = list(Employee.objects.all())
        assert len({p.national_id for p in people}) == STAFF
        for person in people:
            validate_national_id(person.national_id)
            assert national_id_mismatch(person.national_id, person.date_of_birth, person.sex) is None
        by_province = Counter(p.national_id[:3] for p in people)
        assert by_province.most_common(1)[0][0] == "014"
        assert Counter(p.ethnicity for p in people).most_common(1)[0][0] == "Thái"
        assert {"Thái", "Kinh", "H'Mông", "Mường", "Dao"} <= {p.ethnicity for p in people}

    def test_records_follow_their_dated_assignments_and_salary_decisions(self):
        assignments, salaries = {}, {}
        for row in Assignment.objects.select_related("unit").order_by("start_date", "id"):
            assignments.setdefault(row.employee_id, []).append(row)
        for row in SalaryRecord.objects.select_related("rank", "salary_step").order_by("effective_date", "id"):
            salaries.setdefault(row.employee_id, []).append(row)
        for person in Employee.objects.all():
            periods = assignments[person.pk]
            assert periods[0].start_date == person.recruitment_date
            for earlier, later in itertools.pairwise(periods):
                assert earlier.end_date == later.start_date - datetime.timedelta(days=1)
            for period in periods:
                assert period.unit.is_valid_on(period.start_date)
                assert period.unit.is_valid_on(period.end_date or AS_OF)
            assert (periods[-1].end_date, periods[-1].unit_id, periods[-1].position_id) == (
                None,
                person.unit_id,
                person.position_id,
            )
            records = salaries.get(person.pk, [])
            if person.category == Category.CONTRACT:
                assert not records and person.rank_id is None
                continue
            assert records[0].effective_date == person.recruitment_date
            assert all(r.salary_step.scale_id == r.rank.scale_id for r in records)
            latest = records[-1]
            assert (latest.rank_id, latest.salary_step_id, latest.coefficient, latest.effective_date) == (
                person.rank_id,
                person.salary_step_id,
                person.salary_coefficient,
                person.salary_date,
            )
            assert latest.effective_date <= AS_OF

    def test_some_staff_moved_from_a_district_to_a_commune_on_1_july_2025(self):
        moved = Assignment.objects.filter(start_date=COMMUNE_REFORM, unit__level=UnitLevel.COMMUNE)
        moved = moved.filter(employee__assignments__unit__level=UnitLevel.DISTRICT).distinct()
        assert moved.exists()
        person = moved.first().employee
        before = person.assignments.get(unit__level=UnitLevel.DISTRICT)
        assert before.end_date == datetime.date(2025, 6, 30)

    def test_leaders_categories_and_ranks(self):
        for code in ("SNV", "STC", "SYT"):
            leaders = Counter(Employee.objects.filter(unit__code=code).values_list("position__code", flat=True))
            assert (leaders["GD_SO"], leaders["PGD_SO"]) == (1, 2)
        chairs = Employee.objects.filter(position__code="CT_UBND_XA")
        assert chairs.count() == 75
        assert set(chairs.values_list("category", flat=True)) == {Category.CAN_BO}
        assert Employee.objects.filter(position__code="PCT_UBND_XA").count() == 150
        assert set(Employee.objects.filter(position__code="GD_SO").values_list("rank__code", flat=True)) <= {
            "01.001",
            "01.002",
        }
        assert Employee.objects.filter(unit__kind=UnitKind.ROOM, position__code="TP_XA").count() == 225
        public_employees = Employee.objects.filter(unit__path__startswith=OrgUnit.objects.get(code="SYT-BVDK").path)
        assert set(public_employees.values_list("category", flat=True)) == {Category.VIEN_CHUC}
        assert Employee.objects.filter(category=Category.CONG_CHUC).count() > STAFF // 2

    def test_every_person_has_an_origin_and_the_logins_a_full_dossier(self, api):
        people = Employee.objects.count()
        assert GroupRecord.objects.filter(group="IDENTITY").count() == people
        assert Qualification.objects.filter(kind="DEGREE").count() > people // 2
        staff = User.objects.get(username="chuyenvien.cchc")
        sides = set(FamilyMember.objects.filter(employee=staff.employee_id).values_list("side", flat=True))
        assert sides == {"SELF", "SPOUSE"}
        api.force_authenticate(user=staff)
        form = api.get(f"/api/v1/dossier/{staff.employee_id}/form-2c.pdf")
        assert form.status_code == 200
        text = " ".join(text_of(form.content).split())
        for expected in ("Nơi sinh: ", "tỉnh Sơn La", "Trường Đại học Tây Bắc", "Tiếng Anh B1", "Ngày vào Đảng"):
            assert expected in text, expected
        assert staff.employee.full_name.upper() in text

    def test_the_full_demo_dossier_goes_to_the_national_feed_valid_against_its_schema(self, api):
        staff = User.objects.get(username="chuyenvien.cchc")
        api.force_authenticate(user=User.objects.filter(role=Role.PROVINCE_ADMIN).first())
        dossier = api.get(f"/api/v1/sync/people/{staff.employee_id}/").json()
        assert [f"{list(e.absolute_path)}: {e.message}" for e in DOSSIER_SCHEMA.iter_errors(dossier)] == []
        groups = {group["key"]: group["data"] for group in dossier["groups"]}
        assert {member["side"] for member in groups["family"]["family_members"]} == {"SELF", "SPOUSE"}
        assert groups["identity"]["birth_place"] is not None
        assert groups["education"]["qualifications"]

    def test_every_demo_login_signs_in_and_sees_its_scope(self, api, seeded):
        assert all(login.username in seeded and login.password in seeded for login in DEMO_LOGINS)
        visible = {}
        for login in DEMO_LOGINS:
            response = api.post(
                "/api/v1/auth/jwt/create/", {"username": login.username, "password": login.password}, format="json"
            )
            assert response.status_code == 200, login.username
            api.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
            listing = api.get("/api/v1/employees/", {"page_size": 1})
            assert listing.status_code == 200
            visible[login.role, login.agency] = listing.json()["count"]
        api.credentials()
        commune = OrgUnit.objects.get(code="X-MUONG-BAM")
        assert visible[Role.PROVINCE_ADMIN, "SNV"] == STAFF
        assert visible[Role.PERSONNEL_OFFICER, "X-MUONG-BAM"] == (
            Employee.objects.filter(unit__path__startswith=commune.path).count()
        )
        assert visible[Role.STAFF, "SNV"] == 1
        manager = User.objects.get(role=Role.MANAGER, username__in=[login.username for login in DEMO_LOGINS])
        assert manager.scope_unit == manager.employee.unit and manager.employee.position.code == "TP_SO"

    def test_if_empty_prints_the_logins_and_adds_nothing(self):
        units, people = OrgUnit.objects.count(), Employee.objects.count()
        output = seed(if_empty=True, staff=5)
        assert "nothing seeded" in output
        assert all(login.username in output and login.password in output for login in DEMO_LOGINS)
        assert (OrgUnit.objects.count(), Employee.objects.count()) == (units, people)

    def test_if_empty_flags_a_changed_password(self):
        user = User.objects.get(username="tccb.snv")
        user.set_password("Another#Secret2026")
        user.save(update_fields=["password"])
        output = seed(if_empty=True)
        assert "(changed)" in output and "Noivu@2026" not in output

    def test_training_classes_results_and_certificates_of_two_years(self, api):
        completed = TrainingClass.objects.filter(status=ClassStatus.COMPLETED)
        assert {LAST_YEAR, AS_OF.year} <= set(completed.values_list("end_date__year", flat=True))
        # Classes not held yet are open for enrolment, after the reference date.
        for training_class in TrainingClass.objects.exclude(status=ClassStatus.COMPLETED):
            assert training_class.status == ClassStatus.OPEN and training_class.start_date > AS_OF
        assert not completed.filter(enrolments__result=Result.PENDING, enrolments__status="ENROLLED").exists()
        results = Counter(Enrolment.objects.filter(training_class__in=completed).values_list("result", flat=True))
        assert results[Result.PASSED] > 5 * (results[Result.FAILED] + results[Result.ABSENT]) > 0
        certificates = Certificate.objects.select_related("enrolment__training_class")
        assert certificates.count() == results[Result.PASSED]
        for certificate in certificates:
            assert certificate.enrolment.result == Result.PASSED
            assert AS_OF >= certificate.issue_date >= certificate.enrolment.training_class.end_date
        for certificate in certificates.order_by("number")[:3]:
            response = api.get(f"/api/v1/training/verify/{certificate.verification_code}/")
            assert response.status_code == 200
        assert Enrolment.objects.filter(training_class__programme__tags__is_reform=True).exists()

    def test_training_compliance_varies(self):
        province = OrgUnit.objects.get(parent=None)
        for year in (LAST_YEAR, AS_OF.year):
            figures = unit_compliance_figures(unit=province, year=year)
            assert 0 < figures["compliant"] < figures["staff"] // 2
            assert figures["reform_trained"] > 0

    def test_last_years_evaluations_are_decided_within_the_quota(self):
        cycle_evaluations = Evaluation.objects.filter(cycle__year=LAST_YEAR)
        decided = cycle_evaluations.filter(status__in=DECIDED)
        assert decided.count() >= 3
        assert decided.filter(final_rating=RatingLevel.GOOD).exists()
        for evaluation in decided.select_related("rule_set"):
            assert evaluation.pdf_sha256 and evaluation.snapshot and evaluation.decided_by.is_province_admin
            # The head of the agency (of the higher agency, for its head) signs, not whoever entered it.
            head = evaluation.competent_person
            assert head is not None and head.position.is_head and head != evaluation.decided_by.employee
            assert evaluation.snapshot["decided_by_name"] == head.full_name
            assert evaluation.proposed_by != evaluation.decided_by
            rating = AnnualRating.objects.get(employee=evaluation.employee, year=LAST_YEAR)
            assert rating.rating == evaluation.final_rating
            assert RATING_ORDER[evaluation.final_rating] <= RATING_ORDER[evaluation.computed_rating]
            if disciplined_for_duty_in_year(employee=evaluation.employee, year=LAST_YEAR):
                assert evaluation.final_rating == RatingLevel.NOT_COMPLETED
        for agency_id in set(decided.values_list("agency_id", flat=True)):
            group = cycle_evaluations.filter(agency_id=agency_id).exclude(status__in=["NOT_RATED", "SUPERSEDED"])
            ratings = [e.final_rating or e.proposed_rating or e.computed_rating for e in group]
            basis = sum(r in (RatingLevel.GOOD, RatingLevel.EXCELLENT) for r in ratings)
            allowed = 1 if len(ratings) < 5 else math.floor(basis * 20 / 100)
            assert decided.filter(agency_id=agency_id, final_rating=RatingLevel.EXCELLENT).count() <= allowed
        # Dated as on paper: self-assessed on 1 December, decided on the 12th (by the 14 December deadline)
        # or, by a second decision, on the 19th.
        assert {e.self_signed_on for e in cycle_evaluations.exclude(self_signed_on=None)} == {
            datetime.date(LAST_YEAR, 12, 1)
        }
        days = Counter(decided.values_list("decided_on", flat=True))
        assert set(days) == {datetime.date(LAST_YEAR, 12, 12), datetime.date(LAST_YEAR, 12, 19)}
        assert days[datetime.date(LAST_YEAR, 12, 12)] > days[datetime.date(LAST_YEAR, 12, 19)]
        timeliness = evaluation_timeliness(unit=OrgUnit.objects.get(code="X-MUONG-BAM"), year=LAST_YEAR)
        assert 0 < timeliness["on_time"] < timeliness["due"]
        # Some are still on their way; this year's cycles wait for the self-assessments.
        assert cycle_evaluations.exclude(status__in=[*DECIDED, "NOT_RATED"]).exists()
        current = EvaluationCycle.objects.filter(year=AS_OF.year)
        assert {c.scope_unit.code for c in current} == {"SNV", "X-MUONG-BAM"}
        assert Evaluation.objects.filter(cycle__in=current, status="DRAFT").exists()
        assert not Evaluation.objects.filter(cycle__in=current).exclude(status__in=["DRAFT", "NOT_RATED"]).exists()

    def test_discipline_decisions_some_lapsed(self):
        records = DisciplineRecord.objects.all()
        assert records.count() >= 12
        forms = Counter(records.values_list("form", flat=True))
        assert set(forms) <= {DisciplineForm.REPRIMAND, DisciplineForm.WARNING}
        assert forms[DisciplineForm.REPRIMAND] > forms[DisciplineForm.WARNING]
        assert records.filter(effect_end__lt=AS_OF).exists() and records.filter(effect_end__gte=AS_OF).exists()
        assert all(r.decision_date <= AS_OF for r in records)
        # Most decided within the 90 days from discovery, a few late.
        assert records.filter(processing_deadline__isnull=True).count() == 0
        late = [r.processed_late for r in records]
        assert late.count(False) > late.count(True) > 0

    def test_commendations_follow_the_ratings(self):
        advanced = Commendation.objects.filter(award=Award.ADVANCED_WORKER, year=LAST_YEAR)
        assert advanced.exists()
        for commendation in advanced:
            rating = AnnualRating.objects.get(employee=commendation.employee, year=LAST_YEAR).rating
            assert RATING_ORDER[rating] >= RATING_ORDER[RatingLevel.GOOD]
            assert not disciplined_for_duty_in_year(employee=commendation.employee, year=LAST_YEAR)
        for soldier in Commendation.objects.filter(award=Award.GRASSROOTS_SOLDIER):
            assert advanced.filter(employee=soldier.employee).exists()
        assert Commendation.objects.filter(award=Award.CERTIFICATE).exists()

    def test_reform_appraisals_published_and_in_self_assessment(self, api):
        published = Appraisal.objects.filter(index_set__year=LAST_YEAR, status=AppraisalStatus.PUBLISHED)
        assert published.filter(unit__kind=UnitKind.DEPARTMENT).exists()
        assert published.filter(unit__kind__in=[UnitKind.COMMUNE, UnitKind.WARD]).exists()
        assert Appraisal.objects.filter(status=AppraisalStatus.SELF_ASSESSMENT).exists()
        for appraisal in published.select_related("band", "unit"):
            assert appraisal.band is not None and appraisal.total == appraisal.appraised_total + appraisal.survey_total
            assert head_rating_cap(unit=appraisal.unit, year=LAST_YEAR)[0] == appraisal.band.code
            # Written down to hr for the evaluation of the head of agency.
            written = UnitReformResult.objects.get(unit=appraisal.unit, year=LAST_YEAR)
            assert (written.band, written.head_rating_cap) == (appraisal.band.code, appraisal.band.head_rating_cap)
        assert UnitReformResult.objects.count() == published.count()
        login = DEMO_LOGINS[0]
        token = api.post(
            "/api/v1/auth/jwt/create/", {"username": login.username, "password": login.password}, format="json"
        ).json()["access"]
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        ranking = api.get("/api/v1/reform-appraisals/ranking/", {"year": LAST_YEAR, "level": "SO"})
        api.credentials()
        assert ranking.status_code == 200
        assert ranking.json()["count"] == published.filter(unit__kind=UnitKind.DEPARTMENT).count()

    def test_summary_line_and_staff_logins(self, seeded):
        assert "Activity:" in seeded and "evaluations decided" in seeded
        others = User.objects.exclude(username__in=[login.username for login in DEMO_LOGINS])
        # The officers who self-assessed their agency's reform appraisal, one per appraised agency.
        officers = others.filter(role=Role.PERSONNEL_OFFICER)
        appraised = set(Appraisal.objects.values_list("unit_id", flat=True))
        assert officers.exists() and set(officers.values_list("scope_unit_id", flat=True)) <= appraised
        # The clerk of the provincial People's Committee's office enters the chair's decisions on heads.
        assert others.filter(role=Role.PROVINCE_ADMIN).values_list("username", flat=True).get() == "vanphong.ubnd"
        staff_logins = others.exclude(role__in=[Role.PERSONNEL_OFFICER, Role.PROVINCE_ADMIN])
        assert staff_logins.exists()
        evaluated = set(Evaluation.objects.filter(cycle__year=LAST_YEAR).values_list("employee_id", flat=True))
        assert set(staff_logins.values_list("employee_id", flat=True)) <= evaluated

    def test_a_second_run_without_if_empty_refuses(self):
        with pytest.raises(CommandError, match="already has organisation units"):
            seed()


@pytest.mark.django_db
class TestSeedArguments:
    def test_same_seed_gives_the_same_people_and_activity(self):
        with transaction.atomic():
            seed(seed=11)
            first, first_activity = snapshot(), activity_snapshot()
            transaction.set_rollback(True)
        assert not OrgUnit.objects.exists()
        seed(seed=11)
        assert snapshot() == first
        assert activity_snapshot() == first_activity
        assert len(first) == STAFF
        assert all(first_activity.values())

    def test_no_activity_builds_people_and_logins_only(self):
        output = seed(no_activity=True)
        assert "Activity:" not in output
        assert Employee.objects.count() == STAFF
        assert set(User.objects.values_list("username", flat=True)) == {login.username for login in DEMO_LOGINS}
        for model in (TrainingClass, Enrolment, Evaluation, DisciplineRecord, Commendation, Appraisal):
            assert not model.objects.exists(), model

    def test_another_seed_gives_other_people(self):
        with transaction.atomic():
            seed(seed=1, no_activity=True)
            first = snapshot()
            transaction.set_rollback(True)
        seed(seed=2, no_activity=True)
        second = snapshot()
        assert [row[0] for row in first] == [row[0] for row in second]  # same posts
        assert {row[3] for row in first} != {row[3] for row in second}

    def test_too_few_people_is_refused_and_writes_nothing(self):
        with pytest.raises(CommandError, match="at least 615"):
            seed(staff=100)
        assert not OrgUnit.objects.exists() and not Employee.objects.exists()

    def test_reference_date_before_the_reform_or_in_the_future_is_refused(self):
        with pytest.raises(CommandError, match="between"):
            seed(as_of=datetime.date(2025, 1, 1))
        with pytest.raises(CommandError, match="between"):
            seed(as_of=datetime.date.today() + datetime.timedelta(days=1))
        assert not OrgUnit.objects.exists()

    def test_malformed_reference_date_is_refused(self):
        with pytest.raises(CommandError, match="Not a date"):
            call_command("seed_demo", "--as-of", "01/07/2025", stdout=io.StringIO())
