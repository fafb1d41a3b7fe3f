"""The inbox: evaluations awaiting the caller's action, each with the actions they may take on it, and the
dossier self-updates awaiting their decision (personnel officers and administrators)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from dossier.selectors.proposals import proposal_tasks
from evaluations.selectors.evaluations import status_choices
from evaluations.selectors.tasks import task_list
from evaluations.services.workflow import available_transitions
from portal.pages import portal_page

PAGE_SIZE = 50


@portal_page
def inbox(request):
    page = Paginator(task_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(evaluation, available_transitions(request.user, evaluation)) for evaluation in page]
    proposals = proposal_tasks(user=request.user)
    context = {
        "page": page,
        "rows": rows,
        "statuses": dict(status_choices()),
        # The oldest first; each is decided through the API (POST /api/v1/dossier/proposals/{id}/approve/ or reject/).
        "proposals": list(proposals[:PAGE_SIZE]),
        "proposal_count": proposals.count(),
    }
    return render(request, "portal/tasks.html", context)
