"""The Django admin, kept for administrators: the region tree, staff accounts and their roles.

Staff do their daily work in the workspace, not here.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from disclosure import clock

from .models import OfficialNumber, Region, Role, User
from .services import level_of, parent_code_of


class CountsPublicChanges:
    """For the admin of rows villagers' pages read (a region's name, a county's rules): each
    change counts like a service's, so that no cached page outlives it. Regions come before every
    app: the publishing app hands over how to count (publishing/apps.py, changes.count_row)."""

    count_row = None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        CountsPublicChanges.count_row(obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        CountsPublicChanges.count_row(obj)

    def delete_queryset(self, request, queryset):
        rows = list(queryset)
        super().delete_queryset(request, queryset)
        for row in rows:
            CountsPublicChanges.count_row(row)


class RegionForm(forms.ModelForm):
    """Code, name and the day it joined the portal (today for a new one) are typed; the level and
    the parent follow from the code."""

    class Meta:
        model = Region
        fields = ["code", "name", "joined_on", "second_factor_for_all_staff"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["joined_on"].initial = clock.today()

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        level_of(code)
        parent_code = parent_code_of(code)
        if parent_code and not Region.objects.filter(code=parent_code).exists():
            raise ValidationError(
                _("Add the region %(parent)s above it first.") % {"parent": parent_code}
            )
        return code

    def save(self, commit=True):
        region = super().save(commit=False)
        region.level = level_of(region.code)
        parent_code = parent_code_of(region.code)
        region.parent = Region.objects.get(code=parent_code) if parent_code else None
        if commit:
            region.save()
        return region


@admin.register(Region)
class RegionAdmin(CountsPublicChanges, admin.ModelAdmin):
    form = RegionForm
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    list_select_related = ["parent"]
    search_fields = ["code", "name"]
    readonly_fields = ["level", "parent"]

    def get_readonly_fields(self, request, obj=None):
        # Access reaches everything whose code starts with a node's prefix: a code never changes.
        if obj is not None:
            return ["code", *self.readonly_fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        # Postings, roles and children refer to regions; a region stays once it exists.
        return False


class RoleInline(admin.TabularInline):
    model = Role
    extra = 1
    autocomplete_fields = ["region"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleInline]
    list_display = ["username", "display_name", "is_active", "is_staff", "last_login"]
    search_fields = ["username", "display_name", "first_name", "last_name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["display_name", "first_name", "last_name", "email"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["username", "display_name", "password1", "password2"]},
        )
    ]


@admin.register(OfficialNumber)
class OfficialNumberAdmin(admin.ModelAdmin):
    """Numbers the county registers as official, which notices written from now on show in
    full; a notice already published keeps the text it was published with."""

    list_display = ["number", "label", "region"]
    search_fields = ["number", "label", "region__name"]
    autocomplete_fields = ["region"]
