"""The document types accepted as reform evidence: the bytes each must start with and the type it is served as."""

from typing import NamedTuple


class EvidenceType(NamedTuple):
    signatures: tuple[bytes, ...]
    content_type: str


# By extension. A renamed executable is not a PDF: the content must start with one of the type's signatures.
# Word and Excel files (docx, xlsx) are zip containers.
EVIDENCE_TYPES = {
    "pdf": EvidenceType((b"%PDF",), "application/pdf"),
    "jpg": EvidenceType((b"\xff\xd8\xff",), "image/jpeg"),
    "jpeg": EvidenceType((b"\xff\xd8\xff",), "image/jpeg"),
    "png": EvidenceType((b"\x89PNG\r\n\x1a\n",), "image/png"),
    "docx": EvidenceType((b"PK\x03\x04",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": EvidenceType((b"PK\x03\x04",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def extension_of(name: str) -> str:
    """The lower-case extension of a file name, or "" when it has none."""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""
