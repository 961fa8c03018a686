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
    # "in ¥1,200.00", "out ¥80.00", a reversal in words, or two of them joined by " · ".
    amounts: str
    expenditure: str
    summary: str
    account_code: str
    account_name: str
    counterparty: str
    handler: str
    approver: str
    vouchers: list


def entry_amounts(income, expenditure) -> str:
    """What came in and went out, in words: a negative amount is a reversal (冲红) of an earlier
    entry, and a bare minus sign tells a villager nothing."""
    amounts = []
    if income and income > 0:
        amounts.append(f"{gettext('in')} {format_money(income)}")
    elif income:
        amounts.append(
            gettext("reversal (冲红) of earlier income: %(amount)s taken off")
            % {"amount": format_money(-income)}
        )
    if expenditure and expenditure > 0:
        amounts.append(f"{gettext('out')} {format_money(expenditure)}")
    elif expenditure:
        amounts.append(
            gettext("reversal (冲红) of earlier spending: %(amount)s taken back")
            % {"amount": format_money(-expenditure)}
        )
    return " · ".join(amounts)


def entry_lines(entries) -> list[EntryLine]:
    """Lines of entries, with their vouchers when read by selectors.listed_entries."""
    lines = []
    for e in entries:
        lines.append(
            EntryLine(
                pk=e.pk,
                line=e.line,
                date=e.date.isoformat(),
                voucher_no=e.voucher_no,
                amounts=entry_amounts(e.income, e.expenditure),
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
