"""Public records beside the revisions: their documents as docs/integrity.md describes them, the
worked example recomputed, what verify_chain names, and the loading of records made public
before they were logged."""

import datetime
import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from disclosure.contracts import services as contracts
from disclosure.contracts.models import Payment
from disclosure.participation import subjects
from disclosure.participation.models import Question, QuestionStatus
from disclosure.publishing import chain, records
from disclosure.publishing.models import Posting
from disclosure.transparency import leaves
from disclosure.transparency import services as log

from ..contracts.conftest import lease_terms, publish
from ..factories import published_posting
from ..participation.conftest import answered, ask, listed
from ..records import problems, record_leaves, tamper
from .every_kind import every_kind
from .every_record import every_record

INTEGRITY = Path(__file__).resolve().parents[2] / "docs" / "integrity.md"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def lease(village_a, clerk_a, supervisor_a):
    """清河村's published lease of the east pond."""
    revision = contracts.create_contract(
        village=village_a, title="东洼鱼塘承包合同", terms=lease_terms(), by=clerk_a
    )
    return publish(revision, clerk_a, supervisor_a).posting


@pytest.fixture
def about_notice(village_a, clerk_a, supervisor_a):
    notice = published_posting(village_a, clerk_a, supervisor_a).posting
    return subjects.find(subjects.POSTING, notice.code)


def example(name: str) -> str:
    found = re.search(rf"<!-- example:{name} -->\n```\w*\n(.*?)\n```", INTEGRITY.read_text(), re.S)
    assert found, f"docs/integrity.md has no example:{name} block"
    return found.group(1)


def documented_members(name: str) -> set[str]:
    """The members the tables of "Records beside the revisions" list for a record type."""
    text = INTEGRITY.read_text()
    section = text[text.index("## Records beside the revisions") :]
    table = section[section.index(f"**`{name}`**") :].split("\n\n")[1]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {member for row in rows for member in re.findall(r"`(\w+)`", row.split("|")[1])}


def test_the_worked_example_is_what_the_portal_computes():
    document = json.loads(example("record-document"))
    canonical = chain.canonical_bytes(document)

    assert canonical == example("record-canonical").encode()
    assert len(canonical) == 233
    assert hashlib.sha256(canonical).hexdigest() == example("record-digest")
    leaf = leaves.record_leaf(
        village_code="990101001001", name="payment", record_id=17, digest=example("record-digest")
    )
    assert leaf == f"{example('record-leaf')}\n".encode()
    assert len(leaf) == 96


def test_a_payment_recorded_as_in_the_example_has_the_example_document(lease, clerk_a):
    posting = lease
    Posting.objects.filter(pk=posting.pk).update(code="H4M8QP")
    posting.refresh_from_db()
    with time_machine.travel(datetime.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI), tick=False):
        payment = contracts.record_payment(
            posting=posting,
            paid_on=datetime.date(2026, 3, 31),
            amount=Decimal("5000"),
            ledger_reference="记-2026-031",
            note="第一年承包费",
            by=clerk_a,
        )

    assert records.document("payment", payment) == json.loads(example("record-document"))
    assert payment.record_digest == example("record-digest")


def test_every_documented_member_is_in_the_documents_and_no_other(
    village_a, clerk_a, supervisor_a, township_official
):
    published = every_kind(village_a, clerk_a, supervisor_a)
    built = every_record(village_a, clerk_a, supervisor_a, township_official, published)
    common = {"format", "record", "village"}

    for name, row in built.items():
        assert set(records.document(name, row)) == common | documented_members(name), name


def test_a_row_that_is_not_public_is_not_logged(about_notice):
    question = ask(about_notice)

    with pytest.raises(ValueError, match="not public"), transaction.atomic():
        records.publish("question", question)


def test_a_leaf_naming_an_unknown_record_is_named(village_a):
    log.append(
        village=village_a,
        data=leaves.record_leaf(
            village_code=village_a.code, name="lottery", record_id=3, digest="a" * 64
        ),
    )

    assert problems(village_a) == [
        "清河村 (990101001001): lottery 3: the county's transparency log names it, but it no "
        "longer exists or is no longer shown to villagers."
    ]


def test_a_record_whose_digest_was_rewritten_to_match_is_named_against_the_log(
    about_notice, supervisor_a, village_a
):
    question = listed(ask(about_notice), supervisor_a)
    tamper("UPDATE participation_question SET text = '改过的问题' WHERE id = %s", [question.pk])
    question.refresh_from_db()
    tamper(
        "UPDATE participation_question SET record_digest = %s WHERE id = %s",
        [records.digest("question", question), question.pk],
    )

    assert problems(village_a) == [
        f"清河村 (990101001001): question {question.pk} about “{question.subject_label}”: the "
        "county's transparency log holds another digest for it last."
    ]


def _made_public_before_records_were_logged(lease, clerk_a, about_notice):
    """Rows as the portal stored them before this change: public, without digest or leaf."""
    payment = Payment.objects.create(
        posting=lease,
        village=lease.village,
        paid_on=datetime.date(2024, 3, 30),
        amount=Decimal("5000.00"),
        recorded_by=clerk_a,
    )
    question = ask(about_notice)
    Question.objects.filter(pk=question.pk).update(
        status=QuestionStatus.ANSWERED,
        listed_at=question.asked_at,
        due_on=datetime.date(2024, 4, 10),
        answer="已答复。",
        answered_by_name=clerk_a.public_name,
        answered_at=question.asked_at,
    )
    return payment, question


def test_append_to_log_logs_records_made_public_before_once(
    lease, clerk_a, about_notice, village_a
):
    payment, question = _made_public_before_records_were_logged(lease, clerk_a, about_notice)
    assert len(problems(village_a)) == 2

    first, again = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("append_to_log", stdout=first)
        call_command("append_to_log", stdout=again)

    named = {(leaf.name, leaf.record_id) for leaf in record_leaves(village_a)}
    assert named == {("payment", payment.pk), ("question", question.pk)}
    assert len(record_leaves(village_a)) == 2
    assert problems(village_a) == []
    assert "2 public records appended" in first.getvalue()
    assert "0 public records appended" in again.getvalue()


def test_the_database_lets_an_empty_digest_be_filled_once_and_nothing_else(
    lease, clerk_a, about_notice, supervisor_a
):
    payment, question = _made_public_before_records_were_logged(lease, clerk_a, about_notice)
    answered_question = answered(listed(ask(about_notice), supervisor_a), clerk_a)
    fill = "UPDATE {table} SET record_digest = %s WHERE id = %s"

    with connection.cursor() as cursor:
        cursor.execute(fill.format(table="contracts_payment"), ["b" * 64, payment.pk])
        cursor.execute(fill.format(table="participation_question"), ["b" * 64, question.pk])
        for table, pk in [
            ("contracts_payment", payment.pk),
            ("participation_question", question.pk),
            ("participation_question", answered_question.pk),
        ]:
            with pytest.raises(IntegrityError, match="refused"), transaction.atomic():
                cursor.execute(fill.format(table=table), ["c" * 64, pk])
        with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
            cursor.execute(
                "UPDATE contracts_payment SET amount = 1, record_digest = %s WHERE id = %s",
                ["d" * 64, payment.pk],
            )
