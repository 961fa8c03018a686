"""Ledger entries as the public pages list them, their text formatted once per entry.

A period page lists dozens of entries and the entries page a hundred: formatting each amount,
date and masked name through template filters cost more than reading the entries.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from disclosure.publishing.masking import mask_text

from ..money import format_money


@dataclass(frozen=True)
class EntryLine:
    # pk and voucher_no name the entry for the question link beside it.
    pk: int
    line: int
    date: str
    voucher_no: str
    # "in ¥1,200.00", "out ¥80.00", or both joined by " · ".
    amounts: str
    expenditure: str
    summary: str
    account_code: str
    account_name: str
    counterparty: str
    handler: str
    approver: str
    vouchers: list


def entry_lines(entries) -> list[EntryLine]:
    """Lines of entries, with their vouchers when read by selectors.listed_entries."""
    money_in, money_out = gettext("in"), gettext("out")
    lines = []
    for e in entries:
        amounts = []
        if e.income:
            amounts.append(f"{money_in} {format_money(e.income)}")
        if e.expenditure:
            amounts.append(f"{money_out} {format_money(e.expenditure)}")
        lines.append(
            EntryLine(
                pk=e.pk,
                line=e.line,
                date=e.date.isoformat(),
                voucher_no=e.voucher_no,
                amounts=" · ".join(amounts),
                expenditure=format_money(e.expenditure),
                summary=mask_text(e.summary),
                account_code=e.account_code,
                account_name=e.account_name,
                counterparty=mask_text(e.counterparty),
                handler=mask_text(e.handler),
                approver=mask_text(e.approver),
                vouchers=getattr(e, "voucher_list", []),
            )
        )
    return lines
