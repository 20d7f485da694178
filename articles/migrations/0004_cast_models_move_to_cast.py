"""The cast models leave this app for `cast` (cast 0001): state only, no table changes."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_shop_block_book_chooser"),
        ("cast", "0001_initial"),
        ("shop", "0003_book_authors_point_at_cast"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='articlepage',
                    name='people',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Who the article is about. Left empty, it is filled from the cast blocks and the people linked in the text.', related_name='articles', to='cast.personpage', verbose_name='people'),
                ),
                migrations.AlterField(
                    model_name='articlepage',
                    name='shows',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Which shows the article is about. Left empty, it is filled from the cast blocks and the shows linked in the text.', related_name='articles', to='cast.showpage', verbose_name='shows'),
                ),
                migrations.RemoveField(
                    model_name='knownforcredit',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='peopleindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='personlink',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='personpage',
                    name='photo',
                ),
                migrations.RemoveField(
                    model_name='showpage',
                    name='source_author',
                ),
                migrations.RemoveField(
                    model_name='role',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='reviewscore',
                    name='show',
                ),
                migrations.RemoveField(
                    model_name='role',
                    name='show',
                ),
                migrations.AlterUniqueTogether(
                    name='season',
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name='season',
                    name='show',
                ),
                migrations.RemoveField(
                    model_name='showindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='showpage',
                    name='key_image',
                ),
                migrations.RemoveField(
                    model_name='showpage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='KnownForCredit',
                ),
                migrations.DeleteModel(
                    name='PeopleIndexPage',
                ),
                migrations.DeleteModel(
                    name='PersonLink',
                ),
                migrations.DeleteModel(
                    name='PersonPage',
                ),
                migrations.DeleteModel(
                    name='ReviewScore',
                ),
                migrations.DeleteModel(
                    name='Role',
                ),
                migrations.DeleteModel(
                    name='Season',
                ),
                migrations.DeleteModel(
                    name='ShowIndexPage',
                ),
                migrations.DeleteModel(
                    name='ShowPage',
                ),
            ],
            database_operations=[],
        ),
    ]
