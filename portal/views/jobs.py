"""Background work in the portal: start a unit's forms ZIP, follow its progress, download it; notice choices."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluations.selectors.cycles import cycle_list
from evaluations.services.forms_batch import evaluation_forms_batch_start
from hr.models import OrgUnit
from jobs.access import access_job
from jobs.models import JobStatus
from jobs.registry import job_kind_label
from notifications.services import notice_preference_set, notice_preferences
from portal.pages import portal_page
from portal.refusals import REFUSALS, refusal_messages


def _say(request, exc) -> None:
    for texts in refusal_messages(exc).values():
        for text in texts:
            messages.error(request, text)


@portal_page
@require_POST
def forms_batch(request, pk: int):
    """Start the ZIP of a unit's forms; the job page follows it."""
    cycle = get_object_or_404(cycle_list(user=request.user), pk=pk)
    raw = request.POST.get("unit", "")
    unit = OrgUnit.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    try:
        job = evaluation_forms_batch_start(actor=request.user, cycle=cycle, unit=unit)
    except REFUSALS as exc:
        _say(request, exc)
        return redirect("portal:cycle", pk=pk)
    return redirect("portal:job", pk=job.pk)


@portal_page
def job_detail(request, pk: int):
    job = access_job(request.user, pk)
    context = {
        "job": job,
        "label": job_kind_label(job.kind),
        "running": job.status in (JobStatus.QUEUED, JobStatus.RUNNING),
        "percent": round(100 * job.done / job.total) if job.total else (100 if job.is_finished else 0),
    }
    return render(request, "portal/job.html", context)


@portal_page
def job_download(request, pk: int):
    job = access_job(request.user, pk)
    if job.status != JobStatus.SUCCEEDED or not job.result or job.result_expired:
        messages.error(request, _("The result is not available: the job has not finished, or its file has expired."))
        return redirect("portal:job", pk=pk)
    return FileResponse(
        job.result.open("rb"), as_attachment=True, filename=job.result_name, content_type=job.result_content_type
    )


@portal_page
def notice_settings(request):
    """Which e-mails the person receives; the mandatory ones are shown, not offered."""
    if request.method == "POST":
        try:
            for item in notice_preferences(request.user):
                if not item["mandatory"]:
                    wanted = request.POST.get(item["kind"]) == "on"
                    notice_preference_set(actor=request.user, kind=item["kind"], enabled=wanted)
        except REFUSALS as exc:
            _say(request, exc)
        else:
            messages.success(request, _("Saved."))
        return redirect("portal:notices")
    return render(request, "portal/notices.html", {"items": notice_preferences(request.user)})
