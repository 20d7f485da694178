
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cast', '0001_initial'),
        ('shop', '0002_affiliate_settings'),
    ]

    # The column and its foreign key stay; only the model it points at moved app.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                    migrations.AlterField(
                        model_name='bookauthor',
                        name='person',
                        field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='books', to='cast.personpage', verbose_name='profile'),
                    ),
            ],
            database_operations=[],
        ),
    ]
