"""``{% memo name=value ... %}…{% endmemo %}``: a block rendered once per process for each set of inputs.

The site's header, menu and footer are the same on every page of an agency in a language, apart from
which menu entry is current, yet through the template engine they cost about as much as the content of a
small page (a hundred nodes: menu links, translations, static files). Every uncached page paid for them.

The block is rendered with *only* the variables its tag names, as ``{% include … only %}`` would, and the
result is remembered under those values, the active language and the URL settings (application, URL
configuration, script prefix). A variable the block uses but the tag does not name is simply empty in the
block, so a forgotten input shows on the page and in the tests instead of serving one agency's header to
another. The remembered markup is keyed by the values themselves, not by a version, so it can never be
stale: a changed name is a new key. Values must be plain (text, numbers, booleans, dates, None, or lists
and tuples of them); a block given anything else is rendered every time.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from datetime import date
from decimal import Decimal
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import FilterExpression, Node, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from prongsai.core.templatetags.urls import url_setting

register = template.Library()

# Per block: agencies × languages × current menu entries stay far below this on a province's instance.
MAX_ENTRIES = 4096
_PLAIN = (str, int, float, bool, Decimal, date, type(None))
_NODES: weakref.WeakSet[MemoNode] = weakref.WeakSet()


def _frozen(value: Any) -> Any:
    """``value`` as a hashable key, or raise TypeError when it is not plain data."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    raise TypeError(type(value).__name__)


class MemoNode(Node):
    def __init__(self, nodelist: NodeList, inputs: dict[str, FilterExpression]) -> None:
        self.nodelist = nodelist
        self.inputs = inputs
        self.rendered: OrderedDict[tuple[Any, ...], SafeString] = OrderedDict()
        self.lock = threading.Lock()
        _NODES.add(self)

    def render(self, context: Context) -> str:
        values = {name: expression.resolve(context) for name, expression in self.inputs.items()}
        try:
            key = (get_language(), url_setting(context), tuple(_frozen(v) for v in values.values()))
        except TypeError:
            return self._render(context, values)
        with self.lock:
            found = self.rendered.get(key)
            if found is not None:
                self.rendered.move_to_end(key)
                return found
        found = self._render(context, values)
        with self.lock:
            self.rendered[key] = found
            if len(self.rendered) > MAX_ENTRIES:
                self.rendered.popitem(last=False)
        return found

    def _render(self, context: Context, values: dict[str, Any]) -> SafeString:
        # Only the named values: nothing else of the page's context can leak into the remembered markup.
        with context.render_context.push():
            return mark_safe(self.nodelist.render(context.new(values)))  # noqa: S308 - rendered, escaped


@receiver(setting_changed)
def _forget(**_kwargs: Any) -> None:
    # Settings change only in tests (static files, languages, URL prefixes): nothing remembered outlives them.
    for node in list(_NODES):
        with node.lock:
            node.rendered.clear()


@register.tag
def memo(parser: Parser, token: Token) -> MemoNode:
    bits = token.split_contents()[1:]
    inputs: dict[str, FilterExpression] = {}
    for bit in bits:
        name, equals, expression = bit.partition("=")
        if not equals or not name.isidentifier():
            raise template.TemplateSyntaxError(f"{{% memo %}} takes name=value arguments, not {bit!r}")
        inputs[name] = parser.compile_filter(expression)
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, inputs)


@register.filter
def starts_with(value: object, prefix: str) -> bool:
    """Whether the text starts with ``prefix``: a yes/no input for ``{% memo %}`` where the whole text (a
    page's address) would make every page a different key."""
    return str(value).startswith(prefix)
