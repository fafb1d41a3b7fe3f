"""Evidence documents behind self-scores: checked for type and size, kept for good."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from hr.models import User
from reform.access import access_self_assessment
from reform.evidence_types import EVIDENCE_TYPES, extension_of
from reform.models import Appraisal, AppraisalStatus, Evidence, ScoreSource
from reform.services.appraisals import lock_appraisal, require_status

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def check_evidence_file(upload: UploadedFile) -> None:
    """Refuse files over 10 MB or other than pdf, jpg, png, docx, xlsx (by name and content)."""
    extension = extension_of(upload.name)
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            {"file": ValidationError(_("Accepted files: pdf, jpg, png, docx, xlsx."), code="file_type")}
        )
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError({"file": ValidationError(_("The file is larger than 10 MB."), code="file_too_large")})
    if upload.size == 0:
        raise ValidationError({"file": ValidationError(_("The file is empty."), code="file_empty")})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(EVIDENCE_TYPES[extension].signatures):
        raise ValidationError(
            {"file": ValidationError(_("The file's content does not match its type."), code="file_content_mismatch")}
        )


@transaction.atomic
def evidence_add(
    *, actor: User | None, appraisal: Appraisal, criterion_id: int, file: UploadedFile, note: str = ""
) -> Evidence:
    """Attach a document to the unit's self-score of one criterion (during self-assessment)."""
    access_self_assessment(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.SELF_ASSESSMENT)
    score = appraisal.scores.select_related("criterion").filter(criterion_id=criterion_id).first()
    if score is None or score.criterion.source != ScoreSource.SELF:
        raise ValidationError(
            {
                "criterion": ValidationError(
                    _("Not a self-assessed criterion of this appraisal."), code="not_self_assessed"
                )
            }
        )
    check_evidence_file(file)
    evidence = Evidence(
        score=score, file=file, original_name=file.name[:255], size=file.size, note=note, uploaded_by=actor
    )
    evidence.full_clean()
    evidence.save()
    return evidence
