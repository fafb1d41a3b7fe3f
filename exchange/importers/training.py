"""Importing training results: one row per person and class, recorded through `results_record`."""

from django.utils.translation import gettext as _

from exchange.cells import CellError, choice_lookup, parse_choice, parse_int
from exchange.importers.rows import UNCHANGED, UPDATED, ServiceRowImporter
from exchange.tables import Column, Table
from training.models import Enrolment, EnrolmentStatus, Result, TrainingClass
from training.services.results import ResultInput, results_record

COLUMNS = [
    Column("training_class", "Mã lớp", ("class code", "class"), required=True),
    Column("national_id", "Số định danh cá nhân", ("national id", "CCCD"), required=True),
    Column("result", "Kết quả", ("result",), required=True),
    Column("periods_credited", "Số tiết được tính", ("periods credited",)),
    Column("note", "Ghi chú", ("note",)),
]
# Informative columns a class roster carries, skipped on import.
IGNORED = frozenset({"Họ và tên", "full name", "full_name", "Đơn vị", "unit"})


class TrainingResultImporter(ServiceRowImporter):
    kind = "training-results"
    columns = COLUMNS
    ignored = IGNORED
    field_columns = {"results": "result"}
    default_column = "training_class"

    def prepare(self, table: Table) -> None:
        codes = {row.get("training_class", "") for row in table.rows}
        self.classes = {
            c.code: c for c in TrainingClass.objects.filter(code__in=codes).select_related("organiser", "programme")
        }
        ids = {row.get("national_id", "") for row in table.rows}
        self.enrolments = {
            (e.training_class_id, e.employee.national_id): e
            for e in Enrolment.objects.filter(
                training_class__in=self.classes.values(), employee__national_id__in=ids, status=EnrolmentStatus.ENROLLED
            ).select_related("employee")
        }
        self.results = choice_lookup(Result)
        self.seen: dict[tuple[int, str], int] = {}

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        ok = True

        def fail(key: str, message: str) -> None:
            nonlocal ok
            ok = False
            self.errors.add(number, self.headers[key], message)

        code = row.get("training_class", "")
        training_class = self.classes.get(code)
        if training_class is None:
            fail("training_class", _("No class has the code “%(code)s”.") % {"code": code})
        result = ""
        try:
            result = parse_choice(row.get("result", ""), self.results)
        except CellError as exc:
            fail("result", str(exc))
        if ok and not result:
            fail("result", _("This field cannot be blank."))
        periods = None
        try:
            periods = parse_int(row.get("periods_credited", ""))
        except CellError as exc:
            fail("periods_credited", str(exc))
        if periods is not None and periods < 0:
            fail("periods_credited", _("Enter a whole number."))
        enrolment = None
        if training_class is not None:
            key = (training_class.pk, row.get("national_id", ""))
            enrolment = self.enrolments.get(key)
            if enrolment is None:
                fail("national_id", _("The person is not enrolled in this class."))
            elif key in self.seen:
                fail("national_id", _("The same person appears on row %(row)s.") % {"row": self.seen[key]})
            else:
                self.seen[key] = number
        if not ok:
            return None
        return {
            "training_class": training_class,
            "item": ResultInput(enrolment=enrolment, result=result, periods_credited=periods, note=row.get("note", "")),
        }

    def apply(self, *, training_class: TrainingClass, item: ResultInput) -> str:
        enrolment = item.enrolment
        before = (enrolment.result, enrolment.periods_credited, enrolment.result_note)
        (saved,) = results_record(actor=self.actor, training_class=training_class, results=[item])
        return UNCHANGED if (saved.result, saved.periods_credited, saved.result_note) == before else UPDATED
