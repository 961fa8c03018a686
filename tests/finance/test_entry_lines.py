from disclosure.finance.models import LedgerEntry

from .ledgers import (
    MEAL,
    Line,
    add_voucher,
    draft_period,
    page,
    photo,
    publish_draft,
    published_period,
)


def test_an_entry_with_money_in_and_out_shows_both(village_a, clerk_a, supervisor_a):
    refund = Line("退回多收保证金", "241", "其他应付款", "other_income", "800", "300")
    revision = published_period(village_a, clerk_a, supervisor_a, lines=[refund])
    html = page(revision.posting.get_absolute_url())
    assert "<strong>收 ¥800.00 · 支 ¥300.00</strong> 退回多收保证金<br>" in html
    assert "记-001 · 241 其他应付款" in html


def test_the_hospitality_list_shows_each_meal_with_its_approver(village_a, clerk_a, supervisor_a):
    revision = published_period(village_a, clerk_a, supervisor_a, lines=[MEAL])
    html = page(revision.posting.get_absolute_url())
    assert '招待费 <strong>¥320.00</strong> <span class="meta">审批人 张主任</span></li>' in html


def test_the_entries_page_shows_each_entrys_voucher_photos(village_a, clerk_a, supervisor_a):
    draft = draft_period(village_a, clerk_a)
    entry = LedgerEntry.objects.get(revision=draft, line=2)
    first = add_voucher(entry, filename="记-002a.jpg")
    add_voucher(entry, photo((90, 120, 200)), filename="记-002b.jpg")
    revision = publish_draft(draft, clerk_a, supervisor_a)
    html = page(f"/p/{revision.posting.code}/{revision.number}/entries/")
    line = html[html.index('id="line-2"') : html.index('id="line-3"')]
    assert line.index("凭证照片 记-002a.jpg") < line.index("凭证照片 记-002b.jpg")
    assert f"/fv/{first.blob_id}/" in line
    assert f"/ft/{first.thumbnail_id}.jpg" in line
