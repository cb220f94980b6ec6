import type { Page } from "@playwright/test";
import { addEditor } from "@/lib/auth/editors.server";
import { readCsv } from "@/lib/csv";
import { openE2eDatabase, revalidate } from "./support/database";
import { expect, openSession, saveRecordForm as save, test } from "./support/signed-in";

/**
 * Issue #15's vocabulary, as its done-when says: an admin adds a metric and an area; an editor
 * uses them in a figure; they show in the figures table's filters and in the CSV; a rename shows
 * there too. Everything made here carries MARK and is removed at the end: the other specs count
 * the seeded record.
 */
const MARK = `Vocabulary e2e ${Date.now()}`;
const EDITOR = { email: "vocabulary-editor@example.org", name: "Vocabulary Editor" };
const PASSWORD = "vocabulary e2e password 0123456789";
const prisma = openE2eDatabase();

const made = { metric: "", area: "", figure: "" };

// Each test signs in, saves and reads public pages: more than the default 30 s on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

test.beforeAll(async () => {
  if (!(await prisma.editor.findUnique({ where: { email: EDITOR.email } }))) {
    await addEditor(prisma, { ...EDITOR, role: "editor", password: PASSWORD });
  }
});

test.afterAll(async () => {
  await prisma.figure.deleteMany({ where: { label: { startsWith: MARK } } });
  await prisma.metric.deleteMany({ where: { label: { startsWith: MARK } } });
  await prisma.geography.deleteMany({ where: { label: { startsWith: MARK } } });
  await prisma.$disconnect();
  await revalidate();
});

/** The public table's choices of one filter, as readers see them. */
async function filterChoices(page: Page, label: "Metric" | "Area"): Promise<string[]> {
  await page.goto("/figures");
  return page
    .getByRole("search", { name: "Filter the figures" })
    .getByLabel(label, { exact: true })
    .locator("option")
    .allTextContents();
}

test("an admin adds a metric and an area", async ({ signedInPage: page }) => {
  await page.goto("/admin/metrics/new");
  await page.getByLabel("Name", { exact: true }).fill(`${MARK} wallets`);
  await page.getByLabel("Kind").selectOption({ label: "Seizures" });
  await page.getByRole("checkbox", { name: "Items (counted objects)" }).check();
  made.metric = await save(page, "Create");
  expect(made.metric).toMatch(/^vocabulary-e2e-\d+-wallets$/);

  await page.goto("/admin/areas/new");
  await page.getByLabel("Name", { exact: true }).fill(`${MARK} island`);
  made.area = await save(page, "Create");
  expect(made.area).toMatch(/^vocabulary-e2e-\d+-island$/);

  await page.goto("/admin/metrics");
  await expect(page.getByRole("link", { name: `${MARK} wallets` })).toBeVisible();
});

test("an editor uses them in a figure, but cannot add to the vocabulary", async ({ page }) => {
  await openSession(page.context(), EDITOR.email);
  await page.goto("/admin/metrics");
  await expect(page.getByText("Only an admin adds, renames or deletes metrics.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New metric" })).toHaveCount(0);

  await page.goto("/admin/figures/new");
  await page.getByLabel("What it counts").selectOption(made.metric);
  await page.getByLabel("Value", { exact: true }).fill("3");
  await page.getByLabel("Unit").selectOption("items");
  await page.getByLabel("Qualifier").selectOption("exact");
  await page.getByLabel("Area").selectOption({ label: `${MARK} island` });
  await page.getByLabel("Date it describes").fill("2024-05");
  await page.getByLabel("Source", { exact: true }).selectOption("itv-2020-07-02");
  await page.getByLabel("Label").fill(`${MARK} wallets seized`);
  await page.getByLabel("The source's words").fill("three wallets were seized");
  made.figure = await save(page, "Create");
});

test("they show in the figures table's filters and in the CSV", async ({ page, request }) => {
  expect(await filterChoices(page, "Metric")).toContain(`${MARK} wallets`);
  expect(await filterChoices(page, "Area")).toContain(`${MARK} island`);

  await page.goto(`/figures?metric=${made.metric}`);
  await expect(page.locator("[data-figure-id]")).toHaveCount(1);
  await expect(page.locator(`[data-figure-id="${made.figure}"]`)).toContainText(`${MARK} wallets seized`);

  const response = await request.get("/api/figures.csv");
  expect(response.ok()).toBe(true);
  const [header, ...rows] = readCsv(await response.text()).map((record) => record.cells ?? []);
  const column = (name: string) => header!.indexOf(name);
  const row = rows.find((cells) => cells[column("id")] === made.figure);
  expect(row?.[column("metric")]).toBe(made.metric);
  expect(row?.[column("area")]).toBe(made.area);
});

test("a rename shows in the filter, under the same id", async ({ signedInPage: page }) => {
  await page.goto(`/admin/metrics/${made.metric}`);
  await page.getByLabel("Name", { exact: true }).fill(`${MARK} crypto wallets`);
  await page.getByRole("radio", { name: /^Fix/ }).check();
  await page.getByLabel("Reason for the change").fill("As the source names them");
  expect(await save(page, "Save changes")).toBe(made.metric);

  const choices = await filterChoices(page, "Metric");
  expect(choices).toContain(`${MARK} crypto wallets`);
  expect(choices).not.toContain(`${MARK} wallets`);

  // In use, it cannot be deleted: the refusal names the figure.
  await page.goto(`/admin/metrics/${made.metric}`);
  await page.getByLabel("Reason for deleting").fill("Test over");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Delete metric" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`still used by 1 figure`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`(${made.figure})`);
});
