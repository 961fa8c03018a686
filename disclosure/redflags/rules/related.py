"""Rule on conflicts of interest: contracts and payments to cadres or their declared relatives.

A contract is matched by identity number when both it and the register have one (a strong flag),
otherwise by the exact name (a weak flag: it may be a namesake). A ledger payment names only its
counterparty, so its match is always on the name. Only cadres in office at the time count: for a
contract, at any time during its term; for a payment, on its date.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from disclosure.publishing.masking import mask_identity_number

from .. import selectors
from ..flags import Flag, money, revision_url
from ..models import Cadre, Relative
from .contracts import contract_title

RELATED_PARTY = "related_party"


@dataclass(frozen=True)
class Person:
    """A cadre, or a declared relative with the cadre they belong to."""

    name: str
    identity_number: str
    cadre: Cadre
    relation: str = ""

    def serves(self, first: date, last: date) -> bool:
        """Whether the cadre was in office at some time from `first` to `last`."""
        ended = self.cadre.ended_on
        return self.cadre.started_on <= last and (ended is None or ended >= first)

    @property
    def key(self) -> str:
        """The person within the register: the cadre, and the relative's name if one."""
        return f"{self.cadre.pk}/{self.name}" if self.relation else str(self.cadre.pk)

    def describe(self) -> str:
        if not self.relation:
            return _("the cadre %(name)s (%(position)s)") % {
                "name": self.cadre.name,
                "position": self.cadre.position,
            }
        return _("%(relation)s of the cadre %(name)s (%(position)s), as declared") % {
            "relation": self.relation,
            "name": self.cadre.name,
            "position": self.cadre.position,
        }


def register(village_ids) -> list[Person]:
    cadres = Cadre.objects.filter(village_id__in=village_ids)
    relatives = Relative.objects.filter(village_id__in=village_ids).select_related("cadre")
    people = [Person(c.name, c.identity_number, c) for c in cadres]
    people += [
        Person(r.name, r.identity_number, r.cadre, r.get_relation_display().lower())
        for r in relatives
    ]
    return people


def related_party(village_ids, today: date) -> list[Flag]:
    village_ids = list(village_ids)
    people = register(village_ids)
    if not people:
        return []
    names = {person.name for person in people}
    numbers = {person.identity_number for person in people if person.identity_number}
    contracts = selectors.contracts(village_ids).filter(
        Q(counterparty__in=names) | Q(identity_number__in=numbers)
    )
    entries = selectors.ledger_entries(village_ids).filter(
        counterparty__in=names, expenditure__gt=0
    )
    flags = []
    for contract in contracts.order_by("village_id", "start_date", "pk"):
        flags += _contract_flags(contract, people)
    for entry in entries.order_by("village_id", "date", "pk"):
        flags += _entry_flags(entry, people)
    return flags


def _matches(person: Person, village_id: int, name: str, number: str) -> bool | None:
    """True for an identity-number match, False for a name-only one, None for no match.

    Two different identity numbers are two different people, whatever their names.
    """
    if person.cadre.village_id != village_id:
        return None
    if person.identity_number and number:
        return True if person.identity_number == number else None
    return False if person.name == name else None


def _contract_flags(contract, people: list[Person]) -> list[Flag]:
    flags = []
    for person in people:
        strong = _matches(
            person, contract.village_id, contract.counterparty, contract.identity_number
        )
        if strong is None or not person.serves(contract.start_date, contract.end_date):
            continue
        flags.append(
            Flag(
                rule=RELATED_PARTY,
                village_id=contract.village_id,
                strong=strong,
                title=contract_title(contract),
                explanation=_contract_explanation(contract, person, strong),
                url=revision_url(contract.revision_id),
                on=contract.start_date,
                amount=contract.total_amount,
                posting_id=contract.revision.posting_id,
                subject=f"contract/{contract.revision.posting_id}/{person.key}",
            )
        )
    return flags


def _contract_explanation(contract, person: Person, strong: bool) -> str:
    values = {
        "counterparty": contract.counterparty,
        "amount": money(contract.total_amount),
        "person": person.describe(),
        "number": mask_identity_number(contract.identity_number),
    }
    if strong:
        return (
            _(
                "The counterparty %(counterparty)s of this contract of %(amount)s yuan has the "
                "identity number %(number)s of %(person)s."
            )
            % values
        )
    return name_only(
        _(
            "The counterparty %(counterparty)s of this contract of %(amount)s yuan has the "
            "same name as %(person)s."
        )
        % values
    )


def name_only(sentence: str) -> str:
    return sentence + _(
        " Only the name matches, not an identity number: this is a weaker flag, as it may "
        "be a namesake."
    )


def _entry_flags(entry, people: list[Person]) -> list[Flag]:
    flags = []
    for person in people:
        matched = _matches(person, entry.village_id, entry.counterparty, "")
        if matched is None or not person.serves(entry.date, entry.date):
            continue
        sentence = _(
            "Payment of %(amount)s yuan on %(date)s (voucher %(voucher)s) to %(counterparty)s, "
            "who has the same name as %(person)s."
        ) % {
            "amount": money(entry.expenditure),
            "date": entry.date.isoformat(),
            "voucher": entry.voucher_no,
            "counterparty": entry.counterparty,
            "person": person.describe(),
        }
        flags.append(
            Flag(
                rule=RELATED_PARTY,
                village_id=entry.village_id,
                strong=False,
                title=_("Payment to %(counterparty)s, voucher %(voucher)s")
                % {"counterparty": entry.counterparty, "voucher": entry.voucher_no},
                explanation=name_only(sentence),
                url=revision_url(entry.revision_id),
                on=entry.date,
                amount=entry.expenditure,
                posting_id=entry.posting_id,
                subject=f"entry/{entry.posting_id}/{entry.voucher_no}/{person.key}",
            )
        )
    return flags
