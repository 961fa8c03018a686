from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from disclosure.publishing import services
from disclosure.regions.models import Role, RoleKind

from ..factories import draft_posting, make_staff, published_posting

HOME = reverse("workspace:home")


def page_of(client) -> str:
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_a_clerk_sees_their_village_with_links_to_start_each_kind(as_clerk_a, village_a):
    page = page_of(as_clerk_a)

    assert "清河村" in page
    for kind in ("notice", "audit_report", "power_list"):
        assert reverse("workspace:new", args=[village_a.code, kind]) in page


def test_a_clerk_sees_their_drafts_and_why_one_was_returned(
    as_clerk_a, village_a, clerk_a, supervisor_a
):
    draft_posting(village_a, clerk_a, title="三月份通知")
    returned = draft_posting(village_a, clerk_a, title="一季度财务审计报告")
    services.submit(revision=returned, by=clerk_a)
    services.return_for_changes(revision=returned, by=supervisor_a, reason="缺少审计结论")

    page = page_of(as_clerk_a)

    assert "我的草稿" in page
    assert "三月份通知" in page
    assert "一季度财务审计报告" in page
    assert "退回理由：</strong> 缺少审计结论" in page


def test_a_clerk_does_not_see_drafts_of_another_village(as_clerk_a, village_b, clerk_b):
    draft_posting(village_b, clerk_b, title="柳树村的草稿")

    assert "柳树村的草稿" not in page_of(as_clerk_a)


def test_a_supervisor_sees_the_review_queue_of_their_village(as_supervisor_a, submitted_a):
    page = page_of(as_supervisor_a)

    assert "待我审核" in page
    assert reverse("workspace:revision", args=[submitted_a.pk]) in page
    assert "新建" not in page


def test_a_supervisor_does_not_review_what_they_wrote_themselves(
    as_supervisor_a, village_a, supervisor_a
):
    Role.objects.create(user=supervisor_a, region=village_a, kind=RoleKind.CLERK)
    own = draft_posting(village_a, supervisor_a, title="监督委员自己起草的通知")
    services.submit(revision=own, by=supervisor_a)

    page = page_of(as_supervisor_a)
    queue = page.split("待我审核")[1].split("</section>")[0]

    assert "监督委员自己起草的通知" not in queue
    assert "暂无待审核事项" in queue


def test_a_clerk_sees_what_is_signed_off_and_waiting_to_be_published(as_clerk_a, signed_off_a):
    page = page_of(as_clerk_a)
    waiting = page.split("已审核通过，待发布")[1].split("</section>")[0]

    assert signed_off_a.title in waiting


def test_a_clerk_can_correct_or_withdraw_what_was_recently_published(as_clerk_a, published_a):
    page = page_of(as_clerk_a)

    assert "最近发布" in page
    assert reverse("workspace:correct", args=[published_a.posting.code]) in page
    assert reverse("workspace:withdraw", args=[published_a.posting.code]) in page


def test_a_township_official_sees_work_in_progress_in_the_township_read_only(
    as_township_official, draft_a, village_b, clerk_b, village_c
):
    clerk_c = make_staff("clerk_c", RoleKind.CLERK, village_c, "吴会计")
    draft_posting(village_b, clerk_b, title="柳树村低保公示")
    draft_posting(village_c, clerk_c, title="石桥村的草稿")

    page = page_of(as_township_official)

    assert "辖区各村办理中的公开事项" in page
    assert draft_a.title in page
    assert "柳树村低保公示" in page
    assert "石桥村的草稿" not in page
    assert "新建：" not in page
    assert "待我审核" not in page
    assert "我的草稿" not in page


def test_the_audit_log_is_offered_only_to_those_who_may_read_it(as_clerk_a, as_township_official):
    audit = reverse("workspace:audit")

    assert audit not in page_of(as_clerk_a)
    assert audit in page_of(as_township_official)


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_however_many_postings_there_are(
    as_clerk_a, as_township_official, village_a, clerk_a, supervisor_a
):
    def add_postings():
        draft_posting(village_a, clerk_a, title="草稿")
        submitted = draft_posting(village_a, clerk_a, title="待审核")
        services.submit(revision=submitted, by=clerk_a)
        published_posting(village_a, clerk_a, supervisor_a, title="已公开")

    add_postings()
    few = [queries_for(client, HOME) for client in (as_clerk_a, as_township_official)]
    for _ in range(4):
        add_postings()

    assert [queries_for(client, HOME) for client in (as_clerk_a, as_township_official)] == few


def test_the_administrator_oversees_every_village_of_the_county(
    as_administrator, village_a, village_b, village_c, draft_a
):
    page = page_of(as_administrator)

    for name in ("清河村", "柳树村", "石桥村"):
        assert name in page
    assert draft_a.title in page.split("辖区各村办理中的公开事项")[1]
    assert "新建：" not in page
