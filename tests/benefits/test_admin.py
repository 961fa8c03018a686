from disclosure.benefits.models import CountyPolicy, NameDisplay


def test_a_superuser_sets_a_countys_policy_in_the_admin(admin_client, county):
    response = admin_client.post(
        "/admin/benefits/countypolicy/add/",
        {"county": county.pk, "name_display": NameDisplay.FULL, "window_days": 60},
    )

    assert response.status_code == 302
    policy = CountyPolicy.objects.get()
    assert (policy.county, policy.name_display, policy.window_days) == (county, "full", 60)
