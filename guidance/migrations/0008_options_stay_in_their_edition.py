"""An option leads only to a question or outcome of its own edition, and the database refuses anything else.

First, links that already cross editions are repaired: each is pointed at the row of the same name in the
option's own edition. Then a trigger refuses any insert or update that would make one again (SQLite and
PostgreSQL have no foreign key that could say "the same edition" without a column of its own).
"""

from django.db import migrations

MESSAGE = "option_same_edition: an option leads only to a question or outcome of its own edition"
CROSSES = """
    (NEW.next_question_id IS NOT NULL AND (SELECT guide_id FROM guidance_question WHERE id = NEW.next_question_id)
        IS DISTINCT FROM (SELECT guide_id FROM guidance_question WHERE id = NEW.question_id))
    OR (NEW.outcome_id IS NOT NULL AND (SELECT guide_id FROM guidance_outcome WHERE id = NEW.outcome_id)
        IS DISTINCT FROM (SELECT guide_id FROM guidance_question WHERE id = NEW.question_id))
"""
SQLITE = [
    f"""CREATE TRIGGER guidance_option_same_edition_{event.lower()} BEFORE {event} ON guidance_option
    WHEN {CROSSES.replace("IS DISTINCT FROM", "IS NOT")}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
    for event in ("INSERT", "UPDATE")
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS guidance_option_same_edition_{event}" for event in ("insert", "update")]
POSTGRESQL = [
    f"""CREATE FUNCTION guidance_option_same_edition() RETURNS trigger AS $$
    BEGIN
        IF {CROSSES} THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER guidance_option_same_edition BEFORE INSERT OR UPDATE ON guidance_option
    FOR EACH ROW EXECUTE FUNCTION guidance_option_same_edition()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS guidance_option_same_edition ON guidance_option",
    "DROP FUNCTION IF EXISTS guidance_option_same_edition()",
]


def repair_links(apps, schema_editor):
    """Point each option that leads into another edition at the row of the same name in its own edition."""
    Option = apps.get_model("guidance", "Option")
    Question = apps.get_model("guidance", "Question")
    Outcome = apps.get_model("guidance", "Outcome")
    for option in Option.objects.select_related("question", "next_question", "outcome"):
        edition = option.question.guide_id
        if option.next_question_id and option.next_question.guide_id != edition:
            option.next_question = Question.objects.filter(guide_id=edition, slug=option.next_question.slug).first()
        if option.outcome_id and option.outcome.guide_id != edition:
            option.outcome = Outcome.objects.filter(guide_id=edition, slug=option.outcome.slug).first()
        if option.next_question is None and option.outcome is None:
            option.delete()  # its target has no counterpart in this edition: validation asks staff to fix the question
        else:
            option.save()


def statements(forward):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        chosen = {"sqlite": (SQLITE, SQLITE_REVERSE), "postgresql": (POSTGRESQL, POSTGRESQL_REVERSE)}.get(vendor)
        if chosen is None:
            return
        for statement in chosen[0 if forward else 1]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("guidance", "0007_initial_revisions")]

    operations = [
        migrations.RunPython(repair_links, migrations.RunPython.noop),
        migrations.RunPython(statements(forward=True), statements(forward=False)),
    ]
