# lint-rules: concurrently-in-transaction, create-index-non-concurrent
from django.db import migrations

CREATE_INDEX = """
    CREATE INDEX CONCURRENTLY IF NOT EXISTS shop_order_upper_status_idx ON shop_order (upper(status));
"""


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("shop", "0002_order_status_index")]
    operations = [
        migrations.RunSQL(
            sql=CREATE_INDEX,
            reverse_sql="DROP INDEX CONCURRENTLY IF EXISTS shop_order_upper_status_idx;",
        ),
    ]
