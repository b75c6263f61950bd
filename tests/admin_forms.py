"""Fill in an admin change form the way a browser would: every field as the page showed it."""


def form_data(response):
    """The POST data a browser sends for the admin page in `response`, before anyone edits it."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        forms.append(management)
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data
