from disclosure.portal import proofs
from disclosure.publishing import chain

from ..factories import published_posting


def test_the_print_view_witnesses_the_online_record(client, road_notice, village_a):
    code = road_notice.posting.code
    later = published_posting(village_a, road_notice.author, road_notice.signed_off_by)

    page = client.get(f"/p/{code}/print/").content.decode()

    assert '<svg width="' in page
    assert f"http://testserver/p/{code}/" in page
    summary = page[page.index("本条摘要") :]
    assert road_notice.digest in summary[: summary.index("</dd>")]
    at_publication = page[page.index("发布时链头") :]
    assert road_notice.digest in at_publication[: at_publication.index("</dd>")]
    current = page[page.index("本村当前链头") :]
    assert later.digest == chain.head(village_a)
    assert later.digest in current[: current.index("</dd>")]


def test_the_printed_permalink_uses_the_public_address_when_configured(
    client, road_notice, settings
):
    settings.PUBLIC_BASE_URL = "https://cunwu.example.gov.cn"

    page = client.get(f"/p/{road_notice.posting.code}/print/").content.decode()

    assert f"https://cunwu.example.gov.cn/p/{road_notice.posting.code}/" in page


def test_the_print_view_of_a_correction_carries_its_reason(client, corrected_notice):
    page = client.get(f"/p/{corrected_notice.posting.code}/print/").content.decode()

    assert "开标日期写错，应为三月五日。" in page


def test_the_print_view_carries_the_county_logs_checkpoint_and_key(client, road_notice, village_a):
    later = published_posting(village_a, road_notice.author, road_notice.signed_off_by)
    receipt = proofs.receipt_of(later)

    page = client.get(f"/p/{road_notice.posting.code}/print/").content.decode()

    logged = page[page.index("县透明日志") :]
    assert f"共 2 条，根值 {receipt.root.hex()[:16]}" in logged[: logged.index("</dd>")]
    assert receipt.verifier_keys[0] in page
