"""The ten data groups of the electronic dossier, in the order of NĐ 27/2026/NĐ-CP (DOMAIN.md §6.5).

The keys are the feed's contract with the national database connector: the JSON of a dossier
(`sync/schema/dossier.schema.json`) carries every group, in this order, under these keys.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INSTRUMENT = "Nghị định 27/2026/NĐ-CP"


@dataclass(frozen=True)
class Group:
    number: int
    key: str
    label: str | Promise


GROUPS = (
    Group(1, "identity", _("Basic identity and origin")),
    Group(2, "family", _("Family relations")),
    Group(3, "personal_history", _("Personal history")),
    Group(
        4, "career", _("Recruitment, appointment, planning, transfer, rotation, secondment, resignation, retirement")
    ),
    Group(5, "education", _("Education, qualifications and training")),
    Group(6, "work", _("Agency, job position, post, salary and allowances, rating, commendation, discipline")),
    Group(7, "organisations", _("Political and socio-political organisations")),
    Group(8, "armed_forces", _("Armed-forces service")),
    Group(9, "assets_income", _("Assets and income")),
    Group(10, "health", _("Health")),
)

GROUP_KEYS = tuple(group.key for group in GROUPS)
