"""清河村's public records beside its revisions, each made public through its app's services:
two payments against the published lease (the second reversing the first), a villager's question
listed and answered, an objection to a resolution listed and answered, a township's order to
correct a notice, and its conclusion on a red flag about the lease. Progress updates with their
photos and links come with every_kind's finished matter.
"""

import datetime
from decimal import Decimal

from disclosure.contracts import services as contracts
from disclosure.decisions import objections
from disclosure.oversight import orders
from disclosure.participation import questions, subjects
from disclosure.redflags import cases, lifecycle
from disclosure.redflags.flags import Flag

from ..decisions.builders import resolved_matter


def every_record(village, clerk, supervisor, official, published: dict) -> dict:
    """The public record of each type, by name; `published` is every_kind's result."""
    lease = published["contract"].posting
    payment = contracts.record_payment(
        posting=lease,
        paid_on=datetime.date(2024, 3, 30),
        amount=Decimal("5000.00"),
        ledger_reference="记-2024-031",
        note="第一年承包费",
        by=clerk,
    )
    contracts.reverse_payment(payment=payment, reason="重复录入", by=clerk)
    notice = published["notice"].posting
    question = questions.ask(
        subject=subjects.find(subjects.POSTING, notice.code),
        text="招标报名需要带哪些材料？",
        name="王秀英",
        phone="13812345678",
        ip="10.0.0.1",
    )
    questions.list_question(question=question, by=supervisor)
    questions.answer_question(question=question, text="带身份证和资质证明。", by=clerk)
    matter = resolved_matter(village, clerk, supervisor, title="村文化广场建设")
    objection = objections.lodge_objection(
        matter=matter, text="广场选址离民房太近。", name="李大山", ip="10.0.0.2"
    )
    objections.moderate_objection(objection=objection, approve=True, by=supervisor)
    objections.answer_objection(objection=objection, text="已调整选址，离民房50米。", by=clerk)
    order = orders.order_correction(
        posting=published["power_list"].posting, reason="收费标准未写明依据。", by=official
    )
    flag = Flag(
        rule="rent_in_arrears",
        village_id=village.pk,
        strong=True,
        title="合同：东洼鱼塘承包",
        explanation="5,000.00元租金逾期未收。",
        url=lease.get_absolute_url(),
        on=datetime.date(2024, 3, 31),
        amount=Decimal("5000.00"),
        posting_id=lease.pk,
        subject=f"contract/{lease.pk}",
    )
    case = cases.track(flags=[flag], today=datetime.date(2024, 5, 1))[(village.pk, flag.key)]
    lifecycle.acknowledge(case=case, explanation="承包户已承诺补交。", by=clerk)
    lifecycle.close(case=case, conclusion="租金已于5月补交入账。", by=official)
    built = {
        "payment": payment,
        "question": question,
        "objection": objection,
        "correction_order": order,
        "progress": published["resolution"].posting.resolved_matter.progress.first(),
        "flag_conclusion": case.conclusions.get(),
    }
    for row in built.values():
        row.refresh_from_db()
    return built
