"""``{% url %}`` with the answers remembered: the same tag, loaded as a builtin after Django's own.

A public page reverses 20–40 URL names (the main menu, the footer, the links of each row), each about 30 µs
of Django's resolver, for answers that never change while the process runs: the URL configuration is
fixed at start-up. The answer is remembered per view name, arguments, current application, URL
configuration and script prefix. Only arguments that are plain values (text, numbers, UUIDs) are
remembered; anything else, and every failure, goes through Django's ``reverse`` each time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from uuid import UUID

from django import template
from django.conf import settings
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from prongsai.core import markup

register = template.Library()

_PLAIN = (str, int, UUID)


@lru_cache(maxsize=8192)
def _reverse(
    view_name: str,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    current_app: str | None,
    urlconf: str | None,
    prefix: str,
    root: str,
) -> str:
    # urlconf, prefix and root are part of the key only: reverse() reads them itself.
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


class RememberedURLNode(URLNode):
    def render(self, context: Context) -> str:
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((k, v.resolve(context)) for k, v in self.kwargs.items()))
        values = (*args, *(v for _k, v in kwargs))
        view_name = self.view_name.resolve(context)
        if not isinstance(view_name, str) or not all(isinstance(v, _PLAIN) for v in values):
            return super().render(context)
        url = ""
        try:
            url = _reverse(view_name, args, kwargs, *url_setting(context))
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return markup.text(url) if context.autoescape else url


def url_setting(context: Context) -> tuple[str | None, str | None, str, str]:
    """The current application, URL configuration, script prefix and root URL configuration: the same for
    every ``{% url %}`` of one rendering, so they are read once per rendering (a page of 70 service cards
    has 210 tags)."""
    found = context.render_context.get(_SETTING_KEY)
    if found is None:
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        found = (current_app, get_urlconf(), get_script_prefix(), settings.ROOT_URLCONF)
        # The render context lives as long as one template's rendering (an included template has its own).
        context.render_context[_SETTING_KEY] = found
    return found


_SETTING_KEY = "prongsai:url-setting"  # a name no template variable can have


@register.tag
def url(parser: Parser, token: Token) -> RememberedURLNode:
    """Django's ``{% url %}``, parsed by Django, rendered with remembered answers."""
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
