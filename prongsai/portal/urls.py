from django.urls import path

from prongsai.portal import views_public, views_staff

app_name = "portal"

urlpatterns = [
    path("", views_public.home, name="home"),
    path("structure/", views_public.structure, name="structure"),
    path("executives/", views_public.executives, name="executives"),
    path("duties/", views_public.duties, name="duties"),
    path("contact/", views_public.contact, name="contact"),
    path("news/", views_public.news_list, name="news_list"),
    path("news/<str:public_id>/", views_public.news_detail, name="news_detail"),
    path("pages/<slug:slug>/", views_public.page, name="page"),
    path("search/", views_public.search_view, name="search"),
    path("track/", views_public.track, name="track"),
    path("files/<str:public_id>/", views_public.attachment_file, name="attachment"),
    path("files/<str:public_id>/preview/", views_public.attachment_preview, name="attachment_preview"),
    path("people/<str:public_id>/photo/", views_public.person_photo, name="person_photo"),
    path("logo/", views_public.agency_logo, name="agency_logo"),
    path("theme.css", views_public.agency_theme, name="agency_theme"),
    path("staff/", views_staff.dashboard, name="staff_home"),
    path("staff/news/", views_staff.news_index, name="staff_news"),
    path("staff/news/new/", views_staff.news_edit, name="staff_news_new"),
    path("staff/news/<int:pk>/", views_staff.news_edit, name="staff_news_edit"),
    path("staff/news/<int:pk>/publish/", views_staff.news_publish_view, name="staff_news_publish"),
    path("staff/news/<int:pk>/attachments/", views_staff.news_attach, name="staff_news_attach"),
    path("staff/pages/", views_staff.page_index, name="staff_pages"),
    path("staff/pages/new/", views_staff.page_edit, name="staff_page_new"),
    path("staff/pages/<int:pk>/", views_staff.page_edit, name="staff_page_edit"),
    path("staff/pages/<int:pk>/publish/", views_staff.page_publish_view, name="staff_page_publish"),
]
