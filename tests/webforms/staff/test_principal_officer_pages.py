"""Every Principal Officer page: a title, one h1, and no id used twice (labels and error links
depend on ids being unique)."""

from __future__ import annotations

import re
from collections import Counter

from staff.roles import Role
from tests.factories import AMIRA
from tests.webforms.staff.test_principal_officer import frozen  # noqa: F401

IDS = re.compile(r'\sid="([^"]+)"')
PAGES = (
    "/staff/alerts",
    "/staff/alerts/{alert_id}",
    "/staff/responses/{response_id}",
    "/staff/my-conferences",
    "/staff/consultations",
    "/staff/consultations/{consultation_id}/outcome",
    "/staff/escalations",
    "/staff/escalations/{escalation_id}",
    "/staff/escalations/new",
    "/staff/screen-check/{sample_id}",
)


def test_each_page_has_a_title_one_h1_and_unique_ids(client, world, sign_in_as):
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    for template in PAGES:
        if "{sample_id}" in template and "sample_id" not in world.params:
            continue
        url = template.format(**world.params)
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.text.count("<h1") == 1, url
        assert re.search(r"<title>\S.* – Heard staff", page.text), url
        repeated = [i for i, n in Counter(IDS.findall(page.text)).items() if n > 1]
        assert repeated == [], (url, repeated)
