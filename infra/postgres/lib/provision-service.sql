-- One service's slot in the shared database, idempotently — the same as libs/db/src/provision.ts
-- does for the local stack: a LOGIN role that owns the service's schema, has no rights in
-- `public` and has its search_path pinned to its own schema.
--
-- Included (\ir) by ../10-liqpass.sql with three psql variables set:
--   :schema        the service's Postgres schema (SERVICES[service].schema in libs/config)
--   :role          liqpass_<schema>
--   :password_env  the environment variable holding the role's password (never in this repo)
-- Runs connected to the liqpass database as a superuser. Rerunning it is safe and makes the
-- password in the environment the role's password (that is how a password is rotated).

\unset password
\getenv password :password_env
\if :{?password}
\else
  \warn 'no password for role' :role '- set the environment variable' :password_env
  SELECT 1 / 0 AS password_not_set;
\endif

SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec

SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec

SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'role') \gexec

SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'schema', :'role') \gexec

SELECT format('ALTER SCHEMA %I OWNER TO %I', :'schema', :'role') \gexec

SELECT format('REVOKE ALL ON SCHEMA public FROM %I', :'role') \gexec

SELECT format('ALTER ROLE %I SET search_path = %I', :'role', :'schema') \gexec

\unset password
