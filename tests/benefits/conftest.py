"""Benefit lists of village A, as the clerk would import them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure.benefits import services
from disclosure.benefits.files import table_of
from disclosure.benefits.imports import read_lines
from disclosure.benefits.personal import check_character
from disclosure.publishing import chain
from disclosure.publishing import services as publishing

HEADER = "姓名,身份证号,村民小组,补贴类型,金额,期间"


def identity(first_17: str) -> str:
    """A fictional identity number with a valid check character."""
    return first_17 + check_character(first_17)


WANG = identity("99010119600101001")
LI = identity("99010119751231002")
ZHAO = identity("99010119881015003")
ROWS = [
    f'王秀英,{WANG},第一村民小组,低保,"1,230.00",2026年第三季度',
    f"李建华,{LI},第二村民小组,耕地地力保护补贴,856.4,2026年",
    f"赵桂兰,{ZHAO},第二村民小组,低保,690,2026年第三季度",
]


def csv_upload(*rows: str, header: str = HEADER, encoding: str = "utf-8", name="名单.csv"):
    text = "\n".join([header, *rows]) + "\n"
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def lines_of(*rows: str, **kwargs):
    return read_lines(table_of(csv_upload(*rows, **kwargs)))


def import_draft(village, clerk, rows=ROWS, header=HEADER, **kwargs):
    return services.import_list(
        village=village,
        title="2026年第三季度惠农补贴发放名单",
        lines=lines_of(*rows, header=header),
        by=clerk,
        **kwargs,
    )


def publish(revision, clerk, supervisor):
    publishing.submit(revision=revision, by=clerk)
    publishing.sign_off(
        revision=revision,
        content_digest=chain.content_digest(revision),
        by=supervisor,
        opinion="经核实无误，同意公示。",
    )
    return publishing.publish(revision=revision, by=clerk)


@pytest.fixture
def draft_list(village_a, clerk_a):
    return import_draft(village_a, clerk_a)


@pytest.fixture
def published_list(draft_list, clerk_a, supervisor_a):
    return publish(draft_list, clerk_a, supervisor_a)
