"""桃源镇's official finds, in the demo, benefits that went astray and people who should not be
on a list, each traceable to its cause (demo/benefit_checks.py)."""

from collections import Counter

from demo.places import LIUWAN, TAOYUAN, XINGHUA
from disclosure import clock
from disclosure.benefits.models import Disbursement
from disclosure.benefits.reconciliation import reconcile
from disclosure.redflags.services import flags_for
from disclosure.regions.models import Region


def _villages():
    return list(Region.objects.filter(code__in=[XINGHUA.code, LIUWAN.code]))


def test_the_township_file_shows_each_kind_of_mismatch(demo_county, db):
    disbursement = Disbursement.objects.get(township__code=TAOYUAN.code)

    kinds = Counter(mismatch.kind for mismatch in reconcile(disbursement).mismatches)

    assert kinds == {
        "listed_not_paid": 1,
        "paid_not_listed": 1,
        "amount_differs": 1,
        "account_holder_differs": 1,
        "paid_late": 3,
    }


def test_the_flags_name_the_people_who_should_not_be_on_a_list(demo_county, db):
    villages = _villages()
    flags = flags_for([v.pk for v in villages], clock.today(), ["benefit_recipients"])
    explanations = " ".join(flag.explanation for flag in flags)

    assert "陈志远" in explanations  # 刘德顺, his declared father
    assert "dead" in explanations or "死亡" in explanations  # 赵永福
    assert "柳湾村" in explanations and "杏花村" in explanations  # 吴春花 in both
    assert "exclude" in explanations or "不得同时" in explanations  # 钱福贵
    assert len(flags) == 6
