import type { Server } from "node:http";
import { extract } from "@extractus/oembed-extractor";
import { expect, test, type Frame, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectNoAxeViolations } from "./support/a11y";
import { openE2eDatabase, revalidate } from "./support/database";
import { article, HOST_ORIGIN, startHostSite } from "./support/host-page";
import { E2E_BASE_URL } from "./support/server";

const prisma = openE2eDatabase();
const THREE = ["uk-totals", "justice-funnel", "arrests-by-region"];
let host: Server;
const hostPages: Record<string, string> = {};

test.beforeAll(async () => {
  const frames = THREE.map(
    (slug) => `<iframe src="${E2E_BASE_URL}/embed/${slug}" title="${slug}" height="150" scrolling="no"></iframe>`,
  );
  Object.assign(hostPages, {
    "/": article(`${frames.join("<p>Between charts.</p>")}<script async src="${E2E_BASE_URL}/embed.js"></script>`),
    "/foreign": article(
      `<iframe src="${E2E_BASE_URL}/embed/justice-funnel" title="ours" height="150"></iframe>` +
        `<iframe title="theirs" height="120" srcdoc="<script>parent.postMessage({'datawrapper-height':{'x':999}},'*')</script>"></iframe>` +
        `<script async src="${E2E_BASE_URL}/embed.js"></script>`,
    ),
    // The host's script arrives well after the embed has loaded and told its height to nobody.
    "/late-script": article(
      `<iframe src="${E2E_BASE_URL}/embed/justice-funnel" title="late" height="150" onload="setTimeout(function(){var s=document.createElement('script');s.src='${E2E_BASE_URL}/embed.js';document.body.appendChild(s)},800)"></iframe>`,
    ),
    "/framing": article(
      `<iframe src="${E2E_BASE_URL}/embed/justice-funnel" title="embed" height="300"></iframe>` +
        `<iframe src="${E2E_BASE_URL}/admin/login" title="admin" height="300"></iframe>` +
        `<iframe src="${E2E_BASE_URL}/" title="home" height="300"></iframe>`,
    ),
  });
  host = await startHostSite(hostPages);
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  await prisma.$disconnect();
});

/** The iframe's height on the host page, and the height of the document inside it. */
async function heights(page: Page, slug: string) {
  const frameElement = page.locator(`iframe[title="${slug}"]`);
  const outer = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
  const frame = (await frameElement.elementHandle())!.contentFrame();
  const inner = await (await frame)!.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectSizedToContent(page: Page, slug: string) {
  // Chromium pauses rendering in cross-origin frames out of view, so an embed re-measures
  // itself as the reader scrolls to it: look at it the way a reader would.
  await page.locator(`iframe[title="${slug}"]`).scrollIntoViewIfNeeded();
  await expect
    .poll(
      async () => {
        const { outer, inner } = await heights(page, slug);
        return Math.abs(outer - inner);
      },
      { message: `${slug} iframe height should match its content` },
    )
    .toBeLessThanOrEqual(3);
}

test("a host page on another origin embeds three charts that size themselves", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  for (const slug of THREE) await expectSizedToContent(page, slug);
  const before = (await heights(page, "uk-totals")).outer;

  await page.setViewportSize({ width: 320, height: 800 });
  for (const slug of THREE) await expectSizedToContent(page, slug);
  expect((await heights(page, "uk-totals")).outer).not.toBe(before);

  const frame = page.frameLocator('iframe[title="justice-funnel"]');
  const closed = (await heights(page, "justice-funnel")).outer;
  await frame.getByText("Show the data").click();
  await expect(frame.getByRole("table")).toBeVisible();
  await expectSizedToContent(page, "justice-funnel");
  expect((await heights(page, "justice-funnel")).outer).toBeGreaterThan(closed + 50);
});

test("the embed tells its host its height in the formats hosts understand", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/`);
  const messages = await page.evaluate(
    (src) =>
      new Promise<unknown[]>((resolve) => {
        const seen: unknown[] = [];
        const frame = document.createElement("iframe");
        addEventListener("message", (event) => {
          if (event.source !== frame.contentWindow) return;
          seen.push(event.data);
          if (seen.length >= 4) resolve(seen);
        });
        frame.src = src;
        document.body.appendChild(frame);
      }),
    `${E2E_BASE_URL}/embed/justice-funnel?childId=pym-1`,
  );
  expect(messages).toContainEqual({ "datawrapper-height": { "pym-1": expect.any(Number) } });
  expect(messages).toContainEqual({ sentinel: "amp", type: "embed-size", height: expect.any(Number) });
  expect(
    messages.some((message) => typeof message === "string" && /^pymxPYMxpym-1xPYMxheightxPYMx\d+$/.test(message)),
  ).toBe(true);
  expect(messages.some((message) => typeof message === "string" && message.includes('"context":"iframe.resize"'))).toBe(
    true,
  );
});

test("with JavaScript off the embed shows the chart's SVG with its data marks", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/embed/uk-totals");
  const svg = page.locator("svg#uk-totals");
  await expect(svg).toBeVisible();
  const points = await prisma.figure.count({
    where: { geographyId: "uk", metricId: { in: ["arrested", "charged", "convicted"] } },
  });
  await expect(svg.locator("circle[data-figure-id]")).toHaveCount(points);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the UK totals grew, report by report");
  await expect(page.getByText(/^Source: ITV News, 2 July 2020/)).toBeVisible();
  await context.close();
});

test("with JavaScript on, the marks gain tooltips and keyboard focus once on screen", async ({ page }) => {
  await page.goto("/embed/justice-funnel");
  await expect(page.locator("html")).toHaveAttribute("data-interactive", "true");
  const bars = page.locator("svg [data-figure-id]");
  await bars.first().focus();
  await expect(page.getByRole("status")).toContainText("National Crime Agency");
  await bars.nth(1).hover();
  await expect(page.getByRole("status")).toContainText("People charged");
});

test("theme=dark renders dark, theme=light light, and a bad theme is refused", async ({ page, request }) => {
  await page.goto("/embed/justice-funnel?theme=dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(18, 20, 23)");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/embed/justice-funnel?theme=light");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
  await page.goto("/embed/justice-funnel");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(18, 20, 23)");
  const bad = await request.get("/embed/justice-funnel?theme=purple");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toBe("theme must be light, dark or auto.");
  expect((await request.get("/embed/no-such-chart")).status()).toBe(404);
});

test("static=1 ships no chart JavaScript", async ({ page, request }) => {
  const html = await (await request.get("/embed/uk-totals?static=1")).text();
  expect(html).not.toContain("embed-chart.js");
  expect(html).not.toContain('id="chart-data"');
  const loaded: string[] = [];
  page.on("request", (sent) => {
    if (sent.resourceType() === "script") loaded.push(sent.url());
  });
  await page.goto("/embed/uk-totals?static=1");
  await expect(page.locator("svg#uk-totals")).toBeVisible();
  expect(loaded).toEqual([]);
});

test("a pinned embed keeps the values it had; the live one follows the edit", async ({ page }) => {
  const figure = await prisma.figure.findUniqueOrThrow({ where: { id: "nca-2022-06-09-convicted" } });
  const latest = await prisma.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
  // What an editor's save does: change the figure and record the revision, together.
  const save = async (valueMinor: bigint) => {
    await prisma.$transaction([
      prisma.figure.update({ where: { id: figure.id }, data: { valueMinor, version: { increment: 1 } } }),
      prisma.revision.create({
        data: {
          recordType: "figure",
          recordId: figure.id,
          action: "update",
          before: JSON.stringify({ ...figure, valueMinor: figure.valueMinor.toString() }),
          after: JSON.stringify({ ...figure, valueMinor: valueMinor.toString() }),
          reason: "Embed test",
        },
      }),
    ]);
    await revalidate();
  };
  try {
    await save(390n);
    await page.goto(`/embed/justice-funnel?v=${latest.id}`);
    await expect(page.locator("main")).toContainText("383 convicted");
    await expect(page.locator("main")).toContainText(`As recorded at revision ${latest.id}.`);
    await page.goto("/embed/justice-funnel");
    await expect(page.locator("main")).toContainText("390 convicted");
  } finally {
    await save(figure.valueMinor);
  }
});

test("oEmbed answers a real oEmbed client with rich JSON that renders the chart, honouring maxwidth", async ({
  page,
  request,
}) => {
  // The client finds our endpoint the way it finds any unlisted provider's: the page's discovery link.
  const data = await extract(`${E2E_BASE_URL}/charts/uk-totals`, { maxwidth: 400 });
  expect(data).toMatchObject({
    type: "rich",
    version: "1.0",
    provider_name: "Operation Venetic: the public record",
    method: "auto-discovery",
  });
  expect(data.width).toBe(400);
  expect(data.title).toBe("How the UK totals grew, report by report");
  expect(String(data.html)).toContain(`src="${E2E_BASE_URL}/embed/uk-totals"`);
  expect(data.thumbnail_url).toBe(`${E2E_BASE_URL}/api/charts/uk-totals.png`);

  hostPages["/oembed"] = article(String(data.html));
  await page.goto(`${HOST_ORIGIN}/oembed`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("svg#uk-totals")).toBeVisible();

  const capped = await (
    await request.get(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/embed/justice-funnel`)}&maxheight=200`)
  ).json();
  expect(capped.height).toBeLessThanOrEqual(200);
  expect(
    (await request.get(`/api/oembed?url=${encodeURIComponent("https://elsewhere.example/charts/uk-totals")}`)).status(),
  ).toBe(404);
  expect(
    (
      await request.get(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/charts/uk-totals`)}&format=xml`)
    ).status(),
  ).toBe(501);
  expect(
    (
      await request.get(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/charts/uk-totals`)}&maxwidth=wide`)
    ).status(),
  ).toBe(400);
});

test("every chart page advertises its oEmbed and offers embed code, live or pinned", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/charts/justice-funnel");
  const discovery = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  await expect(discovery).toHaveAttribute(
    "href",
    `${E2E_BASE_URL}/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/charts/justice-funnel`)}&format=json`,
  );
  await page.getByText("Embed this chart").click();
  const code = page.getByLabel("Code to paste into your article");
  await expect(code).toHaveValue(new RegExp(`<iframe src="${E2E_BASE_URL}/embed/justice-funnel" `));
  await page.getByLabel(/Pinned to revision \d+/).check();
  await expect(code).toHaveValue(/\/embed\/justice-funnel\?v=\d+"/);
  await page.getByRole("button", { name: "Copy the code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
});

test("the whole dataset downloads as CSV that neutralises formulas and parses back to the same values", async ({
  request,
}) => {
  const id = "itv-2020-07-02-grenades";
  const original = await prisma.figure.findUniqueOrThrow({ where: { id } });
  const hostile = '=HYPERLINK("http://x","y")';
  try {
    await prisma.figure.update({ where: { id }, data: { note: hostile } });
    await revalidate();
    const response = await request.get("/api/figures.csv");
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const text = await response.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const stored = await prisma.figure.findMany();
    expect(parsed.data).toHaveLength(stored.length);
    const row = parsed.data.find((candidate) => candidate.id === id)!;
    expect(row.note).toBe(`'${hostile}`);
    for (const figure of stored) {
      const csv = parsed.data.find((candidate) => candidate.id === figure.id)!;
      expect(Number(csv.value), figure.id).toBe(
        Number(figure.valueMinor) / (figure.unit === "kg" ? 1000 : ["GBP", "EUR"].includes(figure.unit) ? 100 : 1),
      );
      expect(csv.qualifier).toBe(figure.qualifier);
      expect(csv.as_of).toBe(figure.asOf);
    }
    const json = await (await request.get("/api/figures.json")).json();
    expect(json.count).toBe(stored.length);
    expect(json.figures.find((figure: { id: string }) => figure.id === id).note).toBe(hostile);
  } finally {
    await prisma.figure.update({ where: { id }, data: { note: original.note } });
    await revalidate();
  }
});

test("the chart's PNG and SVG open and show the chart", async ({ page, request }) => {
  const png = await request.get("/api/charts/justice-funnel.png");
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);

  const svg = await (await request.get("/api/charts/justice-funnel.svg")).text();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.match(/<rect[^>]*data-figure-id=/g)).toHaveLength(3);
  expect(svg).toContain("<title>From arrest to conviction in the UK</title>");
  await page.goto("/api/charts/justice-funnel.svg");
  await expect(page.locator("rect[data-figure-id]")).toHaveCount(3);
  const box = await page.locator("rect[data-figure-id]").first().boundingBox();
  expect(box!.width).toBeGreaterThan(100);

  await page.goto("/charts/justice-funnel");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    `${E2E_BASE_URL}/api/charts/justice-funnel.png`,
  );
});

test("embeds may be framed by another site; the admin and the public pages may not", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/framing`);
  await expect(page.frameLocator('iframe[title="embed"]').locator("h1")).toHaveText(
    "From arrest to conviction in the UK",
  );
  // Chromium replaces a frame it refuses to show with its own error page.
  const blocked = (title: string) =>
    expect
      .poll(async () => {
        const frame: Frame | null = await (await page
          .locator(`iframe[title="${title}"]`)
          .elementHandle())!.contentFrame();
        return frame?.url();
      })
      .toMatch(/^chrome-error:/);
  await blocked("admin");
  await blocked("home");
  const embedHeaders = await page.request.get("/embed/justice-funnel");
  expect(embedHeaders.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embedHeaders.headers()["x-frame-options"]).toBeUndefined();
  const admin = await page.request.get("/admin/login");
  expect(admin.headers()["x-frame-options"]).toBe("DENY");
});

test("an embed sizes itself even when the host's script loads after it", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/late-script`);
  await expectSizedToContent(page, "late");
});

test("the embed script resizes only our iframes, from messages they sent", async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/foreign`);
  await expectSizedToContent(page, "ours");
  // A frame of someone else's, and the host page itself, claiming a height in our format.
  await page.evaluate(() => postMessage({ "datawrapper-height": { ours: 999 } }, "*"));
  await page.waitForTimeout(300);
  expect(
    await page.locator('iframe[title="theirs"]').evaluate((element) => element.getBoundingClientRect().height),
  ).toBe(120);
  expect((await heights(page, "ours")).outer).not.toBe(999);
});

for (const query of ["", "?theme=dark", "?static=1"]) {
  test(`the embed${query} has no accessibility violations, with its data shown too`, async ({ page }) => {
    await page.goto(`/embed/uk-seizures${query}`);
    await expectNoAxeViolations(page);
    await page.getByText("Show the data").click();
    await expectNoAxeViolations(page);
  });
}
