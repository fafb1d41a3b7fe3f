"""Reads of evidence documents: the one a caller who sees the appraisal may download."""

from django.http import Http404

from reform.models import Appraisal, Evidence

# The content type each accepted extension is served with (the upload checks name and content alike).
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def evidence_of_appraisal(*, appraisal: Appraisal, evidence_id: int) -> Evidence:
    """The evidence attached to one of the appraisal's scores; 404 for any other id."""
    evidence = Evidence.objects.filter(score__appraisal=appraisal, pk=evidence_id).first()
    if evidence is None:
        raise Http404
    return evidence


def evidence_content_type(evidence: Evidence) -> str:
    extension = evidence.original_name.rsplit(".", 1)[-1].lower()
    return CONTENT_TYPES.get(extension, "application/octet-stream")
