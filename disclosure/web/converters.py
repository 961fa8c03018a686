"""The converters of the codes in our addresses. A URLconf that uses one imports this module,
which registers them all: <division_code:…>, <code:…> and <sha256:…>."""

from django.urls import register_converter


class DivisionCodeConverter:
    """A region's 12-digit statistical division code."""

    regex = "[0-9]{12}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class CodeConverter:
    """Region codes and posting codes: letters and digits only, short; read in capitals."""

    regex = "[0-9A-Za-z]{1,12}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


class Sha256Converter:
    """The name of a stored file."""

    regex = "[0-9a-f]{64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DivisionCodeConverter, "division_code")
register_converter(CodeConverter, "code")
register_converter(Sha256Converter, "sha256")
