import type { Page } from "@playwright/test";
import { openE2eDatabase, revalidate } from "./support/database";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./support/server";
import { expect, saveRecordForm as save, signIn, submitSignIn, test } from "./support/signed-in";

// Everything this file creates carries this mark, so that it can be removed whatever happens
// and the other specs keep reading the seeded record.
const MARK = `E2E ${Date.now()}`;
const prisma = openE2eDatabase();

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await prisma.figure.deleteMany({ where: { label: { startsWith: MARK } } });
  await prisma.source.deleteMany({ where: { publisher: { startsWith: MARK } } });
  await prisma.ruling.deleteMany({ where: { court: { startsWith: MARK } } });
  await prisma.agency.deleteMany({ where: { name: { startsWith: MARK } } });
  await prisma.$disconnect();
  await revalidate();
});

/**
 * The site's navigation prefetches the public pages, which regenerates a stale one in the
 * background; a regeneration that starts before a save and ends after it would be cached as
 * fresh. People never act that fast; the test waits for the prefetches to finish as they do.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

test("the admin is private: sign-in first, never cached, indexed or framed, and not linked from the public pages", async ({
  page,
  request,
}) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  for (const path of ["/admin", "/admin/login", "/admin/history"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["cache-control"], path).toContain("no-store");
    expect(headers["x-robots-tag"], path).toContain("noindex");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }

  for (const path of ["/", "/sources", "/figures"]) {
    await page.goto(path);
    await expect(page.locator('a[href*="/admin"]'), path).toHaveCount(0);
  }
});

test("a wrong password and an unknown email get the same refusal", async ({ page }) => {
  await submitSignIn(page, { email: E2E_ADMIN_EMAIL, password: "not the password at all" });
  const refusal = page.getByRole("main").getByRole("alert");
  await expect(refusal).toHaveText("That email and password do not match an active editor's account.");
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(refusal).toHaveText("That email and password do not match an active editor's account.");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("an editor creates, edits and deletes a source and a figure; history and the public pages follow", async ({
  signedInPage: page,
}) => {
  test.setTimeout(120_000);

  // A new source.
  await page.goto("/admin/sources/new");
  await page.getByLabel("Publisher").fill(`${MARK} Gazette`);
  await page.getByLabel("Address (URL)").fill("https://example.org/e2e-story");
  await page.getByLabel("Published on").fill("2024-05-02");
  await page.getByLabel("Kind").selectOption("press");
  const sourceId = await save(page, "Create");
  await page.goto("/sources");
  await expect(page.locator(`article[id="${sourceId}"]`)).toContainText(`${MARK} Gazette`);

  // Edit it, with a reason.
  await page.goto(`/admin/sources/${sourceId}`);
  await page.getByLabel("Title").fill("Arrests announced");
  await page.getByLabel("Reason for the change").fill("Add the headline");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");

  // A figure citing it; a value the form refuses first, kept as typed with its message.
  await page.goto("/admin/figures/new");
  await page.getByLabel("What it counts").selectOption("arrested");
  await page.getByLabel("Value").fill("-5");
  await page.getByLabel("Unit").selectOption("people");
  await page.getByLabel("Qualifier").selectOption("exact");
  await page.getByLabel("Area").selectOption("uk");
  await page.getByLabel("Date it describes").fill("2024-02-30");
  await page.getByLabel("Source", { exact: true }).selectOption(sourceId);
  await page.getByLabel("Label").fill(`${MARK} people arrested`);
  await page.getByLabel("The source's words").fill("4,321 people were arrested");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.locator("#value-error")).toHaveText("A reported figure cannot be negative.");
  await expect(page.locator("#asOf-error")).toHaveText("Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD.");
  await expect(page.getByLabel("Value")).toHaveValue("-5");
  await expect(page.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Value").fill("4,321");
  await page.getByLabel("Date it describes").fill("2024-05");
  const figureId = await save(page, "Create");
  await expect(page.getByLabel("Value")).toHaveValue("4321");
  await page.goto("/sources");
  await expect(page.locator(`article[id="${sourceId}"] [data-figure-id="${figureId}"]`)).toContainText("4,321");

  // Edit the figure, then see the change and revert it from the history.
  await page.goto(`/admin/figures/${figureId}`);
  await page.getByLabel("Value").fill("4400");
  await page.getByLabel("Reason for the change").fill("Corrected total");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto("/sources");
  await expect(page.locator(`[data-figure-id="${figureId}"]`)).toContainText("4,400");

  await page.goto(`/admin/history?recordType=figure&recordId=${figureId}`);
  const edit = changes(page).filter({ hasText: "Reason: Corrected total" });
  await expect(edit.getByRole("row", { name: /^Value/ })).toContainText("4321");
  await expect(edit.getByRole("row", { name: /^Value/ })).toContainText("4400");
  await settle(page);
  await edit.getByRole("button", { name: /^Revert change/ }).click();
  await expect(edit.getByRole("status")).toHaveText("The figure's earlier values are back.");
  await page.reload();
  await expect(changes(page).first()).toContainText(/reverts #\d+/);
  await page.goto("/sources");
  await expect(page.locator(`[data-figure-id="${figureId}"]`)).toContainText("4,321");

  // The source cannot go while the figure cites it.
  await page.goto(`/admin/sources/${sourceId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `still cited by 1 figure: “${MARK} people arrested” (${figureId})`,
  );

  // Delete the figure, then the source.
  await page.goto(`/admin/figures/${figureId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await settle(page);
  await page.getByRole("button", { name: "Delete figure" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Deleted." })).toBeVisible();
  await page.goto(`/admin/sources/${sourceId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await settle(page);
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page).toHaveURL(/\/admin\/sources\?deleted=1$/);

  await page.goto("/sources");
  await expect(page.locator(`article[id="${sourceId}"]`)).toHaveCount(0);
  await page.goto("/admin/history");
  await expect(changes(page).first().getByRole("heading")).toHaveText(
    `#${await lastRevisionId()}: delete source ${sourceId}`,
  );
  await expect(changes(page).filter({ hasText: `delete figure ${figureId}` })).toContainText("Reason: Test over");
});

test("a save from a form opened before someone else's save is refused, showing both versions", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first);
  await first.goto("/admin/agencies/new");
  await first.getByLabel("Name", { exact: true }).fill(`${MARK} Constabulary`);
  await first.getByLabel("Kind").selectOption("police-force");
  await first.getByLabel("Country").fill("GB");
  await first.getByLabel("Role", { exact: true }).fill("Arrested people in its area");
  const agencyId = await save(first, "Create");

  const second = await context.newPage();
  await second.goto(`/admin/agencies/${agencyId}`);

  await first.getByLabel("Role", { exact: true }).fill("Their version of the role");
  await first.getByLabel("Reason for the change").fill("First editor");
  await first.getByRole("radio", { name: /^Correction/ }).check();
  await save(first, "Save changes");

  await second.getByLabel("Role", { exact: true }).fill("My version of the role");
  await second.getByLabel("Reason for the change").fill("Second editor");
  await second.getByRole("radio", { name: /^Correction/ }).check();
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toContainText(
    "changed by someone else since you opened it",
  );
  const comparison = second.getByRole("table", { name: "Where the saved record differs from yours" });
  await expect(comparison.getByRole("row", { name: /Role/ })).toContainText("Their version of the role");
  await expect(comparison.getByRole("row", { name: /Role/ })).toContainText("My version of the role");
  await expect(second.getByLabel("Role", { exact: true })).toHaveValue("My version of the role");
  expect((await prisma.agency.findUniqueOrThrow({ where: { id: agencyId } })).role).toBe("Their version of the role");

  await first.reload();
  await first.getByLabel("Reason for deleting").fill("Test over");
  await first.getByRole("button", { name: "Delete agency" }).click();
  await expect(first).toHaveURL(/\/admin\/agencies\?deleted=1$/);
  await context.close();
});

test("an agency and a ruling are created, edited and deleted, and their public pages follow", async ({
  signedInPage: page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/admin/agencies/new");
  await page.getByLabel("Name", { exact: true }).fill(`${MARK} Regional Unit`);
  await page.getByLabel("Kind").selectOption("regional-organised-crime-unit");
  await page.getByLabel("Country").fill("gb");
  await page.getByLabel("Role", { exact: true }).fill("Led the arrests in the region");
  const agencyId = await save(page, "Create");
  await expect(page.getByLabel("Country")).toHaveValue("GB");

  await page.goto("/admin/rulings/new");
  await page.getByLabel("Date").fill("2021-02-05");
  await page.getByLabel("Court", { exact: true }).fill(`${MARK} Court of Appeal`);
  await page.getByLabel("Court (as an agency)").selectOption(agencyId);
  await page.getByLabel("Case").fill("R v E2E");
  await page.getByLabel("Jurisdiction").selectOption("england-and-wales");
  await page.getByLabel("Outcome").fill("The evidence was admissible.");
  await page.getByLabel("Source", { exact: true }).selectOption("itv-2020-07-02");
  const rulingId = await save(page, "Create");

  await page.goto("/rulings");
  await expect(page.locator(`[data-ruling-id="${rulingId}"]`)).toContainText("The evidence was admissible.");
  await page.goto("/agencies");
  await expect(page.locator(`[data-agency-id="${agencyId}"]`)).toContainText(`${MARK} Regional Unit`);

  await page.goto(`/admin/rulings/${rulingId}`);
  await page.getByLabel("Outcome").fill("The evidence was admissible; appeal dismissed.");
  await page.getByLabel("Reason for the change").fill("Fuller outcome");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await save(page, "Save changes");
  await page.goto("/rulings");
  await expect(page.locator(`[data-ruling-id="${rulingId}"]`)).toContainText("appeal dismissed");

  // The agency is the ruling's court: it cannot go first.
  await page.goto(`/admin/agencies/${agencyId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await page.getByRole("button", { name: "Delete agency" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("still named by 1 ruling");

  await page.goto(`/admin/rulings/${rulingId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await settle(page);
  await page.getByRole("button", { name: "Delete ruling" }).click();
  await expect(page).toHaveURL(/\/admin\/rulings\?deleted=1$/);
  await page.goto(`/admin/agencies/${agencyId}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await settle(page);
  await page.getByRole("button", { name: "Delete agency" }).click();
  await expect(page).toHaveURL(/\/admin\/agencies\?deleted=1$/);

  await page.goto("/rulings");
  await expect(page.locator(`[data-ruling-id="${rulingId}"]`)).toHaveCount(0);
  await page.goto("/agencies");
  await expect(page.locator(`[data-agency-id="${agencyId}"]`)).toHaveCount(0);
});

test("a CSV of figures is checked row by row, and only the good rows are imported", async ({ signedInPage: page }) => {
  await page.goto("/admin/import");
  const csv = [
    "metricId,value,unit,qualifier,geographyId,agencyId,asOf,sourceId,label,quote,note",
    `arrested,"1,111",people,about,uk,,2024-06,itv-2020-07-02,${MARK} imported arrests,"about 1,111 people",`,
    `arrested,-3,people,exact,uk,,2024-06,itv-2020-07-02,${MARK} negative,quote,`,
    `arrested,7,furlongs,exact,uk,,2021-02-30,itv-2020-07-02,${MARK} bad unit,quote,`,
  ].join("\n");
  await page.getByLabel("Or paste it here").fill(csv);
  await page.getByRole("button", { name: "Check rows" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("1 of 3 rows can be imported.");
  const rows = page.getByRole("table", { name: "Rows checked" });
  await expect(rows.getByRole("row", { name: /^3 / })).toContainText("value: A reported figure cannot be negative.");
  await expect(rows.getByRole("row", { name: /^4 / })).toContainText("unit: Choose a unit from the list.");
  await expect(rows.getByRole("row", { name: /^4 / })).toContainText("asOf: Enter a real date");
  expect(await prisma.figure.count({ where: { label: { startsWith: MARK } } })).toBe(0);

  await page.getByLabel("Reason").fill("June update");
  await settle(page);
  await page.getByRole("button", { name: "Import valid rows" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Imported 1 figure; 2 rows were skipped.");
  const imported = await prisma.figure.findFirstOrThrow({ where: { label: `${MARK} imported arrests` } });
  expect([imported.valueMinor, imported.qualifier]).toEqual([1111n, "about"]);
  expect(await prisma.figure.count({ where: { label: { startsWith: MARK } } })).toBe(1);

  await page.goto(`/admin/history?recordType=figure&recordId=${imported.id}`);
  await expect(changes(page).first()).toContainText("Reason: CSV import of 1 figure: June update");
  await page.goto("/sources");
  await expect(page.locator(`[data-figure-id="${imported.id}"]`)).toContainText("about 1,111");

  // Leave the seeded record as it was for the other specs.
  await page.goto(`/admin/figures/${imported.id}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await settle(page);
  await page.getByRole("button", { name: "Delete figure" }).click();
  await expect(page).toHaveURL(/\/admin\/figures\?deleted=1$/);
});

test("an admin adds an editor, who signs in, and loses access the moment they are disabled", async ({ browser }) => {
  const email = `editor-${Date.now()}@example.org`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin);
  await admin.getByRole("link", { name: "Editors" }).click();
  await admin.getByLabel("Name", { exact: true }).fill(`${MARK} Editor`);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("editor");
  await admin.getByLabel(/^First password/).fill("editor password 0123456789");
  await admin.getByRole("button", { name: "Add editor" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText(`(${email}) can now sign in as editor.`);

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, { email, password: "editor password 0123456789" });
  await expect(editor.getByRole("link", { name: "Editors" })).toHaveCount(0);

  await admin.reload();
  await admin.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(admin.getByRole("main").getByRole("status").filter({ hasText: "is disabled" })).toBeVisible();

  await editor.goto("/admin/sources");
  await expect(editor).toHaveURL(/\/admin\/login$/);
  await adminContext.close();
  await editorContext.close();
});

test("signing out ends the session on the server", async ({ page, context }) => {
  await signIn(page);
  const [session] = (await context.cookies()).filter((cookie) => cookie.name === "venetic_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");

  // The old cookie, replayed, opens nothing.
  if (session) await context.addCookies([session]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

/** The entries of the history page, newest first. */
function changes(page: Page) {
  return page.getByRole("list", { name: "Changes" }).getByRole("listitem");
}

async function lastRevisionId(): Promise<number> {
  return (await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
}

test("an action posted from another site, or with no Origin, changes nothing", async ({ signedInPage: page }) => {
  const source = await prisma.source.create({
    data: { publisher: `${MARK} origin check`, url: "https://example.org/origin-check", kind: "press" },
  });
  await page.goto(`/admin/sources/${source.id}`);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Save changes" }) });
  const fields = await form.evaluate((element: HTMLFormElement) =>
    [...new FormData(element).entries()].map(([name, value]) => [name, String(value)] as const),
  );
  const forged = {
    ...Object.fromEntries(
      fields.map(([name, value]) => [
        name,
        name === "publisher" ? `${MARK} forged` : name === "reason" ? "forged" : value,
      ]),
    ),
    // The kind of change is a radio group the form sends only once one is chosen.
    changeKind: "fix",
  };
  // The signed-in browser's cookie goes with each post, as it would with a forger's page.
  for (const origin of ["https://elsewhere.example", null]) {
    const response = await page.request.post(page.url(), {
      multipart: forged,
      headers: origin ? { origin } : {},
      maxRedirects: 0,
    });
    expect(response.status(), `Origin: ${origin ?? "none"}`).toBe(403);
    expect(await response.text()).toBe("Nothing was changed: forms must be sent from this site's own pages.");
    const after = await prisma.source.findUniqueOrThrow({ where: { id: source.id } });
    expect([after.publisher, after.version], `Origin: ${origin ?? "none"}`).toEqual([source.publisher, source.version]);
  }
  // The same post from the site's own page goes through: the check refuses only forgeries.
  const genuine = await page.request.post(page.url(), {
    multipart: forged,
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(genuine.status()).toBeLessThan(400);
  expect((await prisma.source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(source.version + 1);
});
