from django.urls import path

from . import views

app_name = "statutes"

urlpatterns = [
    path("<slug:law>/", views.law_contents, name="law"),
    path("<slug:law>/article-<int:number>/", views.article_detail, name="article"),
]
