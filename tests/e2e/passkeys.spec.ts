import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { addEditor } from "@/lib/auth/editors.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { expectNoAxeViolations } from "./support/a11y";
import { E2E_REVALIDATE_TOKEN } from "./support/server";
import { submitSignIn } from "./support/signed-in";

// Browsers refuse passkeys for an IP address such as the test server's 127.0.0.1, so these tests
// run an instance of the built app of their own whose configured address is
// http://localhost:<port>: the passkeys are made for "localhost", as they would be for a real
// site's name. It has a database of its own (migrating the shared one while its server runs
// fails on SQLite's lock), removed afterwards with the editor and passkeys made here.
// Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain) plays the phone:
// it keeps discoverable passkeys and says it verified the person.
const START = ["--import", "tsx", path.resolve("scripts", "cli", "start.ts"), "--no-build"];
const DATABASE_FILE = path.resolve("tests", ".tmp", "passkeys-e2e.db");
const DATABASE_URL = `file:${DATABASE_FILE}`;
const EMAIL = "passkeys@example.org";
const PASSWORD = "passkeys e2e password";
const removeDatabase = () => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DATABASE_FILE + suffix, { force: true });
};
let prisma: ReturnType<typeof createPrismaClient> | undefined;

let site = "";
let instance: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  removeDatabase();
  const port = await freePort();
  site = `http://localhost:${port}`;
  instance = spawn(process.execPath, START, {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL,
      REVALIDATE_TOKEN: E2E_REVALIDATE_TOKEN,
      PORT: String(port),
      SITE_URL: site,
    },
  });
  // Migrating and seeding the new database comes first.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (instance.exitCode !== null) throw new Error(`The localhost instance exited with code ${instance.exitCode}.`);
    const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`The localhost instance did not answer on port ${port}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  prisma = createPrismaClient(DATABASE_URL);
  await addEditor(prisma, { email: EMAIL, name: "Passkey editor", role: "editor", password: PASSWORD });
});

test.afterAll(async () => {
  await prisma?.$disconnect();
  if (instance && instance.exitCode === null) {
    await new Promise<void>((resolve) => {
      instance?.once("exit", () => resolve());
      instance?.kill("SIGTERM");
    });
  }
  removeDatabase();
});

/** The phone: a platform authenticator that keeps discoverable passkeys and verifies its user. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");
}

const theRecord = (page: Page) => page.getByRole("heading", { level: 1, name: "The record" });

test("an editor registers a passkey, signs in with it alone and as the second factor, renames and removes it", async ({
  page,
}) => {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
  });
  const { cdp, authenticatorId } = await virtualAuthenticator(page);

  await submitSignIn(page, { email: EMAIL, password: PASSWORD, site });
  await expect(theRecord(page)).toBeVisible();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByText("You have no passkeys.")).toBeVisible();
  await page.getByLabel("Name of the new passkey").fill("Virtual phone");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "The passkey “Virtual phone” is added. Signing in now asks for it after your password, or takes it alone.",
  );
  await expect(page.getByRole("heading", { level: 3, name: "Virtual phone" })).toBeVisible();
  await expect(page.getByText(/not used yet; kept on one device\.$/)).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: "localhost" });
  await expectNoAxeViolations(page);

  // Without a password: the passkey names its account, and the phone checked who holds it.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(theRecord(page)).toBeVisible();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByText(/; last used .* UTC; kept on one device\.$/)).toBeVisible();

  // After the password, the passkey is the second factor: the password alone opens nothing.
  await signOut(page);
  await submitSignIn(page, { email: EMAIL, password: PASSWORD, site });
  await expect(page).toHaveURL(/\/admin\/login\/code$/);
  await expect(page.getByText("Your password is right. Now use one of your passkeys.")).toBeVisible();
  await expect(page.getByLabel("Code from your authenticator app")).toHaveCount(0);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(theRecord(page)).toBeVisible();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("venetic_sign_in");

  await page.getByRole("link", { name: "Your account" }).click();
  const rename = page.getByRole("form", { name: "Rename Virtual phone" });
  await rename.getByLabel("New name").fill("Test phone");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "The passkey “Virtual phone” is now “Test phone”.",
  );

  const remove = page.getByRole("form", { name: "Remove Test phone" });
  await remove.getByLabel("Your password, to remove it").fill(PASSWORD);
  await remove.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("The passkey is removed.");
  await expect(page.getByText("You have no passkeys.")).toBeVisible();

  // Gone from the server: the phone still holds it, but it no longer signs anyone in.
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That passkey is not registered for an active editor's account here.",
  );
  await submitSignIn(page, { email: EMAIL, password: PASSWORD, site });
  await expect(theRecord(page)).toBeVisible();

  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
  expect(blocked).toEqual([]);
});
