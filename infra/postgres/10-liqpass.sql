-- LiqPass database set-up: the `liqpass` database and, inside it, one schema and one LOGIN role
-- per service (ARCHITECTURE.md, "Storage"). Idempotent: safe to run again after adding a
-- service or rotating a password.
--
-- Passwords come from the environment, one variable per role, and are never written here:
--   LIQPASS_GATEWAY_DB_PASSWORD LIQPASS_POLICY_DB_PASSWORD LIQPASS_OKX_DB_PASSWORD
--   LIQPASS_PAYMENTS_DB_PASSWORD LIQPASS_CLAIMS_DB_PASSWORD LIQPASS_PAYOUT_DB_PASSWORD
-- Each must be the password inside that service's DATABASE_URL, so keep it URL-safe
-- (e.g. `openssl rand -hex 32`).
--
-- docker compose: the postgres image runs this file on its first start (empty volume).
-- Anywhere else, as a superuser with psql 15 or newer (for \getenv):
--   psql -v ON_ERROR_STOP=1 -d postgres -f infra/postgres/10-liqpass.sql
-- tools/infra-check checks that every schema in libs/config SERVICES is provisioned here.

\set ON_ERROR_STOP on

SELECT 'CREATE DATABASE liqpass'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'liqpass') \gexec

\connect liqpass

-- Roles are cluster-wide; one at a time, as libs/db does, so two runs cannot interleave.
SELECT pg_advisory_lock(7426001);

-- api-gateway
\set schema gateway
\set role liqpass_gateway
\set password_env LIQPASS_GATEWAY_DB_PASSWORD
\ir lib/provision-service.sql

-- policy
\set schema policy
\set role liqpass_policy
\set password_env LIQPASS_POLICY_DB_PASSWORD
\ir lib/provision-service.sql

-- okx-binding
\set schema okx
\set role liqpass_okx
\set password_env LIQPASS_OKX_DB_PASSWORD
\ir lib/provision-service.sql

-- payment-listener
\set schema payments
\set role liqpass_payments
\set password_env LIQPASS_PAYMENTS_DB_PASSWORD
\ir lib/provision-service.sql

-- claims-verifier
\set schema claims
\set role liqpass_claims
\set password_env LIQPASS_CLAIMS_DB_PASSWORD
\ir lib/provision-service.sql

-- payout
\set schema payout
\set role liqpass_payout
\set password_env LIQPASS_PAYOUT_DB_PASSWORD
\ir lib/provision-service.sql

SELECT pg_advisory_unlock(7426001);
