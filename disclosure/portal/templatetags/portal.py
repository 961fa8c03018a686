from functools import lru_cache

import segno
from django import template
from django.utils.safestring import mark_safe

from disclosure.portal import content, slots
from disclosure.portal.http import absolute_url
from disclosure.publishing import kinds
from disclosure.publishing.masking import mask_text

register = template.Library()


@register.simple_tag
def qr_code(url: str, title: str, scale: int = 4):
    """The URL as an inline SVG QR code; medium error correction survives a scuffed paper copy."""
    return mark_safe(_qr_svg(url, str(title), scale))  # noqa: S308 - segno escapes the title


# Drawing a code takes milliseconds and the same address always gives the same drawing.
@lru_cache(maxsize=4096)
def _qr_svg(url: str, title: str, scale: int) -> str:
    return segno.make(url, error="m", micro=False).svg_inline(
        scale=scale, title=title, svgclass="qr", lineclass=None
    )


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    """The full address of a path, as search engines want it in a canonical link."""
    return absolute_url(context["request"], path)


@register.filter
def masked(value) -> str:
    """Structured personal values pass through the one masking rule before they are shown."""
    return mask_text(str(value or ""))


@register.simple_tag(takes_context=True)
def revision_content(context, revision, embedded=False, unfolded=False) -> str:
    """The revision's content as villagers read it (portal/content.py keeps it checked);
    `unfolded` on paper, where nothing can be tapped open."""
    return content.rendered(context["request"], revision, embedded=embedded, unfolded=unfolded)


@register.filter
def content_template(kind: str) -> str | None:
    """The template that renders the structured rows of this kind of posting, if it has any."""
    return kinds.content_template(kind)


@register.simple_tag
def slot_templates(slot: str, section: str | None = None) -> list[str]:
    """The templates other apps added to a slot of this page (portal.slots)."""
    return slots.templates(slot, section)
