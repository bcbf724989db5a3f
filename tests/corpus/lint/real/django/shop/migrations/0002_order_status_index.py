# lint-rules: create-index-non-concurrent, drop-table
from django.db import migrations

# expect: create-index-non-concurrent
CREATE_INDEX = "CREATE INDEX shop_order_status_idx ON shop_order (status);"


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [migrations.RunSQL(sql=CREATE_INDEX, reverse_sql="DROP INDEX shop_order_status_idx;")]
