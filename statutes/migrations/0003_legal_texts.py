from django.db import migrations, models

# The Social Insurance Law was the only text before: describe it as load_law describes new texts.
SOCIAL_INSURANCE_LAW = {
    "short_title_zh": "社会保险法",
    "short_title_en": "Social Insurance Law",
    "kind_zh": "法律",
    "kind_en": "law",
    "issuer_zh": "全国人民代表大会常务委员会",
    "issuer_en": "Standing Committee of the National People's Congress",
    "aliases": "社保法\nSIL",
}


def describe_existing_law(apps, schema_editor):
    apps.get_model("statutes", "Law").objects.filter(slug="social-insurance-law").update(**SOCIAL_INSURANCE_LAW)


def text_field(name, verbose_name, max_length, help_text=""):
    return migrations.AddField(
        model_name="law",
        name=name,
        field=models.CharField(verbose_name=verbose_name, max_length=max_length, help_text=help_text, default=""),
        preserve_default=False,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("statutes", "0002_searchterm"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="law",
            options={"ordering": ["position", "slug"], "verbose_name": "legal text", "verbose_name_plural": "legal texts"},
        ),
        migrations.AddField(
            model_name="law",
            name="position",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Where the text is listed among the legal texts.", verbose_name="position"
            ),
        ),
        text_field("short_title_zh", "short title (Chinese)", 100, "Used in citations, e.g. 社会保险法."),
        text_field("short_title_en", "short title (English)", 100, "Used in citations, e.g. Social Insurance Law."),
        text_field("kind_zh", "kind (Chinese)", 100, "e.g. 法律, 行政法规."),
        text_field("kind_en", "kind (English)", 100, "e.g. law, administrative regulation."),
        text_field("issuer_zh", "issued by (Chinese)", 200),
        text_field("issuer_en", "issued by (English)", 200),
        migrations.AddField(
            model_name="law",
            name="aliases",
            field=models.TextField(
                blank=True,
                help_text="Names people also use for this text when they cite it, one per line, e.g. 经办条例, Regulations.",
                verbose_name="other names",
            ),
        ),
        migrations.AlterField(
            model_name="law",
            name="slug",
            field=models.SlugField(help_text="Used in the text's web address.", unique=True, verbose_name="URL name"),
        ),
        migrations.AlterField(
            model_name="articleversion",
            name="text_en",
            field=models.TextField(
                blank=True,
                help_text="The site's own unofficial translation, line for line with the Chinese; items start with (1), (2)…",
                verbose_name="reference translation (English)",
            ),
        ),
        migrations.AlterField(
            model_name="articleversion",
            name="text_zh",
            field=models.TextField(
                help_text="The official text, verbatim. One paragraph (款) or item (项) per line; items start with （一）, （二）…",
                verbose_name="official text (Chinese)",
            ),
        ),
        migrations.RunPython(describe_existing_law, migrations.RunPython.noop),
    ]
