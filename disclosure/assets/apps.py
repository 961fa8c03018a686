from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "disclosure.assets"
    verbose_name = _("Assets, resources and contracts")

    def ready(self):
        from disclosure.portal import slots
        from disclosure.publishing import kinds
        from disclosure.publishing.catalogue import Section

        from . import models, snapshots

        kinds.register(
            models.AssetsKind.ASSET_REGISTER,
            section=Section.ASSETS,
            rows=snapshots.canonical_rows,
            template="assets/kinds/asset_register.html",
            check=snapshots.check_ready,
            copy=snapshots.copy_rows,
            row_key=snapshots.row_key,
            content=[models.Snapshot, models.SnapshotAsset, models.SnapshotResource],
        )
        slots.add("section_end", "assets/includes/village_link.html", section=Section.ASSETS)
