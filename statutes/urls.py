from django.urls import path

from . import feeds, views

app_name = "statutes"

urlpatterns = [
    path("", views.texts, name="texts"),
    path("<slug:law>/", views.law_contents, name="law"),
    path("<slug:law>/chapter-<int:number>/", views.chapter_detail, name="chapter"),
    path("<slug:law>/article-<int:number>/", views.article_detail, name="article"),
    path("<slug:law>/changes.atom", feeds.TextChanges(), name="feed"),
]
