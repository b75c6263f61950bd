from django.contrib import admin

from .models import Citation, Guide, Option, Outcome, Question, Step


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title_zh", "title_en", "start"]


class OptionInline(admin.StackedInline):
    model = Option
    fk_name = "question"
    extra = 0
    fields = ["position", "value", ("label_zh", "label_en"), ("hint_zh", "hint_en"), ("next_question", "outcome")]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text_zh", "text_en", "slug", "guide"]
    list_filter = ["guide"]
    search_fields = ["slug", "text_zh", "text_en"]
    fields = ["guide", "slug", ("text_zh", "text_en"), ("hint_zh", "hint_en")]
    inlines = [OptionInline]


class StepInline(admin.StackedInline):
    model = Step
    extra = 0
    fields = ["position", ("title_zh", "title_en"), ("body_zh", "body_en")]
    show_change_link = True


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["title_zh", "title_en", "slug", "guide"]
    list_filter = ["guide"]
    search_fields = ["slug", "title_zh", "title_en"]
    fields = ["guide", "slug", ("title_zh", "title_en"), ("summary_zh", "summary_en"), ("to_bring_zh", "to_bring_en")]
    inlines = [StepInline]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["article"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title_zh", "title_en", "outcome", "position"]
    list_filter = ["outcome"]
    search_fields = ["title_zh", "title_en", "body_zh", "body_en"]
    list_select_related = ["outcome"]
    fields = ["outcome", "position", ("title_zh", "title_en"), ("body_zh", "body_en")]
    inlines = [CitationInline]
