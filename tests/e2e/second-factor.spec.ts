import { expect, test, type Browser, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp.server";
import { expectNoAxeViolations } from "./support/a11y";
import { editorsOfThisSpec } from "./support/editors";
import { openSession, submitSignIn } from "./support/signed-in";

const PASSWORD = "second factor e2e password";
const { prisma, newEditor } = editorsOfThisSpec({ password: PASSWORD, label: "Second factor" });

test.describe.configure({ mode: "serial" });

async function enterPassword(page: Page, email: string): Promise<void> {
  await submitSignIn(page, { email, password: PASSWORD });
}

/** The key as the account page shows it, for the test to act as the authenticator app. */
async function shownSecret(page: Page): Promise<string> {
  const grouped = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).textContent();
  return (grouped ?? "").replace(/\s/g, "");
}

/** A code for the next 30-second step: still accepted, and never the one just used. */
function nextCode(secret: string): string {
  return totpCode(secret, new Date(Date.now() + 30_000));
}

/** Scans (reads) the key on the account page and confirms it with the app's current code. */
async function turnOn(page: Page): Promise<string> {
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = await shownSecret(page);
  await page.getByLabel("Code the app shows now").fill(totpCode(secret, new Date()));
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Your second factor is on. Signing in now asks for a code from your app.",
  );
  return secret;
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("an editor turns on a second factor; signing in then needs the password and a code from the app", async ({
  page,
  context,
}) => {
  const email = await newEditor("careful");
  await enterPassword(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "The record" })).toBeVisible();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Second factor" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong code leaves it off.
  const secret = await shownSecret(page);
  await page.getByLabel("Code the app shows now").fill("12345");
  await page.getByRole("button", { name: "Turn on second factor" }).click();
  await expect(page.locator("#code-error")).toHaveText("Enter the 6-digit code from your authenticator app.");
  expect(await shownSecret(page)).toBe(secret);

  await turnOn(page);
  await expect(page.getByText(/^On since /)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");

  // The password alone opens nothing: the code page, and no session yet.
  await enterPassword(page, email);
  await expect(page).toHaveURL(/\/admin\/login\/code$/);
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("venetic_session");
  const [challenge] = (await context.cookies()).filter((cookie) => cookie.name === "venetic_sign_in");
  expect(challenge).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/admin" });

  const wrong = String((Number(nextCode(secret)) + 500_000) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Code from your authenticator app").fill(wrong);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That code does not match. Enter the code your authenticator app shows now.",
  );
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);

  await page.goto("/admin/login/code");
  await page.getByLabel("Code from your authenticator app").fill(nextCode(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The record" })).toBeVisible();
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("venetic_sign_in");

  // Turning it off takes the password; then the password alone signs in again.
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByLabel("A code from your app, or your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn off second factor" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Your second factor is off. Signing in needs only your password.",
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await enterPassword(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "The record" })).toBeVisible();
});

test("an admin requires a second factor: the editor can only set it up; an admin's reset makes them set it up again", async ({
  browser,
}) => {
  const email = await newEditor("required");
  const admin = await newPage(browser);
  await openSession(admin.context());
  await admin.goto("/admin/editors");
  await admin.getByRole("button", { name: `Require a second factor of ${email}` }).click();
  await expect(admin.getByRole("main").getByRole("status")).toHaveText(
    `${email} needs a second factor: until they set one up, that is all they can do in the admin.`,
  );
  await expect(admin.getByRole("button", { name: `Stop requiring a second factor of ${email}` })).toBeVisible();

  const editor = await newPage(browser);
  await enterPassword(editor, email);
  await expect(editor).toHaveURL(/\/admin\/account$/);
  await expect(editor.getByRole("main").getByRole("alert")).toHaveText(
    "An admin requires a second factor for your account. Set it up here to continue to the rest of the admin.",
  );
  await expect(editor.getByRole("navigation", { name: "Admin" }).getByRole("link")).toHaveText(["Your account"]);
  await editor.goto("/admin/sources/new");
  await expect(editor).toHaveURL(/\/admin\/account$/);

  await turnOn(editor);
  await editor.getByRole("link", { name: "Sources" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();

  // Lost phone: the admin resets it; the editor's session ends, and set-up comes first again.
  await admin.reload();
  await expect(admin.getByText("Second factor: on (required)")).toBeVisible();
  await admin.getByRole("button", { name: `Reset the second factor of ${email}` }).click();
  await expect(admin.getByRole("main").getByRole("status")).toHaveText(
    `${email}'s second factor is off and their sessions have ended. They will set up a new one when they next sign in.`,
  );
  await editor.goto("/admin/sources");
  await expect(editor).toHaveURL(/\/admin\/login$/);
  await enterPassword(editor, email);
  await expect(editor).toHaveURL(/\/admin\/account$/);
  await expect(editor.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();

  // Every change is in the history, by who made it.
  const { id } = await prisma.editor.findUniqueOrThrow({ where: { email }, select: { id: true } });
  await admin.goto(`/admin/history?recordId=${id}`);
  const changes = admin.getByRole("list", { name: "Changes" });
  await expect(changes.getByText(/^Reason: /)).toHaveText([
    "Reason: Reset by an admin",
    "Reason: Turned on with an authenticator app",
    "Reason: Required by an admin",
    "Reason: Added by the system",
  ]);

  await admin.context().close();
  await editor.context().close();
});
