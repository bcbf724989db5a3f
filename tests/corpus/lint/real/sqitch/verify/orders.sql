-- Verify shop:orders on pg

SELECT id, status FROM orders WHERE false;
