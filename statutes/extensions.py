"""Where other apps add to the law's pages, so the law itself need not know them: the guide adds the
list of its results that rest on an article. A panel takes the request and the article and returns
HTML, or an empty string."""

article_panels = []


def article_panel(panel):
    """Register `panel(request, article)`; used as a decorator from the adding app's `ready()`."""
    article_panels.append(panel)
    return panel


def render_article_panels(request, article):
    return [html for html in (panel(request, article) for panel in article_panels) if html]
