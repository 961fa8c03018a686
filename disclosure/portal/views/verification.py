"""The 核验 page of a revision, and the proof bundle its script checks in the browser."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .. import proofs, selectors
from ..http import absolute_url, proof_page


def _revision(code, number):
    posting = selectors.public_posting(code)
    return posting, selectors.published_revision(posting, number or posting.current.number)


@proof_page
def verify(request, code, number=None):
    posting, revision = _revision(code, number)
    check = proofs.check_of(revision)
    context = {
        "posting": posting,
        "village": posting.village,
        "places": [*posting.village.ancestors(), posting.village],
        "revision": revision,
        "check": check,
        "permalink": absolute_url(request, posting.get_absolute_url()),
        "words": _words(),
    }
    return render(request, "portal/verify.html", context)


def _words() -> dict:
    """What the page's script says, in the page's language."""
    return {
        "working": _("Checking…"),
        "unsupported": _(
            "This browser cannot check by itself (it needs a secure https connection and a "
            "recent browser). Check with the values below, or with the checking tool."
        ),
        "failed_to_load": _("The check could not be done:"),
        "digest_ok": _("The content matches the digest it was published with."),
        "digest_bad": _("The content does NOT match its digest: it was changed after publication."),
        "reviewed_ok": _("The supervision committee signed off exactly this content."),
        "reviewed_bad": _("This content is NOT what the supervision committee signed off."),
        "not_in_log": _("This revision is not in the county's transparency log."),
        "leaf_bad": _("The log's leaf does NOT name this revision."),
        "checkpoint_bad": _("The log's checkpoint is not the one the proof is for."),
        "included_ok": _("The digest is in the county's transparency log (leaf %1 of %2)."),
        "included_bad": _("The proof does NOT lead to the log's root: the log does not hold it."),
        "signed_ok": _("The county's key (%s) signed the log's checkpoint."),
        "signed_bad": _("The log's checkpoint is NOT signed by the county's key."),
        "signature_unsupported": _(
            "This browser cannot check signatures; check them with the checking tool."
        ),
        "no_witness": _("No witness has cosigned this checkpoint yet."),
        "witnessed_ok": _("Cosigned by the witnesses: %s."),
        "witnessed_bad": _("A witness's cosignature does NOT verify."),
        "took": _("Checked in %s ms."),
        "verdict_good": _("Check passed: this is what was published, unchanged."),
        "verdict_bad": _("Check FAILED: see what did not match below, and tell the township."),
    }


@proof_page
def proof_json(request, code, number=None):
    _posting, revision = _revision(code, number)
    check = proofs.check_of(revision)
    # Served as the database holds it, for the reader to judge; kept by no cache if it fails.
    request.content_unverified = not check.matches_digest
    response = JsonResponse(check.as_json(), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="proof-{code}-{revision.number}.json"'
    return response
