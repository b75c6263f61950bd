"""Small factories for realistic extra content: real article numbers, real wording."""

import datetime
import itertools

from guidance.models import Citation, Guide, Option, Outcome, PracticeNote, Question, Step
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article, ArticleVersion

_serial = itertools.count(1)


def step(outcome, *, cites=(23, 58, 60), title_en="Ask the local social insurance agency"):
    number = next(_serial)
    made = Step.objects.create(
        outcome=outcome,
        position=100 + number,
        title_zh="向当地社会保险经办机构咨询",
        title_en=title_en,
        body_zh="您有权要求社会保险经办机构提供社会保险咨询等相关服务。",
        body_en="You have the right to ask the social insurance agency for advice and other services.",
    )
    for position, article_number in enumerate(cites):
        Citation.objects.create(
            step=made, article=Article.objects.get(law__slug=SIL, number=article_number), paragraph=1, position=position
        )
    PracticeNote.objects.create(
        step=made,
        text_zh="多数地方的医保服务热线是12393。",
        text_en="In most places the medical insurance service hotline is 12393.",
        source_zh="各地做法，请向当地医保经办机构咨询",
        source_en="Local practice: ask your medical insurance agency",
        checked_on=datetime.date(2026, 11, 26),
    )
    return made


def outcome(guide, *, steps=3):
    number = next(_serial)
    made = Outcome.objects.create(
        guide=guide,
        slug=f"extra-outcome-{number}",
        title_zh="缴费方式因地而异",
        title_en="Ways to pay differ from place to place",
        summary_zh="请向当地社会保险经办机构咨询。",
        summary_en="Ask your local social insurance agency.",
        to_bring_zh="居民身份证",
        to_bring_en="Your resident ID card",
    )
    for _ in range(steps):
        step(made)
    return made


def question(guide, *, leads_to):
    number = next(_serial)
    made = Question.objects.create(
        guide=guide,
        slug=f"extra-question-{number}",
        text_zh="您在哪里工作？",
        text_en="Where do you work?",
    )
    for position, value in enumerate(["city", "countryside", "abroad"]):
        Option.objects.create(
            question=made, position=position, value=value, label_zh="城市", label_en="In a city", outcome=leads_to
        )
    return made


def article_version(article, *, year):
    current = article.versions.latest()
    return ArticleVersion.objects.create(
        article=article,
        effective_from=datetime.date(year, 1, 1),
        text_zh=current.text_zh,
        text_en=current.text_en,
    )


def shipped_guide():
    return Guide.objects.get(slug="pay-medical-insurance")
