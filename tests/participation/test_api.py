"""The public API: listed questions with answers, and the ratings of periods, no personal data."""

from disclosure.participation import ratings, subjects

from .conftest import answered, ask, listed


def test_only_listed_questions_are_given_with_names_masked_and_no_phone(
    client, about_notice_a, notice_a, notice_b, supervisor_a, clerk_a
):
    ask(about_notice_a, text="还在审核的问题", ip="10.5.0.1")
    shown = listed(
        ask(about_notice_a, text="工程什么时候完工？", name="张建国", phone="13812345678"),
        supervisor_a,
    )
    answered(shown, clerk_a, text="预计六月底。")
    response = client.get("/api/v1/participation/questions/", {"village": notice_a.village.code})
    assert response.status_code == 200
    body = response.content.decode()
    assert "还在审核的问题" not in body
    assert "13812345678" not in body and "5678" not in body and "张建国" not in body
    (item,) = response.json()["results"]
    assert item["asked_by"] == "张*"
    assert item["posting"] == notice_a.code
    assert (item["answer"], item["answered_by_name"], item["overdue"]) == (
        "预计六月底。",
        "王会计",
        False,
    )
    assert "ip_hash" not in item and "phone" not in item
    other = client.get("/api/v1/participation/questions/", {"posting": notice_b.code}).json()
    assert other["results"] == []
    detail = client.get(f"/api/v1/participation/questions/{shown.pk}/")
    assert detail.json()["text"] == "工程什么时候完工？"


def test_a_pending_question_is_not_found_by_its_id(client, about_notice_a):
    question = ask(about_notice_a)
    assert client.get(f"/api/v1/participation/questions/{question.pk}/").status_code == 404


def test_ratings_are_given_as_totals_per_period_never_comments(client, period_a):
    posting = period_a.posting
    for n, choice in enumerate(["satisfied", "basically_satisfied", "not_satisfied"]):
        ratings.rate(
            posting=posting,
            choice=choice,
            comment="我的意见",
            already_rated=False,
            ip=f"10.5.1.{n}",
        )
    response = client.get("/api/v1/participation/ratings/", {"village": posting.village.code})
    assert "我的意见" not in response.content.decode()
    (period,) = response.json()["results"]
    assert period == {
        "code": posting.code,
        "village": posting.village.code,
        "title": period_a.title,
        "satisfied": 1,
        "basically_satisfied": 1,
        "not_satisfied": 1,
        "total": 3,
        "satisfied_share": "66.7",
    }
    detail = client.get(f"/api/v1/participation/ratings/{posting.code}/").json()
    assert detail["total"] == 3


def test_the_api_writes_nothing(client, notice_a):
    response = client.post(
        "/api/v1/participation/questions/", {"text": "问题", "subject": notice_a.code}
    )
    assert response.status_code in (403, 405)
    assert subjects.find(subjects.POSTING, notice_a.code)
