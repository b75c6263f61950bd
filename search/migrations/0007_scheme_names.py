"""The names people type for the two schemes (DOMAIN.md's words). Residents' insurance under its short and
its full names, one synonym group, so that 居民医保怎么交 finds the result titled 参加城乡居民基本医疗保险.
城镇职工, which people type for employees in employee insurance (城镇职工医保), leads to the site's 职工: on its
own it is a word no text holds, and a query with it found nothing about employees. 职工医保 itself gets no
group: searched as 职工 and 医保 it finds the employee results better than as one phrase. Nothing is added
where staff already have a group with 居民医保, or everyday words with 城镇职工."""

import re

from django.db import migrations

RESIDENTS = "居民医保, 城乡居民医保, 居民基本医疗保险, 城乡居民基本医疗保险"
RESIDENTS_NOTE = "Residents' basic medical insurance: the everyday short name and the full one"
EMPLOYEES = (
    "城镇职工",
    "职工, employee",
    "What people type for employee insurance, which employees join and flexible workers may (SIL 23(1), 23(2))",
)
SEPARATORS = re.compile(r"[,，、;；\n]+")  # as search.models splits a staff-edited list


def add_words(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    EverydayTerm = apps.get_model("search", "EverydayTerm")
    if not any("居民医保" in _words(row.words) for row in Synonym.objects.all()):
        Synonym.objects.create(words=RESIDENTS, note=RESIDENTS_NOTE)
    words, means, note = EMPLOYEES
    if not any(words in _words(row.words) for row in EverydayTerm.objects.all()):
        EverydayTerm.objects.create(words=words, means=means, is_slip=False, note=note)


def _words(text):
    return {word.strip() for word in SEPARATORS.split(text)}


class Migration(migrations.Migration):
    dependencies = [("search", "0006_everyday_words_pay_apps_and_offices")]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
