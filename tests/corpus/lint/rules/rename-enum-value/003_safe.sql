-- lint-rules: rename-enum-value
-- adding a value and renaming the type itself keep the stored values
ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'settled';
ALTER TYPE order_status RENAME TO purchase_status;
