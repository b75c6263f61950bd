from django.urls import path

from . import feeds, views

app_name = "guidance"

urlpatterns = [
    path("", views.start, name="start"),
    path("guide/question/<slug:slug>/", views.question, name="question"),
    path("guide/result/<slug:slug>/", views.result, name="result"),
    path("guide/result/<slug:slug>/card/", views.card, name="card"),
    path("guide/result/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("guide/result/<slug:slug>/feedback/sent/", views.feedback_sent, name="feedback_sent"),
    path("guide/editions.atom", feeds.GuideEditions(), name="feed"),
]
