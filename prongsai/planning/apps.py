from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "prongsai.planning"
    label = "planning"
    verbose_name = "แผนงาน"
