"""Results and annual reports carry the fiscal year they report, so a multi-year plan is reported every year."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def _plan_year(apps, schema_editor):
    # Every result and report recorded so far belongs to its plan's own year (no plan had a second one).
    Plan = apps.get_model("planning", "Plan")
    year = Subquery(Plan._base_manager.filter(pk=OuterRef("plan_id")).values("fiscal_year")[:1])
    for name in ("ItemResult", "AnnualReport"):
        apps.get_model("planning", name)._base_manager.update(fiscal_year=year)


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="itemresult",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="ผลของปีงบประมาณ (พ.ศ.)"),
        ),
        migrations.AddField(
            model_name="annualreport",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="ผลของปีงบประมาณ (พ.ศ.)"),
        ),
        migrations.AlterField(
            model_name="annualreport",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="annual_reports", to="planning.plan"
            ),
        ),
        migrations.RunPython(_plan_year, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="itemresult",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(verbose_name="ผลของปีงบประมาณ (พ.ศ.)"),
        ),
        migrations.AlterField(
            model_name="annualreport",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(verbose_name="ผลของปีงบประมาณ (พ.ศ.)"),
        ),
        migrations.AddConstraint(
            model_name="annualreport",
            constraint=models.UniqueConstraint(
                fields=("agency", "plan", "fiscal_year"), name="planning_annual_unique_year"
            ),
        ),
    ]
