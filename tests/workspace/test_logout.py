from django.urls import reverse


def test_logging_out_ends_the_session(as_clerk_a):
    response = as_clerk_a.post(reverse("workspace:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in as_clerk_a.session
    assert as_clerk_a.get(reverse("workspace:home")).status_code == 302


def test_a_link_cannot_log_anyone_out(as_clerk_a):
    response = as_clerk_a.get(reverse("workspace:logout"))

    assert response.status_code == 405
    assert "_auth_user_id" in as_clerk_a.session


def test_the_workspace_offers_a_log_out_button(as_clerk_a):
    page = as_clerk_a.get(reverse("workspace:home")).content.decode()

    assert f'action="{reverse("workspace:logout")}" method="post"' in page
    assert "退出登录" in page
