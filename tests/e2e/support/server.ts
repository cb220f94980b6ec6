import path from "node:path";

/** The app under test: a production build on its own port and its own database file. */
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATABASE_FILE = path.resolve("tests", ".tmp", "e2e.db");
export const E2E_DATABASE_URL = `file:${E2E_DATABASE_FILE}`;
export const E2E_REVALIDATE_TOKEN = "e2e-revalidate-token-0123456789abcdef";
/** The key the server seals second-factor secrets with (SECRETS_KEY): fixed, for tests only. */
export const E2E_SECRETS_KEY = Buffer.alloc(32, "e2e sealing key").toString("base64");

/** The first admin the server creates on its fresh database (see lib/auth/first-admin.server.ts). */
export const E2E_ADMIN_EMAIL = "e2e-admin@example.org";
export const E2E_ADMIN_PASSWORD = "e2e admin password 0123456789";
