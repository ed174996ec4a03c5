# The counters now live in ppid_portal.NomorUrut (0005 moved them).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("permohonan", "0005_nomor_urut_ke_portal"),
    ]

    operations = [
        migrations.DeleteModel(name="NomorUrut"),
    ]
