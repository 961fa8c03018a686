"""Every table that grows with the villages carries the village (most through
regions.models.VillageOwned), the key a sharded deployment uses.

docs/deploy.md distributes these tables by village (Citus); the tables listed below are small
reference tables replicated to every node, or rows that belong to no village.
"""

from django.apps import apps

from disclosure.regions.models import Region

NOT_BY_VILLAGE = {
    "regions.Region": "the region tree itself: a reference table",
    "regions.User": "staff accounts: a reference table",
    "regions.Role": "staff roles on region nodes: a reference table",
    "web.Attempt": "the rate limiter, per keyed address or account, not per village",
    "publishing.ChangeCount": "one small counter per village, keyed by the village's id itself",
    "publishing.Blob": "files stored by their SHA-256, shared by every row that cites them",
    "finance.MappingRule": "the account chart, per county, township or village: a reference table",
    "finance.FinanceRule": "the disclosure calendar of a county or a village: a few rows each",
    "finance.ThreePublicScope": "a county's three-public words and accounts: one row a county",
    "regions.OfficialNumber": "official numbers of a village or township: a few rows each",
    "finance.SpendingPurpose": "plain purposes of spending, per county, township or village: a "
    "reference table",
    "publishing.SynonymGroup": "words search treats as one, per county: a reference table",
    "finance.StagedEntry": "rows of an import being checked, keyed by the import and deleted after",
    "benefits.CountyPolicy": "a county's display rule: a reference table",
    "benefits.CountyBenefit": "a county's own benefits: a reference table",
    "benefits.Disbursement": "one row per township file; its rows carry their village",
    "benefits.Death": "a township's death register: it names no village",
    "transparency.Log": "one row per county: the county's Merkle log, shared by its villages",
    "transparency.Node": "hashes of the county log's tree, each over leaves of many villages",
    "transparency.Checkpoint": "signed tree heads of a county log, not of one village",
    "transparency.Cosignature": "witnesses' signatures of a county log's checkpoints",
    "transparency.Witness": "witnesses an administrator registered: a reference table",
}


def project_models():
    return [model for model in apps.get_models() if model.__module__.startswith("disclosure.")]


def test_every_growing_table_carries_its_village():
    missing = []
    for model in project_models():
        if model._meta.label in NOT_BY_VILLAGE:
            continue
        field = next((f for f in model._meta.concrete_fields if f.name == "village"), None)
        if field is None or field.related_model is not Region:
            missing.append(model._meta.label)

    assert missing == []


def test_the_exceptions_name_real_models():
    labels = {model._meta.label for model in project_models()}

    assert set(NOT_BY_VILLAGE) <= labels
