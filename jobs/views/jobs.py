"""GET /jobs/, /jobs/{id}/ and /jobs/{id}/download/: the caller's own jobs (every job for the province)."""

from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.viewsets import ReadOnlyModelViewSet

from backend.api.exceptions import ApplicationError, Conflict
from jobs.access import access_job, job_scope_q
from jobs.models import Job, JobStatus
from jobs.serializers import JobSerializer


class JobViewSet(ReadOnlyModelViewSet):
    """Background jobs: a forms batch, a large import or export. Only whoever started one (and the province
    administration) sees it; anyone else gets a 404."""

    serializer_class = JobSerializer
    filter_backends = []  # no list filters: a job is found by its id, the list is the caller's own

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Job.objects.none()
        return Job.objects.filter(job_scope_q(self.request.user)).order_by("-created_at", "-pk")

    def get_object(self) -> Job:
        return access_job(self.request.user, self.kwargs["pk"])

    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The result")}
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The job's result file while it is kept (JOB_RESULT_HOURS); 409 before it is done, 410 once removed."""
        job = self.get_object()
        if job.result_expired:
            raise ApplicationError(
                _("The result of this job has expired and was removed; start the job again."),
                code="job_result_expired",
                status_code=status.HTTP_410_GONE,
            )
        if job.status != JobStatus.SUCCEEDED or not job.result:
            raise Conflict(_("The job has not finished yet, or it produced no file."), code="job_not_finished")
        response = FileResponse(
            job.result.open("rb"), as_attachment=True, filename=job.result_name, content_type=job.result_content_type
        )
        return response
