"""Routes of the portal, mounted at the site root (the API stays under /api/, the admin under /admin/)."""

from django.urls import path
from django.views.i18n import set_language

from portal.views import accounts, cycles, evaluations, jobs, records, tasks, units

app_name = "portal"

urlpatterns = [
    path("", records.home, name="home"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("language/", set_language, name="set-language"),
    path("password/change/", accounts.PasswordChangeView.as_view(), name="password-change"),
    path("password/reset/", accounts.password_reset_request, name="password-reset"),
    path("password/reset/sent/", accounts.password_reset_sent, name="password-reset-sent"),
    path("password/reset/done/", accounts.password_reset_done, name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("me/", records.record, name="my-record"),
    path("me/training/", records.training, name="my-training"),
    path("me/evaluations/", evaluations.evaluation_list_page, name="my-evaluations"),
    path("me/discipline/", records.discipline, name="my-discipline"),
    path("people/<int:employee_id>/", records.record, name="person"),
    path("people/<int:employee_id>/training/", records.training, name="person-training"),
    path("people/<int:employee_id>/evaluations/", evaluations.evaluation_list_page, name="person-evaluations"),
    path("people/<int:employee_id>/discipline/", records.discipline, name="person-discipline"),
    path("evaluations/<int:pk>/", evaluations.evaluation_detail, name="evaluation"),
    path("evaluations/<int:pk>/steps/<slug:name>/", evaluations.evaluation_act, name="evaluation-act"),
    path("evaluations/<int:pk>/steps/<slug:name>/preview/", evaluations.evaluation_preview, name="evaluation-preview"),
    path("evaluations/<int:pk>/form.pdf", evaluations.evaluation_pdf, name="evaluation-pdf"),
    path("tasks/", tasks.inbox, name="tasks"),
    path("unit/", units.unit_overview, name="unit"),
    path("cycles/", cycles.cycles, name="cycles"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle"),
    path("cycles/<int:pk>/forms/", jobs.forms_batch, name="forms-batch"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job-download"),
    path("me/notices/", jobs.notice_settings, name="notices"),
]
