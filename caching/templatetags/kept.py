"""`{% kept "name" part ... %}…{% endkept %}`: the enclosed HTML drawn once for each content version and
value of its parts in each process, for a part that many public pages show (`caching.local`). The parts
must name everything the HTML depends on but the content: the object shown, the language."""

from django import template

from caching import local

register = template.Library()


@register.tag
def kept(parser, token):
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not parts:
        raise template.TemplateSyntaxError("{% kept %} needs a name and the parts the HTML depends on.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parts)


class KeptNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        parts = tuple(part.resolve(context) for part in self.parts)
        return local.kept(parts, lambda: self.nodelist.render(context))
