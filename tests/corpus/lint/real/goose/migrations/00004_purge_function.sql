-- lint-rules: mutation-without-where, drop-table
-- +goose Up
-- +goose StatementBegin
-- the DELETE runs when the function is called: still an unbounded delete
-- expect: mutation-without-where
CREATE FUNCTION purge_cancelled_orders() RETURNS void AS $$
BEGIN
    DELETE FROM orders;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION purge_cancelled_orders();
DROP TABLE IF EXISTS orders_archive;
