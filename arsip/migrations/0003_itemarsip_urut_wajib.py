# In a migration of its own: PostgreSQL refuses to alter a table while trigger events of rows
# updated earlier in the same transaction are pending.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("arsip", "0002_nomor_urut"),
    ]

    operations = [
        migrations.AlterField(
            model_name="itemarsip",
            name="urut",
            field=models.PositiveIntegerField(editable=False, unique=True, verbose_name="nomor urut"),
        ),
    ]
