CREATE TABLE customers (
    id         uuid PRIMARY KEY,
    name       varchar(50) NOT NULL,
    deleted_at timestamptz
);
