"""Import endpoints: upload a CSV/XLSX file, dry run or real (all rows or none)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.parsers import CheckedFormParser, CheckedMultiPartParser
from exchange.serializers import ImportInputSerializer, ImportResultSerializer
from exchange.services.imports import records_import
from hr.permissions import IsPersonnelWriter

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
        responses={200: ImportResultSerializer, 400: REFUSED},
    )
    def post(self, request):
        serializer = ImportInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        result = records_import(
            kind=self.kind,
            actor=request.user,
            content=upload.read(),
            filename=upload.name or "",
            dry_run=serializer.validated_data["dry_run"],
        )
        answer = status.HTTP_200_OK if result.ok or result.dry_run else status.HTTP_400_BAD_REQUEST
        return Response(ImportResultSerializer(result.as_dict()).data, status=answer)
