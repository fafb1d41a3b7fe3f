"""Reads of evidence documents: the one a caller who sees the appraisal may download."""

from django.http import Http404

from reform.evidence_types import EVIDENCE_TYPES, extension_of
from reform.models import Appraisal, Evidence


def evidence_of_appraisal(*, appraisal: Appraisal, evidence_id: int) -> Evidence:
    """The evidence attached to one of the appraisal's scores; 404 for any other id."""
    evidence = Evidence.objects.filter(score__appraisal=appraisal, pk=evidence_id).first()
    if evidence is None:
        raise Http404
    return evidence


def evidence_content_type(evidence: Evidence) -> str:
    """The type the document is served as, from its name (which the upload checked against its content)."""
    kind = EVIDENCE_TYPES.get(extension_of(evidence.original_name))
    return kind.content_type if kind else "application/octet-stream"
