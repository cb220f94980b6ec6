import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { createSession, NO_CLIENT, SESSION_COOKIE } from "@/lib/auth/sessions.server";
import { openE2eDatabase } from "./database";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_BASE_URL } from "./server";

export { expect };

type SignIn = {
  /** The test server's admin unless given. */
  email?: string;
  password?: string;
  /** The origin to sign in at, such as one instance of several; the test server's by default. */
  site?: string;
};

/** Fills in the sign-in form and sends it, leaving what follows to the test. */
export async function submitSignIn(
  page: Page,
  { email = E2E_ADMIN_EMAIL, password = E2E_ADMIN_PASSWORD, site = "" }: SignIn = {},
): Promise<void> {
  await page.goto(`${site}/admin/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Signs the browser in without the sign-in form: a session of the editor (the test server's admin
 * unless given) written to the database, and its cookie, as the form would have set it. For the
 * tests whose subject is what an editor does once signed in; the form, its cookie and what it
 * records are the subject of the tests that call `signIn` or `submitSignIn` (decision 0025).
 */
export async function openSession(context: BrowserContext, email = E2E_ADMIN_EMAIL): Promise<void> {
  const prisma = openE2eDatabase();
  try {
    const editor = await prisma.editor.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const { token, expiresAt } = await createSession(prisma, editor.id, NO_CLIENT);
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: token,
        url: E2E_BASE_URL,
        httpOnly: true,
        sameSite: "Lax",
        expires: Math.floor(expiresAt.getTime() / 1000),
      },
    ]);
  } finally {
    await prisma.$disconnect();
  }
}

/** Signs in with the form and waits for the admin's first page. */
export async function signIn(page: Page, account: SignIn = {}): Promise<void> {
  await submitSignIn(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "The record" })).toBeVisible();
}

/**
 * Saves the admin form open on the page with its Create or Save changes button, and waits for the
 * confirmation the edit page shows after a save; the saved record's id, from the address. The
 * site's navigation prefetches the public pages, which regenerates a stale one in the background;
 * a regeneration that starts before a save and ends after it would be cached as fresh. People never
 * act that fast: this waits for the prefetches to finish as they do.
 */
export async function saveRecordForm(page: Page, button: "Create" | "Save changes"): Promise<string> {
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(
    page
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /^Saved \(version \d+\)/ }),
  ).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
}

/** `signedInPage`: the test's page, blank, in a browser signed in as the test server's admin (see `openSession`). */
export const test = base.extend<{ signedInPage: Page }>({
  // Named so that React's lint rule does not take Playwright's `use` for its hook.
  signedInPage: async ({ page }, provide) => {
    await openSession(page.context());
    await provide(page);
  },
});
