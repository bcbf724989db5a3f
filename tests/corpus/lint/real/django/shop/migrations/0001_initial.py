from django.db import migrations

CREATE_ORDERS = """
    CREATE TABLE shop_order (
        id         uuid PRIMARY KEY,
        status     text NOT NULL,
        deleted_at timestamptz
    );
"""


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunSQL(CREATE_ORDERS, reverse_sql="DROP TABLE shop_order;")]
