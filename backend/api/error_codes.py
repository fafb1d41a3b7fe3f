"""The stable machine codes of the refusals each app raises: the `code` of the error body, its status, its rule.

The codes are part of the API: clients branch on them and tests assert them, so a code is never renamed
and one rule keeps one code wherever it is raised. Each app's README carries the same table, and
`tests/refusals.py` checks that the code in every raise of the app's services and views is listed here.
Codes the exception handler or DRF give on their own (`invalid`, `required`, `does_not_exist`,
`permission_denied`, `not_found`, `integrity`…) are not repeated per app.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    """One refusal: its code, the HTTP status it answers with and the rule that refused."""

    code: str
    status: int
    meaning: str


EVALUATIONS = (
    ErrorCode("period_out_of_range", 400, "The period number is outside the periods of the cycle's kind."),
    ErrorCode("deadline_order", 400, "The decision deadline is before the self-assessment deadline."),
    ErrorCode("fixed_field", 400, "The period and unit of a cycle are fixed once it is opened."),
    ErrorCode("agency_outside_cycle", 400, "The unit flagged outstanding is not an agency within the cycle's unit."),
    ErrorCode("out_of_scope", 403, "The unit named lies outside the caller's area of responsibility."),
    ErrorCode("permission_denied", 403, "The caller's role never takes this action (an outstanding agency)."),
    ErrorCode("not_rated", 409, "The person is not rated in this cycle: no step, edit or form."),
    ErrorCode("superseded", 409, "This version was replaced by an amended version and is read-only."),
    ErrorCode("locked", 409, "The evaluation is decided and locked; corrections go through an amendment."),
    ErrorCode("not_decided", 409, "Only a decided evaluation is amended; an open one is edited."),
    ErrorCode("wrong_state", 409, "The transition is not possible from the evaluation's current status."),
    ErrorCode("stage_not_editable", 403, "The caller may edit nothing at the evaluation's current stage."),
    ErrorCode("field_not_editable", 403, "The caller may not edit this field at the evaluation's current stage."),
    ErrorCode("field_not_in_action", 400, "The transition taken does not set this field."),
    ErrorCode("transition_forbidden", 403, "The caller's role may not take this transition on this evaluation."),
    ErrorCode("not_decider", 403, "Only whoever may decide the evaluation may amend it."),
    ErrorCode("future_date", 400, "A step cannot be dated in the future."),
    ErrorCode("before_self_assessment", 400, "A step cannot be dated before the self-assessment."),
    ErrorCode("required", 400, "A field the transition requires is empty."),
    ErrorCode("reason_required", 400, "An amendment needs its reason."),
    ErrorCode("no_scored_criteria", 400, "The evaluation's rule set has no scored criteria."),
    ErrorCode("unknown_criterion", 400, "The criterion is not a scored criterion of this evaluation."),
    ErrorCode("points_out_of_range", 400, "The points exceed the criterion's maximum."),
    ErrorCode("task_lines_not_scored", 400, "Task lines are scored only under the 100-point rules."),
    ErrorCode("score_from_periods", 400, "The annual score is the average of the periods: no task lines."),
    ErrorCode("task_line_inconsistent", 400, "A task line has more done than assigned, or more done well than done."),
    ErrorCode("scores_incomplete", 400, "The scores are incomplete, so the rules give no rating yet."),
    ErrorCode("above_computed_rating", 400, "The rating decided is above the one the rules give."),
    ErrorCode("absence_cap", 400, "Absent 3 to under 6 months (NĐ 90): the rating may not be above the cap."),
    ErrorCode("unit_rating_missing", 409, "A head's rating needs the unit's rating for the year first."),
    ErrorCode("head_above_unit", 400, "A head may not be rated above their unit."),
    ErrorCode("proposer_decides", 403, "Whoever proposed the rating may neither decide it nor enter the decision."),
    ErrorCode("led_units_unrated", 409, "A head's rating needs the ratings of the units they lead first (NĐ 90/2020)."),
    ErrorCode("led_unit_below", 400, "A unit the head leads is rated below what the head's rating requires."),
    ErrorCode("unit_component_failed", 400, "A unit with a component unit rated KHTNV is not rated HTXSNV."),
    ErrorCode("unit_quota_exceeded", 409, "The quota of units rated HTXSNV under the same managing agency is full."),
    ErrorCode("no_transitional_rules", 400, "No transitional clause lets a unit keep the older rules for the year."),
    ErrorCode("unit_kind_not_transitional", 400, "The transitional clause does not cover this kind of unit."),
    ErrorCode("rules_choice_exists", 409, "The unit has already recorded its choice of rules for the year."),
    ErrorCode(
        "rules_choice_too_late", 409, "The unit's people are already evaluated for the year under the new rules."
    ),
    ErrorCode("led_units_share", 400, "Too few of the units the head leads are rated well-completed or better."),
    ErrorCode("head_cap", 400, "The agency's reform band caps its head's rating."),
    ErrorCode("quota_exceeded", 409, "The “excellently completed” quota of the agency or duty group is full."),
)

TRAINING = (
    ErrorCode("out_of_scope", 403, "The unit or person named lies outside the caller's area of responsibility."),
    ErrorCode("own_record", 403, "Nobody nominates themselves: the competent authority above them does."),
    ErrorCode("programme_inactive", 400, "The programme is no longer offered."),
    ErrorCode("dates_reversed", 400, "The end date is before the start date."),
    ErrorCode("class_not_editable", 409, "A class is changed only while it is a draft or open for enrolment."),
    ErrorCode("programme_fixed", 400, "The programme of a class changes only while it is a draft."),
    ErrorCode("capacity_below_enrolled", 400, "The capacity is below the number of people already enrolled."),
    ErrorCode("sessions_outside_dates", 400, "Session days already recorded fall outside the new dates."),
    ErrorCode("wrong_state", 409, "The class cannot move from its current status to the one asked."),
    ErrorCode("results_pending", 409, "The class cannot be completed while results are pending."),
    ErrorCode("sessions_closed", 409, "Session days are added only while the class is open or in progress."),
    ErrorCode("date_outside_class", 400, "The session day is outside the class dates."),
    ErrorCode("session_exists", 400, "This session day is already recorded."),
    ErrorCode("periods_exceeded", 400, "More periods than the programme has (sessions, credited or taught periods)."),
    ErrorCode("class_not_open", 409, "The class is not open for enrolment."),
    ErrorCode("nobody_to_enrol", 400, "The enrolment names nobody."),
    ErrorCode("duplicate_entry", 400, "A person is listed more than once."),
    ErrorCode("already_enrolled", 400, "The person is already enrolled in this class."),
    ErrorCode("not_in_service", 400, "The person is not currently working."),
    ErrorCode("restricted_by_discipline", 400, "A discipline decision in force bars the person's nomination."),
    ErrorCode("class_full", 400, "The class has no seat left for the person."),
    ErrorCode("result_recorded", 409, "Only an enrolment without a result can be withdrawn."),
    ErrorCode("enrolments_closed", 409, "Enrolments change only while the class is open or in progress."),
    ErrorCode("class_not_running", 409, "Attendance and results are recorded only while the class is in progress."),
    ErrorCode("session_not_in_class", 400, "The session day belongs to another class."),
    ErrorCode("enrolment_not_in_class", 400, "The enrolment is not an active enrolment of this class."),
    ErrorCode("result_required", 400, "A result is passed, failed or absent, not pending."),
    ErrorCode("credit_without_pass", 400, "Only a passed result credits periods."),
    ErrorCode("class_not_completed", 409, "Certificates are issued once the class is completed."),
    ErrorCode("not_passed", 400, "Only a passed result earns a certificate."),
    ErrorCode("certificate_exists", 400, "A certificate was already issued for this enrolment."),
    ErrorCode("before_class_end", 400, "A certificate cannot be dated before the class ends."),
    ErrorCode("future_date", 400, "The issue date is in the future."),
    ErrorCode("required", 400, "The unit of the figures is missing or unknown."),
    ErrorCode("no_employee_record", 400, "The account is not linked to an employee record."),
    ErrorCode("certificate_not_found", 404, "No certificate has this verification code."),
    ErrorCode("teaching_class_state", 409, "Teaching is recorded for a class in progress or completed."),
    ErrorCode("teaching_exists", 400, "The person's teaching in the class is already recorded."),
    ErrorCode("teaching_cancelled", 409, "The teaching record is already cancelled."),
)

REFORM = (
    ErrorCode("out_of_scope", 403, "The unit lies outside the caller's area of responsibility."),
    ErrorCode("appraisal_published", 409, "The appraisal is published and locked for good."),
    ErrorCode("wrong_state", 409, "The step is not possible at the appraisal's current status."),
    ErrorCode("unit_not_appraised", 400, "This kind of unit is not appraised on the reform index."),
    ErrorCode("no_index_set", 400, "No reform index was issued for this year and level."),
    ErrorCode("unit_not_in_year", 400, "The unit did not exist in that year."),
    ErrorCode("appraisal_exists", 400, "The unit already has an appraisal for this year."),
    ErrorCode("index_set_exists", 400, "An index set for this year and level already exists."),
    ErrorCode("unknown_criterion", 400, "The criterion is not a scored criterion of this index."),
    ErrorCode("duplicate_entry", 400, "A criterion is given twice."),
    ErrorCode("wrong_score_source", 400, "A survey criterion scored by the unit, or the reverse."),
    ErrorCode("points_out_of_range", 400, "The points are outside 0 to the criterion's maximum."),
    ErrorCode("all_or_nothing", 400, "The criterion takes either 0 or its maximum."),
    ErrorCode("self_scores_missing", 400, "Some self-assessed criteria are not scored yet."),
    ErrorCode("evidence_missing", 400, "A criterion that requires evidence has none."),
    ErrorCode("reason_required", 400, "A return, or an appraised score differing from the self-score, needs a reason."),
    ErrorCode("survey_scores_missing", 400, "Some survey criteria have no points yet."),
    ErrorCode("not_self_assessed", 400, "Evidence goes only to a self-assessed criterion of the appraisal."),
    ErrorCode("file_type", 400, "Evidence files are pdf, jpg, png, docx or xlsx."),
    ErrorCode("file_too_large", 400, "The evidence file is larger than 10 MB."),
    ErrorCode("file_empty", 400, "The evidence file is empty."),
    ErrorCode("file_content_mismatch", 400, "The file's content does not match its extension."),
    ErrorCode("file_missing", 404, "The file of the evidence is missing from storage."),
)

HR = (
    ErrorCode("permission_denied", 403, "The caller's role never takes this action (writes, rule data, reports)."),
    ErrorCode("out_of_scope", 403, "The unit or person lies outside the caller's area of responsibility."),
    ErrorCode("own_record", 403, "Nobody changes their own record or account: the authority above them does."),
    ErrorCode("role_not_grantable", 403, "Only a province administrator grants, or changes an account of, this role."),
    ErrorCode("scope_unit_required", 400, "A personnel officer's or manager's role needs the unit it applies to."),
    ErrorCode(
        "employee_required",
        400,
        "Every account but a province administrator's or the national connector's is linked to an employee.",
    ),
    ErrorCode("national_id_format", 400, "The personal identification number is not exactly 12 digits."),
    ErrorCode("national_id_province", 400, "The identification number's first three digits are no province code."),
    ErrorCode("legacy_id_format", 400, "A legacy ID card number is not exactly 9 digits."),
    ErrorCode("national_id_year", 400, "The identification number's century and year digits give a future birth."),
    ErrorCode("national_id_mismatch", 400, "The identification number disagrees with the year of birth or the sex."),
    ErrorCode("national_id_taken", 400, "Another person already has this personal identification number."),
    ErrorCode("duplicate_entry", 400, "The same person appears twice in the list."),
    ErrorCode("rank_required", 400, "A salary step needs a rank."),
    ErrorCode("step_not_in_scale", 400, "The salary step does not belong to the rank's salary scale."),
    ErrorCode("decision_only_field", 400, "Unit, post, rank and salary change only through a dated decision."),
    ErrorCode("future_date", 400, "A decision, annulment or recognition is recorded once it happened, never ahead."),
    ErrorCode("before_current_assignment", 400, "A transfer starts after the current assignment began."),
    ErrorCode("before_latest_salary", 400, "A salary decision takes effect after the latest salary decision."),
    ErrorCode("unit_not_in_existence", 400, "The unit does not exist on the date of the decision or transfer."),
    ErrorCode("restricted_by_discipline", 400, "A discipline decision in force bars the transfer, raise or award."),
    ErrorCode("dates_reversed", 400, "A unit's end of validity is before its start."),
    ErrorCode("level_abolished", 400, "No unit of an abolished level (cấp huyện from 01/07/2025) is valid then."),
    ErrorCode("assignment_outside_unit", 400, "An assignment lies outside its unit's validity."),
    ErrorCode("unit_assignments_outside", 400, "The unit's new dates would leave assignments outside its validity."),
    ErrorCode("parent_in_subtree", 400, "A unit cannot be moved under itself or its own sub-unit."),
    ErrorCode("own_predecessor", 400, "A unit cannot be its own predecessor."),
    ErrorCode("unit_has_staff", 400, "A unit with working staff is not dissolved; they are transferred first."),
    ErrorCode("one_recipient", 400, "A title or commendation goes to either a person or a unit, not both."),
    ErrorCode("year_after_decision", 400, "The emulation or recognition year is after the decision date."),
    ErrorCode(
        "award_not_given", 400, "No rule of the emulation year gives this title or commendation to this recipient."
    ),
    ErrorCode("award_already_given", 400, "An emulation title is given once a year to a recipient."),
    ErrorCode("no_base_salary", 400, "No base salary is recorded for the decision date, so no amount."),
    ErrorCode("form_not_allowed", 400, "The discipline form is abolished, or not for the category or post."),
    ErrorCode("effective_before_decision", 400, "A discipline decision cannot take effect before it is issued."),
    ErrorCode("violation_after_decision", 400, "The violation cannot be later than the decision."),
    ErrorCode("limitation_expired", 400, "The limitation period of the discipline form is over."),
    ErrorCode("repeat_offence", 400, "A violation while another decision is in force needs a heavier form."),
    ErrorCode("party_decision_incomplete", 400, "The Party decision is given with both its number and its date."),
    ErrorCode("discovery_date_required", 400, "A complex case or periods not counted need the discovery date."),
    ErrorCode("discovered_before_violation", 400, "A violation cannot be discovered before it was committed."),
    ErrorCode("discovered_after_decision", 400, "The violation is discovered before the decision."),
    ErrorCode("pause_range", 400, "A period not counted ends before it starts."),
    ErrorCode("pause_outside", 400, "A period not counted lies outside discovery to the day before the decision."),
    ErrorCode("pause_overlap", 400, "Two periods not counted overlap."),
    ErrorCode("fixed_field", 400, "Only a discipline decision's descriptive fields are corrected; annul it."),
    ErrorCode("annulled_record", 409, "The decision has been annulled and can no longer be changed."),
    ErrorCode("already_annulled", 409, "The decision has already been annulled."),
    ErrorCode("before_decision", 400, "A decision cannot be annulled before it was issued."),
    ErrorCode("rule_overlap", 400, "Another row of the same rule is in force on a common day."),
    ErrorCode("rule_in_use", 409, "Decisions were taken under the rule row: it is fixed; a correction is a new row."),
)

EXCHANGE = (
    ErrorCode("out_of_scope", 403, "The unit of the export lies outside the caller's area of responsibility."),
    ErrorCode("unknown_kind", 400, "The kind of import is unknown."),
    ErrorCode("unreadable_file", 400, "The upload cannot be read as a UTF-8 CSV or an XLSX file."),
    ErrorCode("file_too_large", 400, "The upload is larger than the import size limit."),
    ErrorCode("too_many_rows", 400, "The file has more rows than one import takes; it is split."),
    ErrorCode("unknown_format", 400, "An export is “xlsx” or “csv”."),
)

JOBS = (
    ErrorCode("job_not_finished", 409, "The job has not finished yet, or it produced no file to download."),
    ErrorCode("job_result_expired", 410, "The job's result file was kept JOB_RESULT_HOURS and has been removed."),
    ErrorCode("job_starter_inactive", 403, "The account that started the job was deactivated before the job ran."),
)

NOTIFICATIONS = (
    ErrorCode("unknown_notice_kind", 400, "No kind of notice has this name."),
    ErrorCode("notice_mandatory", 400, "The notice is required by the rules (a decided rating) and stays on."),
)

SYNC = (
    ErrorCode("cursor_invalid", 400, "The cursor is not of the form the feed gives (a whole number)."),
    ErrorCode("cursor_unknown", 400, "No change handed out by the feed has this cursor."),
    ErrorCode("ack_target", 400, "An acknowledgement gives either a cursor or a list of change ids, not both."),
    ErrorCode("change_unknown", 400, "No change handed out by the feed has one of the ids acknowledged."),
)

DOSSIER = (
    ErrorCode("out_of_scope", 403, "The person or agency named lies outside the caller's area of responsibility."),
    ErrorCode("own_record", 403, "Nobody enters or approves their own dossier: they propose, their officer decides."),
    ErrorCode("sensitive_group", 403, "Family, health, assets and income: only the person and their personnel office."),
    ErrorCode("proposal_own_only", 403, "Only the person proposes changes to their own dossier."),
    ErrorCode("field_not_self_service", 403, "The field is kept by the personnel office and cannot be proposed."),
    ErrorCode("unknown_group", 400, "No data group of NĐ 27 has this name."),
    ErrorCode("group_not_editable", 400, "The group holds no catalogue fields entered as values (only tables)."),
    ErrorCode("unknown_field", 400, "Not a field of the group's catalogue in force, nor a column of the proposed row."),
    ErrorCode("field_read_only", 400, "The field comes from the personnel record and changes through its decision."),
    ErrorCode("field_required", 400, "A required catalogue field is missing or cleared."),
    ErrorCode("invalid_value", 400, "The value does not fit the field's type, length or options."),
    ErrorCode("unknown_place", 400, "No administrative unit has this id."),
    ErrorCode("unknown_row", 400, "A row change names no row of the person's own table."),
    ErrorCode("future_date", 400, "A date of the dossier cannot be in the future."),
    ErrorCode("future_year", 400, "A year of the dossier cannot be in the future."),
    ErrorCode(
        "dates_reversed", 400, "A date comes before the one it follows (end before start, official before joining)."
    ),
    ErrorCode("years_reversed", 400, "The end year of a course is before its start year."),
    ErrorCode("certificate_kind", 400, "Only political-theory and state-management rows name a training certificate."),
    ErrorCode("certificate_not_own", 400, "The training certificate was issued to someone else."),
    ErrorCode("relation_side_mismatch", 400, "On the spouse's side only the spouse's parents and siblings are listed."),
    ErrorCode("not_an_agency", 400, "Job positions are listed per agency, not per room."),
    ErrorCode("position_other_agency", 400, "The job position belongs to another agency's list."),
    ErrorCode("position_not_in_force", 400, "The job position is not in the agency's list on the start date."),
    ErrorCode("holding_overlap", 400, "The person already holds a job position in the period."),
    ErrorCode(
        "allowance_value", 400, "A coefficient for position and regional allowances, a percentage for seniority."
    ),
    ErrorCode("allowance_overlap", 400, "The person already receives this allowance in the period."),
    ErrorCode("employee_fixed", 400, "A row of the dossier stays with its person: a new row is entered for another."),
    ErrorCode("agency_fixed", 400, "A job position stays in its agency's list."),
    ErrorCode("nothing_proposed", 400, "A proposal names no value."),
    ErrorCode("no_change", 400, "The proposed values are already the dossier's."),
    ErrorCode("reason_required", 400, "A rejection needs its reason."),
    ErrorCode("proposal_pending", 409, "A proposal for the group already awaits a decision."),
    ErrorCode("proposal_decided", 409, "The proposal was already approved or rejected."),
)

# Refusals of the API layer itself (backend/api/), the same for every app.
API = (ErrorCode("precondition_failed", 412, "If-Match names a version of the record that is no longer current."),)

REGISTRY: dict[str, tuple[ErrorCode, ...]] = {
    "api": API,
    "evaluations": EVALUATIONS,
    "dossier": DOSSIER,
    "training": TRAINING,
    "reform": REFORM,
    "hr": HR,
    "exchange": EXCHANGE,
    "jobs": JOBS,
    "notifications": NOTIFICATIONS,
    "sync": SYNC,
}


def codes_of(app: str) -> dict[str, ErrorCode]:
    """The codes an app raises, by code."""
    return {entry.code: entry for entry in REGISTRY[app]}


def markdown_table(app: str) -> str:
    """The README table of an app's codes."""
    rows = [f"| `{e.code}` | {e.status} | {e.meaning} |" for e in REGISTRY[app]]
    return "\n".join(["| Code | Status | Meaning |", "|---|---|---|", *rows])


def error_schema() -> dict:
    """The OpenAPI `Error` component: the body's keys, with the registered codes listed under `code`.

    The codes are listed in the description, not as an `enum`: fields' own codes (`required`, `max_length`,
    the names of database constraints…) can also appear, and an enum would declare those answers invalid.
    """
    listed = sorted({entry.code for entries in REGISTRY.values() for entry in entries})
    return {
        "type": "object",
        "description": (
            "Every refusal: a stable machine `code`, a `detail` sentence (Vietnamese unless Accept-Language: en) "
            "and, for input errors, `fields` (input name → messages), also repeated at the top level."
        ),
        "properties": {
            "code": {
                "type": "string",
                "description": "Stable machine code of the refusal. Business rules: " + ", ".join(listed) + ".",
            },
            "detail": {"type": "string", "description": "The first message, for people."},
            "fields": {"type": "object", "additionalProperties": True, "description": "Messages by input name."},
        },
        "required": ["code", "detail"],
        "additionalProperties": True,
    }
