"""How a job reads over the API: status, progress, the result's download address, or the failure."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jobs.models import Job
from jobs.registry import job_kind_label
from jobs.services import job_progress


class JobErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.JSONField()


class JobSerializer(serializers.ModelSerializer):
    kind_label = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "kind_label",
            "status",
            "done",
            "total",
            "progress",
            "download_url",
            "result_name",
            "summary",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
        ]
        read_only_fields = fields

    def get_kind_label(self, job: Job) -> str:
        return job_kind_label(job.kind)

    def get_progress(self, job: Job) -> float:
        """Share of the items done, 0 to 1 (live while a part runs)."""
        done, total = job_progress(job)
        return round(done / total, 4) if total else (1.0 if job.is_finished else 0.0)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_download_url(self, job: Job) -> str | None:
        if not job.result or job.result_expired:
            return None
        path = reverse("job-download", kwargs={"pk": job.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(JobErrorSerializer(allow_null=True))
    def get_error(self, job: Job) -> dict | None:
        if not job.error_code:
            return None
        return {"code": job.error_code, "detail": job.error_detail}
