"""The cast tables take this app's names (the rows, ids and foreign keys are kept)."""

from django.db import migrations

MODELS = ['PeopleIndexPage', 'ShowIndexPage', 'PersonPage', 'PersonLink', 'KnownForCredit', 'ShowPage', 'Role', 'ReviewScore', 'Season']


class Migration(migrations.Migration):

    dependencies = [
        ("cast", "0001_initial"),
        ("articles", "0004_cast_models_move_to_cast"),
    ]

    operations = [migrations.AlterModelTable(name=name, table=None) for name in MODELS]
