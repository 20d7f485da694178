"""Cast profiles move here from the articles app, with nothing lost.

The tables stay as they are (0002 renames them); only Django's idea of which app
owns the models changes. Content types keep their ids and are relabelled, so pages,
revisions, permissions, search index entries, the reference index and log entries,
which all point at content type ids, follow the models without being touched.
"""


import django.db.models.deletion
import magazine.models.metadata
import modelcluster.fields
import wagtail.fields
from django.contrib.contenttypes.models import ContentType as RealContentType
from django.db import migrations, models


MODELS = ['PeopleIndexPage', 'ShowIndexPage', 'PersonPage', 'PersonLink', 'KnownForCredit', 'ShowPage', 'Role', 'ReviewScore', 'Season']


def relabel_content_types(apps, schema_editor, old="articles", new="cast"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    moving = ContentType.objects.using(db).filter(
        app_label=old, model__in=[name.lower() for name in MODELS]
    )
    # Content types made for the new label before this ran (none, unless by hand)
    # give way to the old ones, which the pages and permissions point at.
    ContentType.objects.using(db).filter(
        app_label=new, model__in=list(moving.values_list("model", flat=True))
    ).delete()
    moving.update(app_label=new)
    RealContentType.objects.clear_cache()


def restore_content_types(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="cast", new="articles")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("articles", "0003_shop_block_book_chooser"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("magazine", "0006_alter_standardpage_body"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PeopleIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'articles_peopleindexpage',
                        'verbose_name': 'people index',
                    },
                    bases=(magazine.models.metadata.MetadataMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ShowIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'articles_showindexpage',
                        'verbose_name': 'shows index',
                    },
                    bases=(magazine.models.metadata.MetadataMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='PersonPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('kind', models.CharField(choices=[('person', 'Person'), ('animal', 'Animal performer')], default='person', max_length=10, verbose_name='kind')),
                        ('short_bio', models.TextField(blank=True, help_text="Two or three sentences: who they are and why they're in the news.", max_length=800, verbose_name='short bio')),
                        ('photo', models.ForeignKey(blank=True, help_text='A portrait. Its credit is shown with it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='magazine.magazineimage', verbose_name='photo')),
                    ],
                    options={
                        'db_table': 'articles_personpage',
                        'verbose_name': 'person',
                        'verbose_name_plural': 'people',
                    },
                    bases=(magazine.models.metadata.MetadataMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='PersonLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('label', models.CharField(help_text='e.g. Instagram, IMDb', max_length=60, verbose_name='label')),
                        ('url', models.URLField(verbose_name='address')),
                        ('person', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='links', to='cast.personpage')),
                    ],
                    options={
                        'db_table': 'articles_personlink',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='KnownForCredit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('title', models.CharField(help_text='e.g. Rocketman', max_length=160, verbose_name='title')),
                        ('year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='year')),
                        ('person', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='known_for', to='cast.personpage')),
                    ],
                    options={
                        'db_table': 'articles_knownforcredit',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ShowPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('network', models.CharField(blank=True, help_text='e.g. Netflix', max_length=80, verbose_name='network or platform')),
                        ('based_on', models.CharField(blank=True, help_text="The source work, e.g. 'the graphic novel Heartstopper'.", max_length=200, verbose_name='based on')),
                        ('synopsis', wagtail.fields.RichTextField(blank=True, help_text='What the show is about, without spoilers.', verbose_name='synopsis')),
                        ('key_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='magazine.magazineimage', verbose_name='key image')),
                        ('source_author', models.ForeignKey(blank=True, help_text='Who wrote the source work, if they have a profile.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='source_of_shows', to='cast.personpage', verbose_name='source author')),
                    ],
                    options={
                        'db_table': 'articles_showpage',
                        'verbose_name': 'show',
                    },
                    bases=(magazine.models.metadata.MetadataMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='Role',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('character_name', models.CharField(max_length=120, verbose_name='character')),
                        ('character_note', models.CharField(blank=True, help_text="One line, e.g. 'Nick's mum'.", max_length=160, verbose_name='character note')),
                        ('first_season', models.PositiveSmallIntegerField(default=1, verbose_name='first season')),
                        ('last_season', models.PositiveSmallIntegerField(blank=True, help_text='Leave empty while the role continues.', null=True, verbose_name='last season')),
                        ('billing', models.CharField(choices=[('main', 'Main cast'), ('recurring', 'Recurring'), ('guest', 'Guest')], default='main', max_length=10, verbose_name='billing')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='cast.personpage', verbose_name='person')),
                        ('show', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='cast.showpage')),
                    ],
                    options={
                        'db_table': 'articles_role',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ReviewScore',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('source', models.CharField(help_text='e.g. Rotten Tomatoes', max_length=80, verbose_name='source')),
                        ('score', models.CharField(help_text='As the source gives it, e.g. 100%', max_length=20, verbose_name='score')),
                        ('season', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='season')),
                        ('checked_on', models.DateField(help_text='When the score was read.', verbose_name='checked on')),
                        ('show', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='review_scores', to='cast.showpage')),
                    ],
                    options={
                        'db_table': 'articles_reviewscore',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Season',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('number', models.PositiveSmallIntegerField(verbose_name='season number')),
                        ('status', models.CharField(choices=[('announced', 'Announced'), ('renewed', 'Renewed'), ('in_production', 'In production'), ('released', 'Released')], default='announced', max_length=20, verbose_name='status')),
                        ('release_date', models.DateField(blank=True, help_text='Required once the season is released.', null=True, verbose_name='release date')),
                        ('show', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='seasons', to='cast.showpage')),
                    ],
                    options={
                        'db_table': 'articles_season',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('show', 'number')},
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
