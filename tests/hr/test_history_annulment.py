"""An annulment's history entry lists what the annulment changed, though those fields are not editable."""

import pytest
from django.urls import reverse

from tests.matrix.discipline import commendation

pytestmark = pytest.mark.django_db


def test_annulment_entry_shows_its_changes(org, as_user):
    record = commendation(employee=org.a.staff.employee)
    client = as_user(org.a.officer)
    body = {"annulled_on": "2026-02-01", "annulling_decision_number": "11/QĐ-SNV", "reason": "Hồ sơ không đúng"}
    assert client.post(reverse("commendation-annul", args=[record.pk]), body, format="json").status_code == 200

    latest = client.get(reverse("commendation-history", args=[record.pk])).data["results"][0]

    assert latest["history_type"] == "changed"
    changes = {change["field"]: (change["old"], change["new"]) for change in latest["changes"]}
    assert changes["annulled_on"] == (None, "2026-02-01")
    assert changes["annulling_decision_number"] == ("", "11/QĐ-SNV")
    assert changes["annulment_reason"] == ("", "Hồ sơ không đúng")
