import datetime

from demo.services import STORIES
from demo.stories import dated

TODAY = datetime.date(2026, 3, 30)


def test_dates_in_the_texts_are_counted_from_the_day_the_demo_is_loaded():
    text = "{last_year}年度审计；{year}年报名自{-1}起至{+2}止。"

    assert dated(text, TODAY) == "2025年度审计；2026年报名自3月29日起至4月1日止。"


def test_every_demo_text_reads_as_written_once_dated():
    for story in STORIES:
        texts = [story.title, story.body, story.returned_reason, story.withdrawal_reason]
        if story.correction:
            texts += [story.correction.reason, story.correction.body]
        for text in texts:
            written = dated(text, TODAY)
            assert "{" not in written and "年年" not in written, story.title
