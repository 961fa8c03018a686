"""Keeping the register of cadres and their declared close relatives.

Only those who may MANAGE_CADRES (township officials, administrators) change it; every change is
written to the audit log, without the identity number. A cadre who leaves office is ended with a
date, never deleted, so the flags of their time in office stay explainable.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from disclosure import clock
from disclosure.benefits.personal import is_identity_number
from disclosure.publishing import changes
from disclosure.publishing.audit import record
from disclosure.publishing.masking import mask_text
from disclosure.regions.access import Action, require

from .models import Cadre, Relation, Relative


def _identity_number(value: str) -> str:
    value = value.strip().upper()
    if value and not is_identity_number(value):
        raise ValidationError(
            {
                "identity_number": _(
                    "An identity number has 18 characters and a valid check character "
                    "(the last one, a digit or X)."
                )
            }
        )
    return value


def _name(value: str, field: str) -> str:
    # A name field is no place for numbers: an identity number typed into it is masked.
    value = mask_text(value.strip())
    if not value:
        raise ValidationError({field: _("This field is required.")})
    return value


@transaction.atomic
def add_cadre(
    *, village, name: str, position: str, started_on: date, identity_number: str = "", by, ip=None
) -> Cadre:
    require(by, Action.MANAGE_CADRES, village)
    cadre = Cadre(
        village=village,
        name=_name(name, "name"),
        position=_name(position, "position"),
        identity_number=_identity_number(identity_number),
        started_on=started_on,
    )
    cadre.full_clean()
    cadre.save()
    _register_changed(cadre)
    record(by=by, action="redflags.cadre_added", village=village, target=cadre.name, ip=ip)
    return cadre


@transaction.atomic
def update_cadre(
    *,
    cadre: Cadre,
    name: str,
    position: str,
    started_on: date,
    identity_number: str = "",
    by,
    ip=None,
) -> Cadre:
    """Correct a cadre's details; an empty identity number keeps the one on record."""
    require(by, Action.MANAGE_CADRES, cadre)
    cadre.name = _name(name, "name")
    cadre.position = _name(position, "position")
    cadre.started_on = started_on
    if identity_number.strip():
        cadre.identity_number = _identity_number(identity_number)
    if cadre.ended_on and cadre.ended_on < started_on:
        raise ValidationError({"started_on": _("A term cannot start after it ended.")})
    cadre.full_clean()
    cadre.save()
    _register_changed(cadre)
    record(by=by, action="redflags.cadre_changed", village=cadre.village, target=cadre.name, ip=ip)
    return cadre


@transaction.atomic
def end_term(*, cadre: Cadre, ended_on: date, by, ip=None) -> Cadre:
    """The cadre left office on `ended_on`: kept on record, matched only while in office."""
    require(by, Action.MANAGE_CADRES, cadre)
    cadre = Cadre.objects.select_for_update().get(pk=cadre.pk)
    if cadre.ended_on:
        raise ValidationError(_("This cadre's term has already ended."))
    if ended_on < cadre.started_on:
        raise ValidationError({"ended_on": _("A term cannot end before it started.")})
    if ended_on > clock.today():
        raise ValidationError({"ended_on": _("A term cannot be ended on a day still to come.")})
    cadre.ended_on = ended_on
    cadre.save(update_fields=["ended_on"])
    _register_changed(cadre)
    record(
        by=by,
        action="redflags.cadre_ended",
        village=cadre.village,
        target=cadre.name,
        ip=ip,
        ended_on=ended_on.isoformat(),
    )
    return cadre


def _register_changed(row) -> None:
    # The register is staff-only, yet the township's summaries of related-party flags read it:
    # counting a change of the village makes them be computed again.
    changes.count(row.village_id)


def _relation(value: str) -> str:
    if value not in Relation.values:
        raise ValidationError({"relation": _("Choose how the relative is related.")})
    return value


@transaction.atomic
def add_relative(
    *, cadre: Cadre, name: str, relation: str, identity_number: str = "", by, ip=None
) -> Relative:
    require(by, Action.MANAGE_CADRES, cadre)
    relative = Relative(
        cadre=cadre,
        village=cadre.village,
        name=_name(name, "name"),
        relation=_relation(relation),
        identity_number=_identity_number(identity_number),
    )
    relative.full_clean()
    relative.save()
    _register_changed(relative)
    record(
        by=by, action="redflags.relative_added", village=cadre.village, target=relative.name, ip=ip
    )
    return relative


@transaction.atomic
def update_relative(
    *, relative: Relative, name: str, relation: str, identity_number: str = "", by, ip=None
) -> Relative:
    """Correct a declared relative; an empty identity number keeps the one on record."""
    require(by, Action.MANAGE_CADRES, relative)
    relative.name = _name(name, "name")
    relative.relation = _relation(relation)
    if identity_number.strip():
        relative.identity_number = _identity_number(identity_number)
    relative.full_clean()
    relative.save()
    _register_changed(relative)
    record(
        by=by,
        action="redflags.relative_changed",
        village=relative.village,
        target=relative.name,
        ip=ip,
    )
    return relative
