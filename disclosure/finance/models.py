"""Village finances: periods, ledger entries and their vouchers, stored totals, budgets, imports.

Rows that are content of a revision (entries, balances, vouchers, totals, budget lines) carry
`revision` and `village` (the tenant key) and are frozen by a database trigger once their
revision is published.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from disclosure import clock
from disclosure.publishing.models import Blob, Posting, Revision
from disclosure.regions.models import Region, VillageOwned

MONEY = {"max_digits": 14, "decimal_places": 2}


class FinanceKind(models.TextChoices):
    """The kinds of posting this app publishes (registered in apps.py)."""

    FINANCE_PERIOD = "finance_period", _("Income and expenditure of a period")
    BUDGET = "budget", _("Annual budget")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


class Category(models.TextChoices):
    """Disclosure categories account codes map to (农村集体经济组织会计制度, 财会〔2023〕14号)."""

    OPERATING_INCOME = "operating_income", _("Operating income")
    INVESTMENT_INCOME = "investment_income", _("Investment income")
    SUBSIDY_INCOME = "subsidy_income", _("Subsidy income")
    OTHER_INCOME = "other_income", _("Other income")
    OPERATING_EXPENDITURE = "operating_expenditure", _("Operating expenditure")
    MANAGEMENT_EXPENSES = "management_expenses", _("Management expenses")
    PUBLIC_WELFARE = "public_welfare", _("Public-welfare expenditure")
    OTHER_EXPENDITURE = "other_expenditure", _("Other expenditure")
    CASH = "cash", _("Cash")
    BANK = "bank", _("Bank deposits")
    CLAIMS = "claims", _("Claims")
    DEBTS = "debts", _("Debts")
    ASSETS = "assets", _("Other assets")
    FUNDS = "funds", _("Earmarked funds and equity")


INCOME_CATEGORIES = [
    Category.OPERATING_INCOME,
    Category.INVESTMENT_INCOME,
    Category.SUBSIDY_INCOME,
    Category.OTHER_INCOME,
]
EXPENDITURE_CATEGORIES = [
    Category.OPERATING_EXPENDITURE,
    Category.MANAGEMENT_EXPENSES,
    Category.PUBLIC_WELFARE,
    Category.OTHER_EXPENDITURE,
]


class Fund(models.TextChoices):
    """Where the money of an entry moved: the cash journal or the bank journal."""

    CASH = "cash", _("Cash")
    BANK = "bank", _("Bank")


def default_due_days() -> int:
    """The deadline the first migration gave villages that never chose their own."""
    return settings.FINANCE_DUE_DAYS


class FinanceRule(models.Model):
    """How often finances must be disclosed and how many days after a period ends they are due,
    from a day on: a county's rule for its villages, or a village's own, which may only be
    stricter. A change applies from the next period on (services.rules), so that no period
    already due or published is judged again under another rule; the rows are its history."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="finance_rules",
        verbose_name=_("county or village"),
    )
    applies_from = models.DateField(_("applies from"))
    frequency = models.CharField(
        _("disclosure frequency"), max_length=10, choices=Frequency.choices
    )
    due_days = models.PositiveSmallIntegerField(_("days until due after the period ends"))
    set_at = clock.TimestampField(_("set"), auto_now_add=True)

    class Meta:
        ordering = ["region_id", "applies_from"]
        constraints = [
            models.UniqueConstraint(fields=["region", "applies_from"], name="unique_finance_rule")
        ]
        verbose_name = _("finance disclosure rule")
        verbose_name_plural = _("finance disclosure rules")

    def __str__(self):
        return f"{self.region} {self.applies_from}"


class ThreePublicScope(models.Model):
    """What a county counts as "three public" spending (三公经费: receptions and work meals,
    meetings, official vehicles, travel abroad): ledger entries whose account code starts with
    one of its prefixes, or whose summary or account name holds one of its words. Applied when a
    ledger is checked, so each published entry carries its own answer (`is_hospitality`) and a
    change never rewrites what was published; a county without a row of its own uses
    accounts.THREE_PUBLIC_WORDS."""

    county = models.OneToOneField(
        Region,
        on_delete=models.CASCADE,
        related_name="three_public_scope",
        verbose_name=_("county"),
    )
    words = models.TextField(
        _("words"),
        blank=True,
        help_text=_("One per line: an entry whose summary or account name holds one counts."),
    )
    account_prefixes = models.TextField(
        _("account codes"),
        blank=True,
        help_text=_("One per line: every entry booked to an account starting so counts (53102)."),
    )
    set_at = clock.TimestampField(_("set"), auto_now=True)

    class Meta:
        verbose_name = _("three-public spending scope")
        verbose_name_plural = _("three-public spending scopes")

    def __str__(self):
        return str(self.county)


class MappingRule(models.Model):
    """Account codes starting with `prefix` belong to `category`, for the villages of `region`
    (a county, a township or one village; empty: the national default). The longest prefix
    wins; for the same prefix, the rule of the region nearest the village (services.mapping)."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applies to"),
        help_text=_(
            "The county, township or village whose ledgers it applies to; empty for the national "
            "default."
        ),
    )
    prefix = models.CharField(_("account code prefix"), max_length=20)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    account_name = models.CharField(_("account name"), max_length=100)

    class Meta:
        ordering = ["region_id", "prefix"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "prefix"],
                name="unique_mapping_rule",
                nulls_distinct=False,
            )
        ]
        verbose_name = _("account mapping rule")
        verbose_name_plural = _("account mapping rules")

    def __str__(self):
        return f"{self.prefix} {self.account_name}"


class Period(models.Model):
    """A month or quarter a village discloses; its posting is created with the first import."""

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="finance_periods", verbose_name=_("village")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("month or quarter"))
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    due_date = models.DateField(_("due date"))
    # A posting is deleted only while nothing of it was published (a discarded draft): the period
    # then waits for its next import, as before its first.
    posting = models.OneToOneField(
        Posting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="finance_period",
        verbose_name=_("posting"),
    )

    class Meta:
        ordering = ["village_id", "-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year", "frequency", "number"], name="unique_finance_period"
            )
        ]
        verbose_name = _("finance period")
        verbose_name_plural = _("finance periods")

    def __str__(self):
        if self.frequency == Frequency.MONTHLY:
            return _("%(year)d, month %(number)d") % {"year": self.year, "number": self.number}
        return _("%(year)d, quarter %(number)d") % {"year": self.year, "number": self.number}


# A ledger entry's own fields, in the order its listings, downloads, imports and copies write them.
ENTRY_FIELDS = (
    "line",
    "date",
    "voucher_no",
    "summary",
    "account_code",
    "account_name",
    "category",
    "fund",
    "income",
    "expenditure",
    "counterparty",
    "handler",
    "approver",
    "is_hospitality",
)


class LedgerEntry(VillageOwned):
    """One line of the village's cash or bank journal, as imported."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="ledger_entries",
        verbose_name=_("revision"),
    )
    line = models.PositiveIntegerField(_("line"))
    date = models.DateField(_("date"))
    voucher_no = models.CharField(_("voucher number"), max_length=50)
    summary = models.CharField(_("summary"), max_length=200)
    account_code = models.CharField(_("account code"), max_length=20)
    account_name = models.CharField(_("account name"), max_length=100)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    fund = models.CharField(_("cash or bank"), max_length=4, choices=Fund.choices)
    income = models.DecimalField(_("income"), **MONEY, default=0)
    expenditure = models.DecimalField(_("expenditure"), **MONEY, default=0)
    counterparty = models.CharField(_("counterparty"), max_length=100, blank=True)
    handler = models.CharField(_("handled by"), max_length=50, blank=True)
    approver = models.CharField(_("approved by"), max_length=50, blank=True)
    is_hospitality = models.BooleanField(_("three-public spending"), default=False)

    class Meta:
        ordering = ["revision_id", "line"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "line"], name="unique_ledger_line")
        ]
        indexes = [models.Index(fields=["revision", "voucher_no"])]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")

    def __str__(self):
        return f"{self.voucher_no} {self.summary}"

    def canonical(self) -> dict:
        return {
            "line": self.line,
            "date": self.date.isoformat(),
            "voucher_no": self.voucher_no,
            "summary": self.summary,
            "account_code": self.account_code,
            "account_name": self.account_name,
            "category": self.category,
            "fund": self.fund,
            "income": f"{self.income:.2f}",
            "expenditure": f"{self.expenditure:.2f}",
            "counterparty": self.counterparty,
            "handler": self.handler,
            "approver": self.approver,
            "is_hospitality": self.is_hospitality,
        }


class Balance(VillageOwned):
    """Opening and closing balance of the cash or bank journal in a period's revision."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="balances", verbose_name=_("revision")
    )
    fund = models.CharField(_("cash or bank"), max_length=4, choices=Fund.choices)
    opening = models.DecimalField(_("opening balance"), **MONEY)
    closing = models.DecimalField(_("closing balance"), **MONEY)

    class Meta:
        ordering = ["revision_id", "fund"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "fund"], name="unique_balance_fund")
        ]
        verbose_name = _("balance")
        verbose_name_plural = _("balances")

    def canonical(self) -> dict:
        return {
            "fund": self.fund,
            "opening": f"{self.opening:.2f}",
            "closing": f"{self.closing:.2f}",
        }


class Voucher(VillageOwned):
    """A photo or PDF of the voucher behind a ledger entry; an entry may have several."""

    entry = models.ForeignKey(
        LedgerEntry, on_delete=models.CASCADE, related_name="vouchers", verbose_name=_("entry")
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("revision")
    )
    position = models.PositiveIntegerField(_("position"))
    filename = models.CharField(_("file name"), max_length=200)
    blob = models.ForeignKey(
        Blob, on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    thumbnail = models.ForeignKey(
        Blob,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thumbnail"),
    )

    class Meta:
        ordering = ["entry_id", "position"]
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")

    @property
    def is_image(self) -> bool:
        return self.blob.content_type.startswith("image/")

    def canonical(self) -> dict:
        return {"line": self.entry.line, "filename": self.filename, "sha256": self.blob_id}


class PeriodTotal(VillageOwned):
    """Income and expenditure of one category in a published revision, stored at publish time."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="period_totals", verbose_name=_("revision")
    )
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    income = models.DecimalField(_("income"), **MONEY)
    expenditure = models.DecimalField(_("expenditure"), **MONEY)
    entries = models.PositiveIntegerField(_("entries"))

    class Meta:
        ordering = ["revision_id", "category"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "category"], name="unique_period_total")
        ]
        verbose_name = _("period total")
        verbose_name_plural = _("period totals")


class PeriodSummary(VillageOwned):
    """The headline figures of a published period revision, stored at publish time.

    `largest_expenditures` holds the few largest entries as {line, date, voucher_no, summary,
    amount} so that the period page needs no scan of the ledger.
    """

    revision = models.OneToOneField(
        Revision,
        on_delete=models.CASCADE,
        related_name="period_summary",
        verbose_name=_("revision"),
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="summaries", verbose_name=_("period")
    )
    income = models.DecimalField(_("total income"), **MONEY)
    expenditure = models.DecimalField(_("total expenditure"), **MONEY)
    cash_opening = models.DecimalField(_("cash at the start"), **MONEY)
    cash_closing = models.DecimalField(_("cash at the end"), **MONEY)
    bank_opening = models.DecimalField(_("bank deposits at the start"), **MONEY)
    bank_closing = models.DecimalField(_("bank deposits at the end"), **MONEY)
    claims_change = models.DecimalField(
        _("change in claims"), **MONEY, help_text=_("Money lent or owed to the village, net.")
    )
    debts_change = models.DecimalField(
        _("change in debts"), **MONEY, help_text=_("Money the village borrowed or owes, net.")
    )
    hospitality = models.DecimalField(_("three-public spending"), **MONEY)
    entries = models.PositiveIntegerField(_("entries"))
    largest_expenditures = models.JSONField(_("largest expenditures"), default=list)

    class Meta:
        verbose_name = _("period summary")
        verbose_name_plural = _("period summaries")


class Budget(models.Model):
    """A village's budget for a year; its lines live in the revisions of its posting."""

    village = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="finance_budgets", verbose_name=_("village")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # Goes with its posting, which is deleted only while nothing of it was published.
    posting = models.OneToOneField(
        Posting, on_delete=models.CASCADE, related_name="budget", verbose_name=_("posting")
    )

    class Meta:
        ordering = ["village_id", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["village", "year"], name="unique_budget_year")
        ]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")


class BudgetLine(VillageOwned):
    """The budgeted amount of one category in a budget revision."""

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("revision")
    )
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    amount = models.DecimalField(_("amount"), **MONEY)

    class Meta:
        ordering = ["revision_id", "category"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "category"], name="unique_budget_line")
        ]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def canonical(self) -> dict:
        return {"category": self.category, "amount": f"{self.amount:.2f}"}


class ColumnMapping(models.Model):
    """A village's mapping of a spreadsheet layout (by header signature) to ledger fields."""

    village = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("village")
    )
    signature = models.CharField(_("header signature"), max_length=64)
    mapping = models.JSONField(_("column mapping"))
    updated_at = clock.TimestampField(_("last used"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "signature"], name="unique_column_mapping")
        ]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    CHECKING = "checking", _("Being checked")
    PARSED = "parsed", _("Checked")
    COMMITTING = "committing", _("Being imported")
    COMMITTED = "committed", _("Imported")


class LedgerImport(models.Model):
    """An upload on its way into a period: the file, the chosen sheet and mapping, what was found.

    The file is kept under MEDIA_ROOT/imports/ until the import is committed or abandoned; parsed
    entries wait in StagedEntry, keyed by this import, and are copied in one statement on commit.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    village = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("village")
    )
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="imports", verbose_name=_("period")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("uploaded by")
    )
    created_at = clock.TimestampField(_("uploaded"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=200)
    stored_name = models.CharField(_("stored file"), max_length=100)
    sheets = models.JSONField(_("sheets"), default=list)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    header = models.JSONField(_("header"), default=list)
    mapping = models.JSONField(_("column mapping"), default=dict)
    default_fund = models.CharField(
        _("cash or bank"), max_length=4, choices=Fund.choices, default=Fund.BANK
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_parsed = models.PositiveIntegerField(_("rows read"), default=0)
    problems = models.JSONField(_("problems"), default=list)
    reason = models.TextField(_("reason for the correction"), blank=True)
    # What the check staged, so that the commit moves exactly that: StagedEntry is UNLOGGED, and a
    # database crash empties it while this row (logged) still says how many rows were read.
    staged_rows = models.PositiveIntegerField(_("entries staged"), default=0)
    staged_digest = models.CharField(_("digest of the staged entries"), max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")


class StagedEntry(models.Model):
    """A parsed entry of an import, waiting for the import to be committed."""

    ledger_import = models.ForeignKey(
        LedgerImport, on_delete=models.CASCADE, related_name="staged", verbose_name=_("import")
    )
    line = models.PositiveIntegerField(_("line"))
    date = models.DateField(_("date"))
    voucher_no = models.CharField(_("voucher number"), max_length=50)
    summary = models.CharField(_("summary"), max_length=200)
    account_code = models.CharField(_("account code"), max_length=20)
    account_name = models.CharField(_("account name"), max_length=100)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    fund = models.CharField(_("cash or bank"), max_length=4, choices=Fund.choices)
    income = models.DecimalField(_("income"), **MONEY, default=0)
    expenditure = models.DecimalField(_("expenditure"), **MONEY, default=0)
    counterparty = models.CharField(_("counterparty"), max_length=100, blank=True)
    handler = models.CharField(_("handled by"), max_length=50, blank=True)
    approver = models.CharField(_("approved by"), max_length=50, blank=True)
    is_hospitality = models.BooleanField(_("three-public spending"), default=False)

    class Meta:
        ordering = ["ledger_import_id", "line"]
        verbose_name = _("staged entry")
        verbose_name_plural = _("staged entries")


# Defined beside the rules that use it; imported here so that Django finds the model.
from .purposes import SpendingPurpose  # noqa: E402, F401
