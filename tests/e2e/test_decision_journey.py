"""A major matter from proposal to result: four discussions, two disclosures, an objection.

The clerk (王会计) and the supervisor (李监督) of 清河村 work in desktop windows; a villager
reads and objects anonymously in a phone-sized window. The clock moves past the public-notice
period before the work is recorded, as it would in the village.
"""

from datetime import timedelta

import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from demo.files import notice_board_photo
from disclosure.decisions.models import Matter
from disclosure.decisions.states import notice_ends_at

from .conftest import PHONE, has_no_horizontal_scroll
from .test_notice_journey import log_in

TITLE = "清河村三组村道硬化工程"
OBJECTION = "路线经过三组晒谷场，施工期间请留出晾晒通道。"
ANSWER = "施工分段进行，晒谷场一侧保留通道，收获季节暂停施工。"
MEETINGS = [
    # (entitled, present, for, against, abstaining)
    (5, 5, 5, 0, 0),
    (9, 9, 8, 1, 0),
    (30, 24, 22, 1, 1),
    (36, 30, 27, 2, 1),
]


def open_the_matter(clerk: Page, village) -> None:
    clerk.goto("/staff/decisions/")
    clerk.get_by_role("link", name=village.name, exact=True).click()
    clerk.get_by_label("标题").fill(TITLE)
    clerk.get_by_label("事项类别").select_option("public_welfare")
    clerk.get_by_label("涉及金额（元）").fill("380000.00")
    clerk.get_by_label("说明").fill("三组村道1.2公里土路硬化为水泥路面。")
    clerk.get_by_role("button", name="创建事项").click()
    expect(clerk.get_by_role("heading", name=TITLE, level=1)).to_be_visible()


def record_the_four_discussions(clerk: Page) -> None:
    today = timezone.localdate()
    for number, (entitled, present, yes, no, abstaining) in enumerate(MEETINGS, start=1):
        clerk.get_by_role("link", name=f"登记第{number}议").click()
        held_on = today - timedelta(days=len(MEETINGS) - number + 1)
        clerk.get_by_label("召开日期").fill(held_on.isoformat())
        clerk.get_by_label("应到人数").fill(str(entitled))
        clerk.get_by_label("实到人数").fill(str(present))
        clerk.get_by_label("赞成票").fill(str(yes))
        clerk.get_by_label("反对票").fill(str(no))
        clerk.get_by_label("弃权票").fill(str(abstaining))
        clerk.get_by_role("button", name="登记", exact=True).click()
        expect(clerk.get_by_role("heading", name=TITLE, level=1)).to_be_visible()


def submit(clerk: Page) -> None:
    clerk.get_by_role("button", name="提交审核").click()
    expect(clerk.get_by_role("status")).to_contain_text("已提交村务监督委员会审核")


def sign_off(supervisor: Page, matter: Matter, section: str) -> None:
    supervisor.goto(f"/staff/decisions/{matter.pk}/")
    supervisor.get_by_role("region", name=section).get_by_role("link", name=TITLE).click()
    supervisor.get_by_label("村务监督委员会审核意见").fill("程序合法，表决真实，同意公开。")
    supervisor.get_by_role("button", name="审核通过").click()
    expect(supervisor.get_by_role("status")).to_contain_text("已审核通过")


def publish(clerk: Page, matter: Matter, section: str) -> None:
    clerk.goto(f"/staff/decisions/{matter.pk}/")
    clerk.get_by_role("region", name=section).get_by_role("link", name=TITLE).click()
    clerk.get_by_role("link", name="发布", exact=True).click()
    clerk.get_by_role("button", name="立即发布").click()
    expect(clerk.get_by_role("status")).to_contain_text("已发布")


def object_as_a_villager(villager: Page, village) -> None:
    villager.goto(f"/v/{village.code}/")
    villager.locator("#section-decisions > summary").click()  # the section opens with a tap
    villager.get_by_role("link", name="全部重大事项").click()
    villager.get_by_role("link", name=TITLE).click()
    expect(villager.get_by_text("公示期剩余7天0小时")).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    villager.get_by_label("您的异议").fill(OBJECTION)
    villager.get_by_role("button", name="提交异议").click()
    expect(villager.get_by_role("status")).to_contain_text("经村务监督委员会审核后将在此公开")
    expect(villager.get_by_text(OBJECTION)).to_have_count(0)


def list_and_answer(supervisor: Page, clerk: Page, matter: Matter) -> None:
    supervisor.goto(f"/staff/decisions/{matter.pk}/")
    supervisor.get_by_role("button", name="公开", exact=True).click()
    clerk.goto(f"/staff/decisions/{matter.pk}/")
    clerk.get_by_label("答复").fill(ANSWER)
    clerk.get_by_role("button", name="发布答复").click()
    expect(clerk.get_by_text(ANSWER)).to_be_visible()


def record_progress(clerk: Page, *, percent: str, spent: str, text: str, phase: str, photo):
    clerk.get_by_role("link", name="登记进度").click()
    clerk.get_by_label("日期").fill(timezone.localdate().isoformat())
    clerk.get_by_label("实施内容").fill(text)
    clerk.get_by_label("进度（%）").fill(percent)
    clerk.get_by_label("累计支出（元）").fill(spent)
    clerk.get_by_role("button", name="登记进度").click()
    update = clerk.get_by_role("listitem").filter(has_text=text)
    update.get_by_text("添加照片或关联").click()
    # Every update's photo form repeats the same field ids (id_phase, id_file, as the
    # document form does), so a label leads to the first of them: fields are found by name.
    update.locator("select[name=phase]").select_option(phase)
    update.locator("input[type=file]").set_input_files(photo)
    update.get_by_role("button", name="上传照片").click()
    expect(clerk.get_by_text(photo.name)).to_be_visible()


def disclose_the_result(clerk: Page) -> None:
    clerk.get_by_role("link", name="准备实施结果公开").click()
    clerk.get_by_label("实施内容").fill("三组村道1.2公里已硬化并通车。")
    clerk.get_by_label("最终费用（元）").fill("371500.00")
    clerk.get_by_label("验收日期").fill(timezone.localdate().isoformat())
    clerk.get_by_label("验收单位或人员").fill("镇农经站、村务监督委员会")
    clerk.get_by_label("验收意见").fill("工程质量合格，同意验收。")
    clerk.get_by_role("button", name="保存草稿").click()
    submit(clerk)


def photo_file(tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(notice_board_photo(seed=name))
    return path


def test_a_major_matter_goes_from_proposal_to_result_before_the_villagers_eyes(
    open_window, screenshot, village_a, clerk_a, supervisor_a, tmp_path
):
    clerk, supervisor = open_window(), open_window()
    log_in(clerk, "clerk_a")
    log_in(supervisor, "supervisor_a")

    open_the_matter(clerk, village_a)
    record_the_four_discussions(clerk)
    screenshot(clerk, "decisions-staff-matter")
    clerk.get_by_role("button", name="准备决议公开").click()
    submit(clerk)
    matter = Matter.objects.get(title=TITLE)
    sign_off(supervisor, matter, "决议公开")
    publish(clerk, matter, "决议公开")

    villager = open_window(PHONE)
    object_as_a_villager(villager, village_a)
    screenshot(villager, "decisions-in-notice")
    list_and_answer(supervisor, clerk, matter)
    villager.reload()
    expect(villager.get_by_text(OBJECTION)).to_be_visible()
    expect(villager.get_by_text(ANSWER)).to_be_visible()

    matter.refresh_from_db()
    with time_machine.travel(notice_ends_at(matter) + timedelta(hours=1)):
        # Days later: staff sessions end when idle, so both log in again.
        log_in(clerk, "clerk_a")
        log_in(supervisor, "supervisor_a")
        clerk.goto(f"/staff/decisions/{matter.pk}/")
        before = photo_file(tmp_path, "施工前.jpg")
        after = photo_file(tmp_path, "完工后.jpg")
        text = "路基平整，开始浇筑。"
        record_progress(
            clerk, percent="40", spent="150000", text=text, phase="before", photo=before
        )
        text = "全部完工，已通车。"
        record_progress(clerk, percent="100", spent="371500", text=text, phase="after", photo=after)
        disclose_the_result(clerk)
        sign_off(supervisor, matter, "实施结果公开")
        publish(clerk, matter, "实施结果公开")

        villager.reload()
        expect(villager.get_by_text("结果已公开").first).to_be_visible()
        expect(villager.get_by_text("比决议金额少8,500.00元（2.2%）")).to_be_visible()
        expect(villager.get_by_text("累计支出150,000.00元")).to_be_visible()
        expect(villager.get_by_text("应到36人，实到30人")).to_be_visible()
        expect(villager.get_by_role("link", name="实施前 · 施工前.jpg")).to_be_visible()
        expect(villager.get_by_role("button", name="提交异议")).to_have_count(0)
        assert has_no_horizontal_scroll(villager)
        screenshot(villager, "decisions-result")
