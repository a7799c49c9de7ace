from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_index, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("from-text/", views.meeting_from_text, name="from_text"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/details/", views.meeting_details, name="details"),
    path("<int:pk>/participants/", views.participant_add, name="participant_add"),
    path("<int:pk>/guests/", views.guest_add, name="guest_add"),
    path("<int:pk>/agenda/", views.agenda_item_add, name="agenda_add"),
    path("<int:pk>/close/", views.meeting_close, name="close"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/news/", views.news, name="news"),
    path("participants/<int:pk>/attendance/", views.attendance_set, name="attendance"),
    path("items/<int:pk>/vote/", views.vote_add, name="vote"),
    path("drafts/<int:pk>/", views.draft_detail, name="draft"),
    path("drafts/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("drafts/<int:pk>/adopt/", views.draft_adopt, name="adopt"),
    path("drafts/<int:pk>/synthesis/", views.synthesis, name="synthesis"),
    path(
        "drafts/<int:pk>/synthesis.<str:fmt>",
        views.synthesis_export,
        name="synthesis_export",
    ),
    path("comments/<int:pk>/answer/", views.comment_answer, name="answer"),
]
