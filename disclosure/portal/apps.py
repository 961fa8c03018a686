from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "disclosure.portal"
