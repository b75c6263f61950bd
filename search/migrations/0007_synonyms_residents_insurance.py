"""Residents' basic medical insurance under its short and its full names (DOMAIN.md's words: 城乡居民基本医疗保险,
居民医保), so that 居民医保怎么交 finds the result titled 参加城乡居民基本医疗保险. Employee insurance gets no such
group: 职工医保 is searched as 职工 and 医保, which finds the employee results better than the phrase would.
Nothing is added where staff already have a group with 居民医保."""

import re

from django.db import migrations

WORDS = "居民医保, 城乡居民医保, 居民基本医疗保险, 城乡居民基本医疗保险"
NOTE = "Residents' basic medical insurance: the everyday short name and the full one"
SEPARATORS = re.compile(r"[,，、;；\n]+")  # as search.models splits a staff-edited list


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    groups = ({word.strip() for word in SEPARATORS.split(row.words)} for row in Synonym.objects.all())
    if not any("居民医保" in group for group in groups):
        Synonym.objects.create(words=WORDS, note=NOTE)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_everyday_words_pay_apps_and_offices")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
