"""A register from the clerk's spreadsheet to a villager's phone.

The clerk (王会计) of 清河村 imports the register from Excel, checks the preview, takes it as a
snapshot and publishes it after the supervisor's sign-off; a villager reads it on a phone.
"""

from playwright.sync_api import expect

from disclosure.publishing import chain
from disclosure.publishing import services as publishing
from disclosure.publishing.models import Revision

from ..assets.conftest import ASSET_HEADER, workbook
from .conftest import PHONE, has_no_horizontal_scroll
from .test_notice_journey import log_in

ROWS = [
    ASSET_HEADER,
    ["ZC-001", "房屋建筑物", "村委会办公楼", "村中心", 1, 380000, "2012-06-01", "完好", "村委会"],
    ["ZC-002", "水利设施", "灌溉泵站", "村东", 1, 56000, "2018-04-01", "一般", "村委会"],
]


def test_a_clerk_imports_and_publishes_the_register_and_a_villager_reads_it(
    open_window, village_a, clerk_a, supervisor_a, tmp_path, screenshot
):
    spreadsheet = tmp_path / "资产登记.xlsx"
    spreadsheet.write_bytes(workbook(ROWS).getvalue())
    clerk = open_window()
    log_in(clerk, "clerk_a")

    clerk.goto(f"/staff/assets/v/{village_a.code}/import/")
    clerk.get_by_label("Excel 工作簿或 CSV 文件").set_input_files(spreadsheet)
    clerk.get_by_role("button", name="检查工作簿").click()
    expect(clerk.get_by_role("cell", name="灌溉泵站")).to_be_visible()
    clerk.get_by_role("button", name="确认导入").click()
    expect(clerk.get_by_role("status")).to_contain_text("新增 2 项")
    clerk.get_by_role("button", name="生成截至今日的登记表用于公开").click()
    clerk.get_by_role("button", name="提交审核").click()
    revision = Revision.objects.get(village=village_a)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor_a,
        opinion="与台账核对无误。",
    )
    clerk.reload()
    clerk.get_by_role("link", name="发布", exact=True).click()
    clerk.get_by_role("button", name="立即发布").click()
    expect(clerk.get_by_role("status")).to_contain_text("已发布")

    villager = open_window(PHONE)
    villager.goto(f"/v/{village_a.code}/")
    villager.locator("#section-assets > summary").click()  # the section opens with a tap
    villager.get_by_role("link", name="本村集体资产资源：登记表、汇总与变动情况").click()
    expect(villager.get_by_role("heading", level=1)).to_contain_text("集体资产资源")
    expect(villager.get_by_role("cell", name="380000.00").first).to_be_visible()
    expect(villager.get_by_role("cell", name="灌溉泵站")).to_be_visible()
    assert has_no_horizontal_scroll(villager)
    screenshot(villager, "assets-register")
