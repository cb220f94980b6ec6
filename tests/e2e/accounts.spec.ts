import { expect, test, type Browser, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp.server";
import { expectNoAxeViolations } from "./support/a11y";
import { editorsOfThisSpec } from "./support/editors";
import { openSession, signIn, submitSignIn } from "./support/signed-in";

const PASSWORD = "accounts e2e password 0123";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const { newEditor, run: RUN } = editorsOfThisSpec({ password: PASSWORD, label: "Accounts" });

test.describe.configure({ mode: "serial" });

async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, { email, password: PASSWORD });
}

async function newPage(browser: Browser, options: { userAgent?: string } = {}): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

/** A browser signed in (without the form: not what these tests are about), on the admin's first page. */
async function onAdminFirstPage(page: Page, email?: string): Promise<Page> {
  await openSession(page.context(), email);
  await page.goto("/admin");
  return page;
}

/** Turns the second factor on as the editor's app would, with the code of the step before now. */
async function turnOnSecondFactor(page: Page): Promise<string> {
  await page.goto("/admin/account");
  const grouped = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).textContent();
  const secret = (grouped ?? "").replace(/\s/g, "");
  await page.getByLabel("Code the app shows now").fill(totpCode(secret, new Date(Date.now() - 30_000)));
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  await expect(page.getByText(/^On since /)).toBeVisible();
  return secret;
}

async function signInWithRecoveryCode(page: Page, email: string, code: string): Promise<void> {
  await submitSignIn(page, { email, password: PASSWORD });
  await expect(page).toHaveURL(/\/admin\/login\/code$/);
  await page.getByLabel("Recovery code").fill(code);
  await page.getByRole("button", { name: "Use recovery code" }).click();
}

test("an editor signs in with a recovery code once; the same code is refused the second time", async ({ page }) => {
  const email = await newEditor("recovery");
  await openSession(page.context(), email);
  await turnOnSecondFactor(page);

  await page.getByRole("button", { name: "Make recovery codes" }).click();
  const shown = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(shown).toHaveCount(10);
  const codes = await shown.allTextContents();
  expect(new Set(codes).size).toBe(10);
  await expect(page.getByRole("status").filter({ hasText: "shown only this once" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Shown once: not on the page again.
  await page.reload();
  await expect(page.getByText(codes[0]!)).toHaveCount(0);
  await expect(page.getByText("10 of 10 recovery codes unused.", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithRecoveryCode(page, email, codes[0]!);
  await expect(page.getByRole("heading", { level: 1, name: "The record" })).toBeVisible();
  await page.goto("/admin/account");
  await expect(page.getByText("9 of 10 recovery codes unused.", { exact: false })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Recovery code");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithRecoveryCode(page, email, codes[0]!);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That is not one of your unused recovery codes. Each code works once; check for a typing mistake.",
  );
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("an editor sees where they are signed in and ends another browser's session, which is signed out at its next request", async ({
  page,
  browser,
}) => {
  const email = await newEditor("sessions");
  const other = await newPage(browser, { userAgent: FIREFOX });
  await signInAs(other, email);
  await signInAs(page, email);

  await page.goto("/admin/account");
  const sessions = page.getByRole("list", { name: "Open sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "this device" })).toContainText("Chrome on Windows");
  await expect(sessions.filter({ hasText: "Firefox on Linux" })).toContainText(/127\.0\.0\.1/);
  await expect(sessions.filter({ hasText: "Firefox on Linux" })).toContainText(/last seen/);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: /^End this session\W+Firefox on Linux/ }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "That session has ended: the device is signed out at its next request.",
  );
  await expect(sessions).toHaveCount(1);

  await other.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Sources" }).click();
  await expect(other).toHaveURL(/\/admin\/login$/);
  // This browser is still signed in.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();

  // Sign out everywhere else.
  await onAdminFirstPage(other, email);
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Signed out everywhere else: your other sessions have ended.",
  );
  await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);
  await other.reload();
  await expect(other).toHaveURL(/\/admin\/login$/);
  await other.context().close();
});

test("an admin ends every session of an editor", async ({ page, browser }) => {
  const email = await newEditor("ended");
  const editor = await onAdminFirstPage(await newPage(browser), email);
  const laptop = await onAdminFirstPage(await newPage(browser), email);

  await openSession(page.context());
  await page.goto("/admin/editors");
  await expect(page.getByRole("listitem").filter({ hasText: email }).first()).toContainText("2 open sessions");
  await page.getByRole("button", { name: `End every session of ${email}` }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    `${email} is signed out everywhere: 2 sessions ended.`,
  );

  for (const signedOut of [editor, laptop]) {
    await signedOut.reload();
    await expect(signedOut).toHaveURL(/\/admin\/login$/);
    await signedOut.context().close();
  }
});

test("the sign-in history lists a failed and a successful attempt with their addresses, to the editor and to an admin", async ({
  page,
  browser,
}) => {
  const email = await newEditor("history");
  await submitSignIn(page, { email, password: "not the password at all" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an active editor's account.",
  );
  // An email that matches nobody hears exactly the same.
  await submitSignIn(page, { email: `nobody-${RUN}@example.org`, password: "not the password at all" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an active editor's account.",
  );
  await signInAs(page, email);

  await page.goto("/admin/account");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(/Signed in\s*Password\s*127\.0\.0\.1\s*Chrome on Windows/);
  await expect(rows.nth(2)).toContainText(/Failed\s*Password\s*127\.0\.0\.1\s*Chrome on Windows/);

  const admin = await newPage(browser);
  await openSession(admin.context());
  await admin.goto("/admin/editors");
  await admin.getByRole("link", { name: `Sessions and sign-in history of ${email}` }).click();
  const adminRows = admin.getByRole("table").getByRole("row");
  await expect(adminRows).toHaveCount(3);
  await expect(adminRows.nth(2)).toContainText(/Failed\s*Password\s*127\.0\.0\.1/);
  await expect(admin.getByRole("list", { name: "Open sessions" }).getByRole("listitem")).toHaveCount(1);
  await expectNoAxeViolations(admin);
  await admin.context().close();
});
