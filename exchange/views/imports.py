"""Import endpoints: upload a CSV/XLSX file, dry run or real (all rows or none)."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.parsers import CheckedFormParser, CheckedMultiPartParser
from exchange.serializers import ImportInputSerializer, ImportResultSerializer
from exchange.services.import_jobs import import_runs_as_job, records_import_start
from exchange.services.imports import records_import
from hr.permissions import IsPersonnelWriter
from jobs.serializers import JobSerializer

REFUSED = OpenApiResponse(
    response={"oneOf": [{"$ref": "#/components/schemas/ImportResult"}, {"$ref": "#/components/schemas/Error"}]},
    description="Bad rows (the result, nothing written) or a refused upload (the error shape)",
)


class ImportApi(APIView):
    """Import records from a CSV or XLSX file (administrators and personnel officers).

    `dry_run=true` reports every bad row and writes nothing; a real run writes every
    row or, when any row is bad, none (400 with the same error list).
    """

    kind = ""
    permission_classes = [IsPersonnelWriter]
    parser_classes = [CheckedMultiPartParser, CheckedFormParser]

    @extend_schema(
        request={"multipart/form-data": ImportInputSerializer},
        # A failed real run answers 400 with the same body as the 200; other refusals (a missing or
        # unreadable file, too many rows) answer the error shape.
        responses={200: ImportResultSerializer, 202: JobSerializer, 400: REFUSED},
    )
    def post(self, request):
        """Files larger than EXCHANGE_JOB_THRESHOLD_BYTES are imported by a worker: 202 with the job, whose
        `summary` is this endpoint's result once it is done (GET /jobs/{id}/)."""
        serializer = ImportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        if import_runs_as_job(upload.size):
            job = records_import_start(
                kind=self.kind,
                actor=request.user,
                content=upload.read(),
                filename=upload.name or "",
                dry_run=serializer.validated_data["dry_run"],
            )
            response = Response(JobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)
            response["Location"] = reverse("job-detail", kwargs={"pk": job.pk})
            return response
        result = records_import(
            kind=self.kind,
            actor=request.user,
            content=upload.read(),
            filename=upload.name or "",
            dry_run=serializer.validated_data["dry_run"],
        )
        answer = status.HTTP_200_OK if result.ok or result.dry_run else status.HTTP_400_BAD_REQUEST
        return Response(ImportResultSerializer(result.as_dict()).data, status=answer)
