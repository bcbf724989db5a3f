-- lint-rules: parse-error, drop-table
-- a MySQL dump: each statement PostgreSQL rejects is reported, the others are still linted
-- expect: parse-error
CREATE TABLE `orders` (
  `id` int NOT NULL AUTO_INCREMENT,
  `status` varchar(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
-- expect: parse-error
ALTER TABLE users MODIFY COLUMN email varchar(255) NOT NULL;
-- expect: parse-error
CREATE TABLE carts (id bigint AUTO_INCREMENT PRIMARY KEY);
-- expect: parse-error
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id uuid) ENGINE=InnoDB;
-- expect: drop-table
DROP TABLE legacy_carts;
