"""The inbox: evaluations awaiting the caller's action, each with the actions they may take on it."""

from django.core.paginator import Paginator
from django.shortcuts import render

from evaluations.selectors.evaluations import status_choices
from evaluations.selectors.tasks import task_list
from evaluations.services.workflow import available_transitions
from portal.pages import portal_page

PAGE_SIZE = 50


@portal_page
def inbox(request):
    page = Paginator(task_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(evaluation, available_transitions(request.user, evaluation)) for evaluation in page]
    context = {"page": page, "rows": rows, "statuses": dict(status_choices())}
    return render(request, "portal/tasks.html", context)
