--liquibase formatted sql

--changeset shop:1
CREATE TABLE orders (id bigserial PRIMARY KEY, status text NOT NULL, deleted_at timestamptz);
--rollback DROP TABLE orders;
