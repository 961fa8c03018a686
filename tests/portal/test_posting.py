from disclosure.publishing import services
from disclosure.publishing.catalogue import Kind

from .conftest import ROAD_NOTICE


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_villager_reads_a_published_notice(client, road_notice):
    page = page_of(client, f"/p/{road_notice.posting.code}/")

    assert f"<h1>{ROAD_NOTICE}</h1>" in page
    assert "<p>村道修路工程即日起公开招标。</p>" in page
    assert f'<p class="kind">{Kind.NOTICE.label}</p>' in page
    assert road_notice.digest in page


def test_the_supervision_sign_off_is_shown(client, road_notice):
    page = page_of(client, f"/p/{road_notice.posting.code}/")

    assert "李监督" in page
    assert "内容属实，同意公开。" in page


def test_the_posting_carries_a_qr_code_of_its_permalink_and_a_print_link(client, road_notice):
    code = road_notice.posting.code
    page = page_of(client, f"/p/{code}/")

    assert '<svg width="' in page and 'class="qr"' in page
    assert f"http://testserver/p/{code}/" in page
    assert f'href="/p/{code}/print/"' in page


def test_a_posting_never_published_is_not_found(client, draft_notice):
    assert client.get(f"/p/{draft_notice.posting.code}/").status_code == 404
    assert client.get(f"/p/{draft_notice.posting.code}/1/").status_code == 404
    assert client.get(f"/p/{draft_notice.posting.code}/print/").status_code == 404


def test_a_correction_shows_its_reason_and_both_revisions(client, corrected_notice):
    code = corrected_notice.posting.code
    page = page_of(client, f"/p/{code}/")

    content = page[page.index("<article") : page.index("</article>")]
    assert "开标日期写错，应为三月五日。" in content
    assert "开标日期为三月五日。" in content
    history = page[page.index("修订记录") :]
    assert f'href="/p/{code}/1/"' in history and f'href="/p/{code}/2/"' in history
    assert corrected_notice.prev_digest in history and corrected_notice.digest in history


def test_a_superseded_revision_says_so_and_links_to_the_current_one(client, corrected_notice):
    code = corrected_notice.posting.code
    page = page_of(client, f"/p/{code}/1/")

    assert "已被新版本取代" in page
    assert f'<a href="/p/{code}/">查看现行版本</a>' in page
    assert "村道修路工程即日起公开招标。" in page


def test_the_current_revision_by_number_is_not_called_superseded(client, corrected_notice):
    page = page_of(client, f"/p/{corrected_notice.posting.code}/2/")

    assert "已被新版本取代" not in page


def test_a_withdrawn_posting_shows_the_notice_and_keeps_its_history(client, withdrawn_notice):
    code = withdrawn_notice.posting.code
    page = page_of(client, f"/p/{code}/")

    assert "本条公开已撤回" in page
    assert "会议改期，另行通知。" in page
    assert f'href="/p/{code}/1/"' in page
    assert "<p>正文</p>" in page_of(client, f"/p/{code}/1/")


def test_a_correction_in_progress_stays_hidden(client, road_notice, clerk_a):
    posting = road_notice.posting
    draft = services.start_correction(posting=posting, by=clerk_a, reason="草稿中的更正原因")
    services.update_draft(
        revision=draft, content=services.Content(title="草稿标题", body="草稿正文"), by=clerk_a
    )

    page = page_of(client, f"/p/{posting.code}/")

    assert "草稿中的更正原因" not in page and "草稿标题" not in page
    assert client.get(f"/p/{posting.code}/2/").status_code == 404


def test_a_list_of_powers_shows_each_power_with_its_procedure(client, power_list):
    page = page_of(client, f"/p/{power_list.posting.code}/")

    assert "<h3>出具居住证明</h3>" in page
    assert "1. 村民提出申请<br>2. 村委会核实<br>3. 出具证明" in page
    for value in ("身份证、户口簿", "3个工作日", "不收费", "村委会主任 张三"):
        assert value in page


def test_a_phone_number_is_never_shown_in_full(client, power_list):
    page = page_of(client, f"/p/{power_list.posting.code}/")

    assert "13812345678" not in page
    assert "138****5678" in page


def test_attachments_show_as_a_thumbnail_and_a_pdf_link_with_its_size(client, notice_with_files):
    page = page_of(client, f"/p/{notice_with_files.posting.code}/")
    image, pdf = notice_with_files.attachments.order_by("position")

    assert (
        f'<a href="{image.get_absolute_url()}"><img src="/t/{image.thumbnail.sha256}.jpg"' in page
    )
    assert f'<a href="{pdf.get_absolute_url()}">清查报告.pdf</a>' in page
    assert "(PDF, 45\xa0字节)" in page


def test_a_revision_number_beyond_any_stored_is_not_found(client, road_notice):
    code = road_notice.posting.code
    assert client.get(f"/p/{code}/99999999999999999999/").status_code == 404
    assert client.get(f"/p/{code}/7/").status_code == 404


def test_a_permalink_code_may_be_typed_in_lower_case(client, road_notice):
    assert client.get(f"/p/{road_notice.posting.code.lower()}/").status_code == 200


def test_a_page_seen_before_comes_back_as_not_modified(client, road_notice):
    url = f"/p/{road_notice.posting.code}/"
    first = client.get(url)

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert "max-age=300" in first["Cache-Control"]
    assert again.status_code == 304


def test_the_workspace_preview_renders_a_draft_with_the_same_include(draft_notice):
    from django.template.loader import render_to_string

    html = render_to_string("portal/includes/revision_content.html", {"revision": draft_notice})

    assert "<h1>未公开的村道修路预算草稿</h1>" in html
    assert "<p>草稿正文</p>" in html
