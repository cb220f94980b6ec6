import type { Server } from "node:http";
import { extract } from "@extractus/oembed-extractor";
import type { Page } from "@playwright/test";
import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import { formatFigure } from "@/lib/figures/format";
import { expectNoAxeViolations } from "./support/a11y";
import { openE2eDatabase, revalidate } from "./support/database";
import { article, HOST_ORIGIN, startHostSite } from "./support/host-page";
import { E2E_BASE_URL } from "./support/server";
import { expect, openSession, saveRecordForm, test } from "./support/signed-in";

const prisma = openE2eDatabase();
/** Read by the other specs only in counts and exports, which this spec leaves as it found them. */
const ARRESTED = "nca-2022-06-09-arrested";
const AMMUNITION = "itv-2020-07-02-ammunition";
const FIREARMS = "itv-2020-07-02-firearms";
let host: Server;
const hostPages: Record<string, string> = {};

test.beforeAll(async () => {
  Object.assign(hostPages, {
    "/": article(
      `<p>2,864 people have been arrested:</p>` +
        `<iframe src="${E2E_BASE_URL}/embed/figure/${ARRESTED}" title="card" height="60" scrolling="no"></iframe>` +
        `<script async src="${E2E_BASE_URL}/embed.js"></script>`,
    ),
  });
  host = await startHostSite(hostPages);
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  await prisma.$disconnect();
});

async function stored(id: string) {
  const figure = await prisma.figure.findUniqueOrThrow({ where: { id }, include: { source: true } });
  return { ...figure, display: formatFigure(figure.valueMinor, figure.unit as Unit, figure.qualifier as Qualifier) };
}

const latestRevision = async () => (await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } })).id;

async function frameHeights(page: Page, title: string) {
  const frameElement = page.locator(`iframe[title="${title}"]`);
  const outer = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
  const frame = await (await frameElement.elementHandle())!.contentFrame();
  const inner = await frame!.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectSizedToContent(page: Page, title: string) {
  await page.locator(`iframe[title="${title}"]`).scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const { outer, inner } = await frameHeights(page, title);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(3);
}

/** The admin's edit form for a figure, with its value changed and saved. */
async function saveValue(page: Page, id: string, value: string) {
  await page.goto(`/admin/figures/${id}`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Value").fill(value);
  await page.getByLabel("Reason for the change").fill("Figure card test");
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await saveRecordForm(page, "Save changes");
}

test("a host page on another origin embeds a figure card that sizes itself, and grows with the source's words", async ({
  page,
}) => {
  await page.goto(`${HOST_ORIGIN}/`);
  await expectSizedToContent(page, "card");
  const closed = (await frameHeights(page, "card")).outer;
  expect(closed).toBeGreaterThan(100);
  const frame = page.frameLocator('iframe[title="card"]');
  await expect(frame.locator(".value")).toHaveText((await stored(ARRESTED)).display);
  await frame.getByText("The source's words").click();
  await expect(frame.locator("blockquote")).toBeVisible();
  await expectSizedToContent(page, "card");
  expect((await frameHeights(page, "card")).outer).toBeGreaterThan(closed + 10);

  await page.setViewportSize({ width: 320, height: 800 });
  await expectSizedToContent(page, "card");
});

test("with JavaScript off the card shows the figure as reported: value, label, area, date, source and a link back", async ({
  browser,
}) => {
  const figure = await stored(ARRESTED);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/embed/figure/${ARRESTED}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(figure.label);
  await expect(page.locator(".value")).toHaveText(figure.display);
  await expect(page.locator(".context")).toHaveText("United Kingdom, as of 8 June 2022");
  await expect(page.getByRole("link", { name: /^National Crime Agency/ })).toHaveAttribute("href", figure.source.url);
  const back = page.getByRole("link", { name: "Operation Venetic: the public record" });
  const address = (await back.getAttribute("href"))!;
  expect(address).toBe(`${E2E_BASE_URL}/figures?metric=arrested&source=${figure.sourceId}#figure-${ARRESTED}`);
  await page.goto(address);
  await expect(page.locator(`tr#figure-${ARRESTED}`)).toBeVisible();
  // The row's link opens its panel, which offers the pinned code too, with no script needed to show it.
  const row = page.locator(`tr#figure-${ARRESTED}`);
  await row.getByRole("link", { name: /^Embed this figure/ }).click();
  await expect(page).toHaveURL(new RegExp(`embed=${ARRESTED}#figure-${ARRESTED}$`));
  await expect(row.getByLabel(/Code pinned to revision \d+/)).toHaveValue(
    new RegExp(`/embed/figure/${ARRESTED}\\?v=\\d+"`),
  );
  await context.close();
});

test("theme=dark renders dark, theme=light light, auto follows the reader; bad parameters are a 400", async ({
  page,
  request,
}) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto(`/embed/figure/${ARRESTED}?theme=dark`);
  expect(await background()).toBe("rgb(18, 20, 23)");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/embed/figure/${ARRESTED}?theme=light`);
  expect(await background()).toBe("rgb(255, 255, 255)");
  await page.goto(`/embed/figure/${ARRESTED}`);
  expect(await background()).toBe("rgb(18, 20, 23)");
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`/embed/figure/${ARRESTED}`);
  await page.getByText("The source's words").click();
  await expectNoAxeViolations(page);

  for (const [query, message] of [
    ["theme=purple", "theme must be light, dark or auto."],
    ["v=0", "v must be a revision number, such as v=42."],
    ["v=abc", "v must be a revision number, such as v=42."],
    ["static=yes", "static must be 1 or 0."],
  ]) {
    const refused = await request.get(`/embed/figure/${ARRESTED}?${query}`);
    expect(refused.status(), query).toBe(400);
    expect(await refused.text()).toBe(message);
    expect((await request.get(`/api/figures/${ARRESTED}.png?${query}`)).status(), query).toBe(400);
  }
  expect((await request.get(`/embed/figure/${ARRESTED}?static=1`)).status()).toBe(200);
});

test("an unknown figure, a revision not yet written or one before the figure existed is a 404", async ({ request }) => {
  const first = (await prisma.revision.findFirstOrThrow({ where: { recordId: ARRESTED }, orderBy: { id: "asc" } })).id;
  for (const address of [
    "/embed/figure/no-such-figure",
    "/embed/figure/Not-An-Id",
    `/embed/figure/${ARRESTED}?v=${(await latestRevision()) + 1}`,
    ...(first > 1 ? [`/embed/figure/${ARRESTED}?v=${first - 1}`] : []),
    "/api/figures/no-such-figure.png",
    `/api/figures/${ARRESTED}.svg`,
    `/api/figures/${ARRESTED}.png?v=${(await latestRevision()) + 1}`,
  ]) {
    const refused = await request.get(address);
    expect(refused.status(), address).toBe(404);
    expect(refused.headers()["content-type"], address).toBe("text/plain; charset=utf-8");
    expect(await refused.text(), address).toMatch(/^There (is|was) no|^No such figure image/);
  }
  expect((await request.get("/embed/figure")).status()).toBe(404);
});

test("the card's PNG is a PNG of a link preview's size, light or dark, open to any site", async ({ request }) => {
  for (const query of ["", "?theme=dark", `?v=${await latestRevision()}`]) {
    const response = await request.get(`/api/figures/${ARRESTED}.png${query}`);
    expect(response.status(), query).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const bytes = await response.body();
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  }
});

test("oEmbed finds the card from its own page, and answers for the figure's row in the table", async ({
  page,
  request,
}) => {
  const figure = await stored(ARRESTED);
  const data = await extract(`${E2E_BASE_URL}/embed/figure/${ARRESTED}`, { maxwidth: 400 });
  expect(data).toMatchObject({
    type: "rich",
    version: "1.0",
    provider_name: "Operation Venetic: the public record",
    method: "auto-discovery",
    title: `${figure.label}: ${figure.display}`,
    width: 400,
    thumbnail_url: `${E2E_BASE_URL}/api/figures/${ARRESTED}.png`,
  });
  expect(String(data.html)).toContain(`src="${E2E_BASE_URL}/embed/figure/${ARRESTED}"`);
  hostPages["/oembed"] = article(String(data.html));
  await page.goto(`${HOST_ORIGIN}/oembed`);
  await expect(page.frameLocator("iframe").locator(".value")).toHaveText(figure.display);

  const row = `${E2E_BASE_URL}/figures?metric=arrested&source=${figure.sourceId}#figure-${ARRESTED}`;
  const answer = await request.get(`/api/oembed?url=${encodeURIComponent(row)}`);
  expect(answer.status()).toBe(200);
  expect((await answer.json()).html).toContain(`/embed/figure/${ARRESTED}"`);
  const revision = await latestRevision();
  const pinned = await (
    await request.get(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/embed/figure/${ARRESTED}?v=${revision}`)}`)
  ).json();
  expect(pinned.html).toContain(`/embed/figure/${ARRESTED}?v=${revision}"`);
  for (const url of [`${E2E_BASE_URL}/embed/figure/no-such-figure`, `${E2E_BASE_URL}/embed/figure/%3Cb%3E`]) {
    expect((await request.get(`/api/oembed?url=${encodeURIComponent(url)}`)).status(), url).toBe(404);
  }
  expect(
    (
      await request.get(
        `/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/embed/figure/${ARRESTED}`)}&maxwidth=wide`,
      )
    ).status(),
  ).toBe(400);
});

test("after an editor corrects a figure the live card shows the correction; the pinned card and image do not", async ({
  signedInPage: page,
  request,
  browser,
}) => {
  const figure = await stored(AMMUNITION);
  const corrected = formatFigure(1850n, figure.unit as Unit, figure.qualifier as Qualifier);
  const pinnedAt = await latestRevision();
  const pinned = `/embed/figure/${AMMUNITION}?v=${pinnedAt}`;
  const pinnedImage = await (await request.get(`/api/figures/${AMMUNITION}.png?v=${pinnedAt}`)).body();
  const liveImage = await (await request.get(`/api/figures/${AMMUNITION}.png`)).body();
  await page.goto(`/embed/figure/${AMMUNITION}`);
  await expect(page.locator(".value")).toHaveText(figure.display);
  try {
    await saveValue(page, AMMUNITION, "1850");
    // The figure's admin page offers its card, which shows what was just saved.
    const panel = page.locator("details").filter({ hasText: "Embed this figure" });
    await panel.getByText("Embed this figure").click();
    const code = panel.getByLabel("Code to paste into your article");
    await expect(code).toHaveValue(new RegExp(`<iframe src="${E2E_BASE_URL}/embed/figure/${AMMUNITION}" `));
    await panel.getByLabel(/Pinned to revision \d+/).check();
    await expect(code).toHaveValue(new RegExp(`/embed/figure/${AMMUNITION}\\?v=${await latestRevision()}"`));
    await expect(panel.frameLocator("iframe").locator(".value")).toHaveText(corrected);
    await expect(panel.getByRole("link", { name: /the card as a PNG/ })).toHaveAttribute(
      "href",
      `/api/figures/${AMMUNITION}.png`,
    );

    await page.goto(`/embed/figure/${AMMUNITION}`);
    await expect(page.locator(".value")).toHaveText(corrected);
    await page.goto(pinned);
    await expect(page.locator(".value")).toHaveText(figure.display);
    await expect(page.locator(".source")).toContainText(`As recorded at revision ${pinnedAt}.`);
    expect(await (await request.get(`/api/figures/${AMMUNITION}.png?v=${pinnedAt}`)).body()).toEqual(pinnedImage);
    expect(await (await request.get(`/api/figures/${AMMUNITION}.png`)).body()).not.toEqual(liveImage);
  } finally {
    // In a browser of its own: a second visit to an admin page in the same one can wait on
    // Next's prefetches of the public pages for longer than the test may take.
    const context = await browser.newContext();
    await openSession(context);
    const editor = await context.newPage();
    await saveValue(editor, AMMUNITION, figure.valueMinor.toString());
    await context.close();
  }
  await page.goto(`/embed/figure/${AMMUNITION}`);
  await expect(page.locator(".value")).toHaveText(figure.display);
});

test("record text that holds markup, quotes or direction controls reads as text on the card", async ({ page }) => {
  const original = await prisma.figure.findUniqueOrThrow({ where: { id: FIREARMS } });
  const hostile = `<script>alert("card")</script> '"&amp; \u202Edeirrats\u202C <img src=x onerror=alert(2)>`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await prisma.figure.update({ where: { id: FIREARMS }, data: { label: hostile, quote: hostile } });
    await revalidate();
    await page.goto(`/embed/figure/${FIREARMS}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(hostile);
    await page.getByText("The source's words").click();
    await expect(page.locator("blockquote")).toContainText(hostile);
    await expect(page.locator("img")).toHaveCount(0);
    expect(await page.locator("script").count()).toBe(1);
    await expect(page.locator(".value")).toHaveText(/^77$/);
    const png = await page.request.get(`/api/figures/${FIREARMS}.png`);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect(dialogs).toEqual([]);
  } finally {
    await prisma.figure.update({ where: { id: FIREARMS }, data: { label: original.label, quote: original.quote } });
    await revalidate();
  }
});
