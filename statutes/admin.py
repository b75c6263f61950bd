from django.contrib import admin

from .models import Article, ArticleVersion, Chapter, Law, LawVersion


class LawVersionInline(admin.TabularInline):
    model = LawVersion
    extra = 0


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    list_display = ["title_zh", "title_en", "slug"]
    inlines = [LawVersionInline]


@admin.register(Chapter)
class ChapterAdmin(admin.ModelAdmin):
    list_display = ["number", "title_zh", "title_en", "law"]
    list_display_links = ["number", "title_zh"]
    list_filter = ["law"]


class ArticleVersionInline(admin.StackedInline):
    model = ArticleVersion
    extra = 0
    fields = [("effective_from",), ("text_zh", "text_en"), "note"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["number", "chapter", "law"]
    list_filter = ["law", "chapter"]
    search_fields = ["=number", "versions__text_zh", "versions__text_en"]
    list_select_related = ["chapter", "law"]
    inlines = [ArticleVersionInline]
    show_full_result_count = False
