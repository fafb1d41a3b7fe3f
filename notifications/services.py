"""Creating the notices of an event inside the step's transaction, delivering them after commit, preferences."""

from collections.abc import Iterable

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from backend.queue import task_after_commit
from hr.models import Employee, User
from notifications.kinds import notice_kind, notice_kinds
from notifications.models import Notice, NoticePreference


def notice_wanted(user: User | None, kind: str) -> bool:
    """Mandatory notices always; the others as the person chose, or the kind's default."""
    spec = notice_kind(kind)
    if spec.mandatory:
        return True
    if user is None:
        return spec.on_by_default
    choice = NoticePreference.objects.filter(user=user, kind=kind).values_list("enabled", flat=True).first()
    return spec.on_by_default if choice is None else choice


def _address(person: Employee | User) -> tuple[User | None, str]:
    """The address is the employee record's (DOMAIN: the dossier is the source), the account's as a fallback."""
    if isinstance(person, User):
        employee = person.employee
        return person, (employee.email if employee and employee.email else person.email)
    account = getattr(person, "account", None)
    return account, person.email or (account.email if account else "")


def _render(template: str, context: dict) -> tuple[str, str, str]:
    # Notices are Vietnamese, whatever language the request that caused them asked for.
    with translation.override("vi"):
        subject = render_to_string(f"{template}_subject.txt", context).strip().replace("\n", " ")
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return subject, text, html


def notices_create(*, kind: str, event_key: str, recipients: Iterable[Employee | User], template: str, context: dict):
    """Write one notice per address of the event (twice the same event writes nothing more) and send them
    by a task once the step commits; a rolled-back step sends nothing."""
    rows: list[Notice] = []
    # Addresses already told of this event (a step's task run twice, the digest run twice in a day).
    seen = {email.lower() for email in Notice.objects.filter(event_key=event_key).values_list("email", flat=True)}
    for person in recipients:
        user, email = _address(person)
        if not email or email.lower() in seen or not notice_wanted(user, kind):
            continue
        seen.add(email.lower())
        employee = person.employee if isinstance(person, User) else person
        name = employee.full_name if employee else person.get_full_name() or person.get_username()
        subject, text, html = _render(template, {**context, "recipient_name": name})
        rows.append(
            Notice(
                kind=kind,
                event_key=event_key,
                recipient=user,
                email=email,
                subject=subject,
                body_text=text,
                body_html=html,
            )
        )
    if not rows:
        return 0
    Notice.objects.bulk_create(rows, ignore_conflicts=True)
    task_after_commit("notifications.tasks.notices_deliver", event_key)
    return len(rows)


def notices_deliver(event_key: str) -> int:
    """Send the event's unsent notices. Each is locked, sent and marked in one transaction, so a retried or
    duplicated task skips what another already sent."""
    sent = 0
    for pk in Notice.objects.filter(event_key=event_key, sent_at=None).values_list("pk", flat=True):
        with transaction.atomic():
            notice = Notice.objects.select_for_update(skip_locked=True).filter(pk=pk, sent_at=None).first()
            if notice is None:
                continue
            message = EmailMultiAlternatives(notice.subject, notice.body_text, to=[notice.email])
            if notice.body_html:
                message.attach_alternative(notice.body_html, "text/html")
            # Marked sent before sending, in the transaction that holds its lock: a write that fails (a busy
            # database) fails before the mail leaves, and a refused mail rolls the mark back for the retry.
            notice.attempts += 1
            notice.sent_at = timezone.now()
            notice.last_error = ""
            notice.save(update_fields=["attempts", "sent_at", "last_error"])
            message.send()
            sent += 1
    return sent


def notice_preferences(user: User) -> list[dict]:
    chosen = dict(NoticePreference.objects.filter(user=user).values_list("kind", "enabled"))
    return [
        {
            "kind": kind.name,
            "label": str(kind.label),
            "mandatory": kind.mandatory,
            "enabled": True if kind.mandatory else chosen.get(kind.name, kind.on_by_default),
        }
        for kind in notice_kinds()
    ]


@transaction.atomic
def notice_preference_set(*, actor: User, kind: str, enabled: bool) -> NoticePreference:
    """A person turns one kind of their own notices off or on; the mandatory ones stay on."""
    try:
        spec = notice_kind(kind)
    except KeyError:
        raise ApplicationError(_("No such kind of notice."), field="kind", code="unknown_notice_kind") from None
    if spec.mandatory and not enabled:
        raise ApplicationError(
            _("This notice is required by the rules and cannot be turned off."), field="kind", code="notice_mandatory"
        )
    preference, _created = NoticePreference.objects.get_or_create(user=actor, kind=kind, defaults={"enabled": enabled})
    if preference.enabled != enabled:
        preference.enabled = enabled
        preference.full_clean()
        preference.save()
    return preference
