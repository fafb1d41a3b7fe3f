"""Writes of discipline decisions: recording one under the rules of its date, corrections, annulment."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from hr.access import access_employee_for_write
from hr.models import (
    FORM_ORDER,
    DisciplineForm,
    DisciplineFormRule,
    DisciplinePause,
    DisciplineRecord,
    Employee,
    Holder,
    User,
)
from hr.selectors.discipline import decisions_in_force_for, is_leader_on
from hr.services.annulment import record_annul
from hr.services.changes import person_changes_record

# Descriptive fields a correction may change; the dates, form and person decide which
# rule applies and what is in force, so changing them means annulling and re-recording.
# The processing fields (discovery, complex case, periods not counted) are fixed the same way.
CORRECTABLE_FIELDS = frozenset({"decision_number", "issuing_authority", "reason", "severity", "duty_related"})


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has no such day.

    A period of N months or years "from" a day ends at the end of the corresponding
    day (Bộ luật Dân sự 2015 Điều 147–148): 12 months from 01/03/2025 run through
    01/03/2026 included; from 29/02/2024 through 28/02/2025.
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _form_label(form: str) -> str:
    return str(DisciplineForm(form).label)


def _refuse_form(*, employee: Employee, form: str, leader: bool, on: datetime.date) -> None:
    """Explain why no rule allows the form: abolished, or not for this category or post."""
    abolished = (
        DisciplineFormRule.objects.filter(category=employee.category, form=form, valid_to__lt=on)
        .order_by("-valid_to")
        .first()
    )
    still_used = DisciplineFormRule.objects.filter(category=employee.category, form=form, valid_to__isnull=True)
    if abolished and not still_used.exists():
        raise ApplicationError(
            _("The form “%(form)s” was abolished on %(date)s and cannot be used for a decision dated %(day)s.")
            % {"form": _form_label(form), "date": _d(abolished.valid_to + datetime.timedelta(days=1)), "day": _d(on)},
            field="form",
            code="form_not_allowed",
        )
    raise ApplicationError(
        _("The form “%(form)s” does not apply to %(category)s %(who)s on %(day)s.")
        % {
            "form": _form_label(form),
            "category": employee.get_category_display(),
            "who": _("holding a leadership post") if leader else _("without a leadership post"),
            "day": _d(on),
        },
        field="form",
        code="form_not_allowed",
    )


def _check_dates(*, decision_date: datetime.date, effective_date: datetime.date, violation_date: datetime.date) -> None:
    if decision_date > datetime.date.today():
        raise ApplicationError(
            _("A decision is recorded once it has been issued; the date is in the future."),
            field="decision_date",
            code="future_date",
        )
    if effective_date < decision_date:
        raise ApplicationError(
            _("A decision cannot take effect before it is issued."),
            field="effective_date",
            code="effective_before_decision",
        )
    if violation_date > decision_date:
        raise ApplicationError(
            _("The violation cannot be later than the decision."),
            field="violation_date",
            code="violation_after_decision",
        )


def _limitation_last_day(*, record: DisciplineRecord, years: int) -> datetime.date:
    """Last day a decision may be taken for the violation (Luật CBCC 2025 Điều 37; NĐ 172 Điều 5).

    A new violation committed within the period restarts it from that violation; the new violations
    the system knows are those of the person's other (not annulled) decisions.
    """
    later = (
        DisciplineRecord.objects.filter(
            employee=record.employee, annulled_on__isnull=True, violation_date__gt=record.violation_date
        )
        .exclude(pk=record.pk)
        .order_by("violation_date")
        .values_list("violation_date", flat=True)
    )
    last_day = add_months(record.violation_date, 12 * years)
    for violation_date in later:
        if violation_date > last_day:
            break
        last_day = add_months(violation_date, 12 * years)
    return last_day


def _check_limitation(*, rule: DisciplineFormRule, record: DisciplineRecord) -> None:
    last_day = _limitation_last_day(record=record, years=rule.limitation_years)
    if record.decision_date > last_day:
        raise ApplicationError(
            _("The limitation period of %(years)s years for this form ended on %(date)s.")
            % {"years": rule.limitation_years, "date": _d(last_day)},
            field="violation_date",
            code="limitation_expired",
        )


def _effect_period(
    *, rule: DisciplineFormRule, effective_date, party_decision_date
) -> tuple[datetime.date, datetime.date]:
    """First and last day in force: from the Party decision when there is one (NĐ 172 Điều 2.9).

    The rule row says whether its form follows the Party decision: a viên chức's forced dismissal counts from its
    own effective date (NĐ 234 Điều 2.9), declared by the instrument in rules/.
    """
    start = effective_date
    if party_decision_date and rule.effect_from_party_decision:
        start = party_decision_date
    return start, add_months(start, rule.effect_months)


def _check_repeat(record: DisciplineRecord) -> None:
    """A violation while another decision is in force is a repeat offence: the form must be heavier."""
    earlier = [
        d
        for d in decisions_in_force_for(employee=record.employee, on=record.violation_date, exclude_pk=record.pk)
        if d.decision_date <= record.decision_date
    ]
    record.is_repeat = bool(earlier)
    record.repeat_of = max(earlier, key=lambda d: FORM_ORDER[d.form]) if earlier else None
    if record.repeat_of and FORM_ORDER[record.form] <= FORM_ORDER[record.repeat_of.form]:
        raise ApplicationError(
            _(
                "The violation was committed while decision %(number)s (“%(form)s”) was in force: "
                "a repeat offence needs a heavier form."
            )
            % {"number": record.repeat_of.decision_number, "form": _form_label(record.repeat_of.form)},
            field="form",
            code="repeat_offence",
        )


def _processing_pauses(*, record: DisciplineRecord, pauses) -> list[DisciplinePause]:
    """Check the periods not counted: between discovery and the day before the decision, not overlapping."""
    built = sorted(
        (DisciplinePause(record=record, **pause) for pause in pauses), key=lambda pause: (pause.start, pause.end)
    )
    previous = None
    for pause in built:
        where = {"start": _d(pause.start), "end": _d(pause.end)}
        if pause.end < pause.start:
            raise ApplicationError(
                _("The period %(start)s–%(end)s ends before it starts.") % where, field="pauses", code="pause_range"
            )
        if pause.start < record.discovered_on or pause.end >= record.decision_date:
            raise ApplicationError(
                _(
                    "The period %(start)s–%(end)s must lie between the discovery of the violation (%(discovered)s) "
                    "and the day before the decision (%(decision)s)."
                )
                % {**where, "discovered": _d(record.discovered_on), "decision": _d(record.decision_date)},
                field="pauses",
                code="pause_outside",
            )
        if previous is not None and pause.start <= previous.end:
            raise ApplicationError(
                _("The periods %(first)s and %(second)s overlap.")
                % {
                    "first": f"{_d(previous.start)}–{_d(previous.end)}",
                    "second": f"{where['start']}–{where['end']}",
                },
                field="pauses",
                code="pause_overlap",
            )
        previous = pause
    return built


def _apply_processing(*, record: DisciplineRecord, pauses) -> list[DisciplinePause]:
    """Processing deadline (thời hạn xử lý, NĐ 172 and NĐ 234 Điều 5): the rule's days from discovery.

    Complex cases get the rule's longer deadline; the periods not counted (deferral under Điều 3,
    criminal proceedings, complaints) push it back day for day. A late decision stays valid and is
    recorded: the deadline binds the authority, so lateness is reported, not refused.
    """
    if record.discovered_on is None:
        if pauses or record.complex_case:
            raise ApplicationError(
                _("Give the date the violation was discovered: the processing time counts from it."),
                field="discovered_on",
                code="discovery_date_required",
            )
        record.processing_deadline = None
        return []
    if record.discovered_on < record.violation_date:
        raise ApplicationError(
            _("A violation cannot be discovered before it was committed."),
            field="discovered_on",
            code="discovered_before_violation",
        )
    if record.discovered_on > record.decision_date:
        raise ApplicationError(
            _("The violation must be discovered before the decision."),
            field="discovered_on",
            code="discovered_after_decision",
        )
    built = _processing_pauses(record=record, pauses=pauses)
    not_counted = sum(pause.days for pause in built)
    limit = record.rule.complex_processing_days if record.complex_case else record.rule.processing_days
    record.processing_deadline = record.discovered_on + datetime.timedelta(days=limit + not_counted)
    return built


def _apply_rules(record: DisciplineRecord) -> None:
    """Choose the rule of the decision date, then check limitation, effect and recidivism."""
    _check_dates(
        decision_date=record.decision_date, effective_date=record.effective_date, violation_date=record.violation_date
    )
    if bool(record.party_decision_number) != bool(record.party_decision_date):
        field = "party_decision_date" if record.party_decision_number else "party_decision_number"
        raise ApplicationError(
            _("Give both the number and the date of the Party decision."), field=field, code="party_decision_incomplete"
        )
    employee = record.employee
    leader = is_leader_on(employee=employee, on=record.decision_date)
    # The rule of the decision date: one row per category and form on a day, narrowed to the person's post.
    rule = (
        DisciplineFormRule.objects.in_force_on(record.decision_date)
        .filter(
            category=employee.category,
            form=record.form,
            holder__in=[Holder.ANY, Holder.LEADER if leader else Holder.NON_LEADER],
        )
        .first()
    )
    if rule is None:
        _refuse_form(employee=employee, form=record.form, leader=leader, on=record.decision_date)
    record.rule = rule
    if not record.no_limitation:
        _check_limitation(rule=rule, record=record)
    record.effect_start, record.effect_end = _effect_period(
        rule=rule, effective_date=record.effective_date, party_decision_date=record.party_decision_date
    )
    _check_repeat(record)


@transaction.atomic
def discipline_record_create(
    *,
    actor: User | None,
    employee: Employee,
    form: str,
    decision_number: str,
    issuing_authority: str,
    decision_date: datetime.date,
    effective_date: datetime.date,
    violation_date: datetime.date,
    reason: str,
    severity: str,
    duty_related: bool = True,
    no_limitation: bool = False,
    party_decision_number: str = "",
    party_decision_date: datetime.date | None = None,
    discovered_on: datetime.date | None = None,
    complex_case: bool = False,
    pauses: list[dict] = (),
) -> DisciplineRecord:
    """Record a decision under the rules of its date; refuses forms, dates and repeats the rules forbid.

    `pauses` are the periods not counted in the processing time: dicts of `kind`, `start`, `end`
    and optionally `note`.
    """
    access_employee_for_write(actor, employee, field="employee")
    # Serialise decisions about one person so two concurrent ones cannot both miss each other's repeat.
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    record = DisciplineRecord(
        employee=employee,
        form=form,
        decision_number=decision_number,
        issuing_authority=issuing_authority,
        decision_date=decision_date,
        effective_date=effective_date,
        violation_date=violation_date,
        reason=reason,
        severity=severity,
        duty_related=duty_related,
        no_limitation=no_limitation,
        party_decision_number=party_decision_number,
        party_decision_date=party_decision_date,
        discovered_on=discovered_on,
        complex_case=complex_case,
        created_by=actor,
    )
    _apply_rules(record)
    built = _apply_processing(record=record, pauses=pauses)
    record._history_user = actor
    record.full_clean()
    record.save()
    for pause in built:
        pause.record = record
        pause._history_user = actor
        pause.full_clean()
        pause.save()
    person_changes_record(model=DisciplineRecord, rows=[(record.employee_id, record.pk)])
    return record


@transaction.atomic
def discipline_record_update(*, actor: User | None, record: DisciplineRecord, **fields) -> DisciplineRecord:
    """Correct the descriptive fields of a decision; the previous values stay in its history."""
    access_employee_for_write(actor, record.employee)
    if record.is_annulled:
        raise Conflict(_("The decision has been annulled and can no longer be changed."), code="annulled_record")
    fixed = sorted(set(fields) - CORRECTABLE_FIELDS)
    if fixed:
        message = _("Annul the decision and record a new one to change this.")
        raise ValidationError({name: ValidationError(message, code="fixed_field") for name in fixed})
    for name, value in fields.items():
        setattr(record, name, value)
    record._history_user = actor
    record.full_clean()
    record.save()
    person_changes_record(model=DisciplineRecord, rows=[(record.employee_id, record.pk)], fields=fields)
    return record


@transaction.atomic
def discipline_record_annul(
    *,
    actor: User | None,
    record: DisciplineRecord,
    annulled_on: datetime.date,
    annulling_decision_number: str,
    reason: str = "",
) -> DisciplineRecord:
    """Annul a decision: it then counts for no date and no year (void from the start)."""
    access_employee_for_write(actor, record.employee)
    return record_annul(
        record=record,
        actor=actor,
        annulled_on=annulled_on,
        annulling_decision_number=annulling_decision_number,
        reason=reason,
    )
