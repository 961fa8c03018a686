"""The workspace's navigation offers each person the areas their roles have a part in."""

import pytest

pytestmark = pytest.mark.django_db

AREAS = {
    "村民质询": "/staff/participation/",
    "举报受理": "/staff/reports/",
    "乡镇督查": "/staff/oversight/",
    "红旗预警": "/staff/flags/",
    "操作日志": "/staff/audit/",
}
EXPECTED = {
    "clerk_a": {"村民质询", "红旗预警"},
    "supervisor_a": {"村民质询", "红旗预警"},
    "township_official": {"举报受理", "乡镇督查", "红旗预警", "操作日志"},
    "report_handler": {"举报受理", "乡镇督查", "红旗预警"},
    "village_report_handler": {"红旗预警"},
    "administrator": {"乡镇督查", "红旗预警", "操作日志"},
}


@pytest.mark.parametrize("person", EXPECTED)
def test_each_person_sees_the_areas_of_their_roles(request, client, person):
    client.force_login(request.getfixturevalue(person))

    nav = client.get("/staff/").content.decode().split('<nav class="staff"')[1].split("</nav>")[0]

    shown = {label for label, url in AREAS.items() if f'<a href="{url}">{label}</a>' in nav}
    assert shown == EXPECTED[person]
