from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.publishing import services
from disclosure.publishing.audit import record
from disclosure.regions.models import RoleKind

from ..factories import draft_posting, make_staff

AUDIT = reverse("workspace:audit")


def rows_of(page: str) -> list[str]:
    return page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]


def test_a_township_official_reads_the_log_of_the_township_newest_first(
    as_township_official, village_a, clerk_a, village_b, clerk_b
):
    draft_posting(village_a, clerk_a, title="清河村通知")
    draft_posting(village_b, clerk_b, title="柳树村通知")

    response = as_township_official.get(AUDIT)

    assert response.status_code == 200
    rows = rows_of(response.content.decode())
    assert len(rows) == 2
    assert "柳树村" in rows[0] and "赵文书" in rows[0]
    assert "清河村" in rows[1] and "新建草稿" in rows[1]


def test_the_log_of_another_township_is_not_shown(
    as_township_official, village_c, village_a, clerk_a
):
    clerk_c = make_staff("clerk_c", RoleKind.CLERK, village_c, "吴会计")
    draft_posting(village_c, clerk_c, title="石桥村通知")
    draft_posting(village_a, clerk_a)

    page = as_township_official.get(AUDIT).content.decode()

    assert "吴会计" not in page
    assert len(rows_of(page)) == 1


def test_the_log_is_filtered_by_village_and_action(
    as_township_official, village_a, clerk_a, village_b, clerk_b
):
    revision = draft_posting(village_a, clerk_a)
    draft_posting(village_b, clerk_b)
    services.submit(revision=revision, by=clerk_a)

    by_village = as_township_official.get(AUDIT, {"village": village_a.code}).content.decode()
    by_action = as_township_official.get(
        AUDIT, {"village": village_a.code, "action": "revision.submit"}
    ).content.decode()

    assert len(rows_of(by_village)) == 2
    assert len(rows_of(by_action)) == 1
    assert "提交审核" in rows_of(by_action)[0]


def test_a_forged_filter_shows_a_message_instead_of_an_error(
    as_township_official, village_a, village_c
):
    response = as_township_official.get(AUDIT, {"village": village_c.code, "page": "abc"})

    assert response.status_code == 200
    assert 'id="id_village_error"' in response.content.decode()


def test_the_log_is_paginated(as_administrator, village_a, clerk_a):
    for number in range(51):
        record(by=clerk_a, action="revision.edit", village=village_a, target=f"第{number}次修改")

    first = as_administrator.get(AUDIT).content.decode()
    second = as_administrator.get(AUDIT, {"page": 2}).content.decode()

    assert len(rows_of(first)) == 50
    assert "第50次修改" in first
    assert rows_of(second)[0].count("第0次修改") == 1
    assert "第 1 页，共 2 页" in first


def test_clerks_and_supervisors_may_not_read_the_log(as_clerk_a, as_supervisor_a):
    assert as_clerk_a.get(AUDIT).status_code == 403
    assert as_supervisor_a.get(AUDIT).status_code == 403


def test_a_page_of_the_log_costs_the_same_queries_however_long_it_is(
    as_township_official, village_a, clerk_a, village_b, clerk_b
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert as_township_official.get(AUDIT).status_code == 200
        return len(captured)

    draft_posting(village_a, clerk_a)
    few = queries()
    for _ in range(5):
        draft_posting(village_a, clerk_a)
        draft_posting(village_b, clerk_b)

    assert queries() == few
