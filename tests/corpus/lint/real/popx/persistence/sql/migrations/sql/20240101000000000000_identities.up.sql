CREATE TABLE identities (
    id         UUID PRIMARY KEY,
    nid        UUID NOT NULL,
    state      VARCHAR(32) NOT NULL,
    deleted_at TIMESTAMP
);
