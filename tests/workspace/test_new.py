import pytest
from django.urls import reverse

from disclosure.publishing.models import Posting, Revision, RevisionState


def new_url(village, kind="notice"):
    return reverse("workspace:new", args=[village.code, kind])


def power_rows(*rows, initial=0):
    data = {"powers-TOTAL_FORMS": str(len(rows)), "powers-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data.update({f"powers-{index}-{key}": value for key, value in row.items()})
    return data


SEAL = {
    "name": "村委会公章使用",
    "steps": "申请→村委会主任审批→登记用印",
    "documents": "用印申请表",
    "time_limit": "1个工作日",
    "fee": "免费",
    "responsible": "村委会主任",
}
CERTIFICATE = {**SEAL, "name": "出具居住证明", "steps": "申请→核实→出具"}


@pytest.mark.parametrize(
    ("kind", "label"),
    [("notice", "通知公告"), ("audit_report", "审计报告"), ("power_list", "小微权力清单")],
)
def test_the_form_of_each_kind_names_the_village_and_the_kind(as_clerk_a, village_a, kind, label):
    response = as_clerk_a.get(new_url(village_a, kind))

    assert response.status_code == 200
    assert f"新建清河村{label}" in response.content.decode()
    assert ("添加一行 / 应用删除" in response.content.decode()) == (kind == "power_list")


def test_a_clerk_drafts_a_notice(as_clerk_a, village_a, clerk_a):
    response = as_clerk_a.post(
        new_url(village_a), {"title": "关于春耕用水安排的通知", "body": "各村民小组："}, follow=True
    )

    revision = Revision.objects.get()
    assert response.redirect_chain[-1][0] == reverse("workspace:revision", args=[revision.pk])
    assert "草稿已保存" in response.content.decode()
    assert (revision.title, revision.state, revision.author) == (
        "关于春耕用水安排的通知",
        RevisionState.DRAFT,
        clerk_a,
    )
    assert revision.posting.village == village_a


def test_a_notice_without_a_title_is_refused_and_nothing_is_saved(as_clerk_a, village_a):
    response = as_clerk_a.post(new_url(village_a), {"title": "  ", "body": "正文"})

    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()
    assert not Posting.objects.exists()


def test_a_list_of_small_powers_is_drafted_with_its_rows(as_clerk_a, village_a):
    data = {"title": "清河村小微权力清单", **power_rows(SEAL, CERTIFICATE, {})}

    as_clerk_a.post(new_url(village_a, "power_list"), data)

    revision = Revision.objects.get()
    assert [item.name for item in revision.power_items.all()] == ["村委会公章使用", "出具居住证明"]


def test_a_half_filled_power_is_refused_beside_its_row(as_clerk_a, village_a):
    data = {"title": "清河村小微权力清单", **power_rows({**SEAL, "time_limit": ""})}

    response = as_clerk_a.post(new_url(village_a, "power_list"), data)

    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()
    assert not Posting.objects.exists()


def test_add_a_row_shows_one_more_row_and_saves_nothing(as_clerk_a, village_a):
    data = {"title": "清河村小微权力清单", "add_row": "1", **power_rows(SEAL)}

    response = as_clerk_a.post(new_url(village_a, "power_list"), data)

    page = response.content.decode()
    assert 'name="powers-TOTAL_FORMS" value="2"' in page
    assert 'value="村委会公章使用"' in page
    assert 'value="清河村小微权力清单"' in page
    assert not Posting.objects.exists()


def test_add_a_row_also_takes_out_rows_marked_for_removal(as_clerk_a, village_a):
    data = {
        "title": "清河村小微权力清单",
        "add_row": "1",
        **power_rows(SEAL, CERTIFICATE, initial=2),
        "powers-0-DELETE": "on",
    }

    page = as_clerk_a.post(new_url(village_a, "power_list"), data).content.decode()

    assert "村委会公章使用" not in page
    assert 'value="出具居住证明"' in page
    assert 'name="powers-TOTAL_FORMS" value="2"' in page


def test_a_forged_formset_is_refused_without_an_error_page(as_clerk_a, village_a):
    response = as_clerk_a.post(new_url(village_a, "power_list"), {"title": "清单"})

    assert response.status_code == 200
    assert not Posting.objects.exists()


def test_an_unknown_kind_is_not_found(as_clerk_a, village_a):
    assert as_clerk_a.get(new_url(village_a, "lottery")).status_code == 404


def test_a_clerk_cannot_draft_for_another_village(as_clerk_b, village_a):
    response = as_clerk_b.post(new_url(village_a), {"title": "越权的通知"})

    assert response.status_code == 404
    assert not Posting.objects.exists()


def test_a_township_official_cannot_draft_for_a_village(as_township_official, village_a):
    response = as_township_official.post(new_url(village_a), {"title": "乡镇代拟的通知"})

    assert response.status_code == 403
    assert not Posting.objects.exists()


def test_a_township_cannot_be_given_postings(as_clerk_a, township):
    assert as_clerk_a.get(new_url(township)).status_code == 404


def test_an_address_that_is_not_a_division_code_is_not_found(as_clerk_a, village_a):
    assert as_clerk_a.get("/staff/v/%00/new/notice/").status_code == 404
