from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
]
