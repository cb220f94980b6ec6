import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { addEditor } from "@/lib/auth/editors.server";
import { createPrismaClient } from "@/lib/db/client.server";
import { clusterForSpec } from "./support/cluster";
import { E2E_PORT } from "./support/server";
import { signIn } from "./support/signed-in";

// A deployment with review before publishing on (issue #15): two instances behind nginx on a
// database of their own, so that nothing here touches the record the other specs count. The
// author is an editor; the admin reviews.
// Clear of every helper's and spec's own ports: the balancer, then one port per instance.
const PORT = E2E_PORT + 1000;
/** The UK arrests total: the overview's headline, the UK totals chart, its embed and image show it. */
const FIGURE = "nca-2022-06-09-arrested";
const CHART = "uk-totals";
const AUTHOR = { email: "review-author@example.org", name: "Review Author", password: "review author password 0123" };

test.describe.configure({ mode: "serial" });

const spec = clusterForSpec("review", { port: PORT, settings: { REVIEW_BEFORE_PUBLISHING: "on" } });

test.beforeAll(async () => {
  const prisma = createPrismaClient(spec.databaseUrl);
  await addEditor(prisma, { email: AUTHOR.email, name: AUTHOR.name, role: "editor", password: AUTHOR.password });
  await prisma.$disconnect();
});

/** Every public address the figure reaches: pages, embeds, data, feeds, the chart as text, oEmbed. */
const publicAddresses = (site: string) => [
  "/",
  "/figures",
  `/charts/${CHART}`,
  `/embed/${CHART}`,
  `/embed/figure/${FIGURE}`,
  "/api/figures.json",
  "/api/figures.csv",
  `/api/charts/${CHART}.csv`,
  `/api/charts/${CHART}.svg`,
  "/api/datapackage.json",
  "/figures/feed.xml",
  "/corrections/feed.xml",
  `/figures/${FIGURE}/history`,
  `/api/oembed?url=${encodeURIComponent(`${site}/embed/figure/${FIGURE}`)}`,
  `/api/oembed?url=${encodeURIComponent(`${site}/charts/${CHART}`)}`,
];

/** The images, compared by their bytes. */
const images = [`/api/charts/${CHART}.png`, `/api/figures/${FIGURE}.png`];

async function signedIn(browser: Browser, account: { email?: string; password?: string } = {}): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { site: spec.cluster.balancerUrl, ...account });
  return page;
}

/** The author's edit of the figure, as a draft; `publishAt` in the page's own clock, to the second. */
async function submitDraft(page: Page, value: number, reason: string, publishAt?: number) {
  await page.goto(`${spec.cluster.balancerUrl}/admin/figures/${FIGURE}`);
  await page.getByLabel("Value", { exact: true }).fill(String(value));
  await page.getByRole("radio", { name: /^Correction/ }).check();
  await page.getByLabel("Reason for the change").fill(reason);
  if (publishAt !== undefined) {
    const local = await page.evaluate(
      (at) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 19),
      publishAt,
    );
    await page.getByLabel("Publish at").fill(local);
  }
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Preview: Change to figure ${FIGURE}` })).toBeVisible();
}

async function approveOnReviewPage(page: Page, reason: string) {
  await page.goto(`${spec.cluster.balancerUrl}/admin/review`);
  await page.getByRole("listitem").filter({ hasText: reason }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Approved/ })).toBeVisible();
}

const text = async (request: APIRequestContext, url: string) => (await request.get(url)).text();

test("with review on, a draft is on no public address until another editor approves it; its author cannot", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const sites = spec.cluster.instanceUrls;
  // Under a million, which readers read digit by digit ("412,345", not "0.4 million").
  const value = 400_000 + Math.floor(Math.random() * 400_000);
  const words = [String(value), value.toLocaleString("en-GB")];
  const imagesBefore = await Promise.all(
    images.map(async (image) => (await request.get(`${sites[0]}${image}`)).body()),
  );

  const author = await signedIn(browser, AUTHOR);
  await submitDraft(author, value, "Review e2e: the draft");
  await expect(author.getByRole("status").filter({ hasText: /^Submitted for review/ })).toBeVisible();
  // The preview shows it as readers will read it, and the chart it changes.
  await expect(author.getByRole("region", { name: "As readers will read it" })).toContainText(words[1]!);
  await expect(author.getByRole("region", { name: "The charts it changes" })).toBeVisible();

  for (const site of sites) {
    for (const address of publicAddresses(site)) {
      const body = await text(request, `${site}${address}`);
      for (const word of words) expect(body, `${site}${address} shows the draft`).not.toContain(word);
    }
    for (const [index, image] of images.entries()) {
      const drawn = await (await request.get(`${site}${image}`)).body();
      expect(drawn.equals(imagesBefore[index]!), `${site}${image} drew the draft`).toBe(true);
    }
  }

  // Each public page and embed it touches has a private preview, linked from the change's page,
  // that shows it under a banner; the public ones (checked above) do not.
  const id = /\/admin\/preview\/(\d+)/.exec(author.url())?.[1];
  expect(id, "the change's preview address").toBeTruthy();
  const changePage = author.url();
  const banner = `Private preview of held change ${id}: not public.`;
  for (const [link, path] of [
    ["The overview", "dashboard"],
    [/^The chart “How the UK totals/, `charts/${CHART}`],
    [/^The embed of “How the UK totals/, `embed/${CHART}`],
    [`The card of figure ${FIGURE}`, `embed/figure/${FIGURE}`],
    ["Its rows in the table of all figures", "figures"],
  ] as const) {
    await author.goto(changePage);
    await author.getByRole("link", { name: link }).first().click();
    await expect(author).toHaveURL(new RegExp(`/admin/preview/${id}/${path}$`));
    await expect(author.getByRole("status").filter({ hasText: banner })).toBeVisible();
    await expect(author.locator("body")).toContainText(words[1]!);
  }
  // An embed's preview runs the embed's own scripts (its policy names their hashes), and is framed by no site.
  const embedPreview = await author.goto(`${spec.cluster.balancerUrl}/admin/preview/${id}/embed/${CHART}`);
  const policy = embedPreview?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("'sha256-");
  expect(policy).toContain("frame-ancestors 'none'");
  // The overview's preview sends its chart links to the charts' previews.
  await author.goto(`${spec.cluster.balancerUrl}/admin/preview/${id}/dashboard`);
  await author
    .getByRole("link", { name: /^Explore this chart\s*: How the UK totals/ })
    .first()
    .click();
  await expect(author).toHaveURL(new RegExp(`/admin/preview/${id}/charts/`));
  // Nobody signed in gets the sign-in page, for a page and an embed alike.
  const stranger = await (await browser.newContext()).newPage();
  for (const path of ["dashboard", `embed/figure/${FIGURE}`]) {
    await stranger.goto(`${spec.cluster.balancerUrl}/admin/preview/${id}/${path}`);
    await expect(stranger).toHaveURL(/\/admin\/login/);
    await expect(stranger.locator("body")).not.toContainText(words[1]!);
  }
  await stranger.context().close();
  // A page the change does not touch has no preview: a 404 that says so.
  const untouched = await request.get(`${sites[0]}/admin/preview/${id}/embed/figure/itv-2020-07-02-cash`, {
    headers: { cookie: (await author.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
  });
  expect(untouched.status()).toBe(404);
  expect(await untouched.text()).toMatch(/does not change this embed/);
  await author.goto(changePage);

  // The author's own approval is refused by the action, and changes nothing.
  await author.getByRole("button", { name: "Approve" }).click();
  await expect(
    author.getByRole("alert").filter({ hasText: "You made this change, so you cannot approve it" }),
  ).toBeVisible();
  expect(await text(request, `${sites[0]}/api/figures.csv`)).not.toContain(words[0]);

  const reviewer = await signedIn(browser);
  await approveOnReviewPage(reviewer, "Review e2e: the draft");
  for (const site of sites) {
    for (const address of ["/", `/embed/figure/${FIGURE}`, "/api/figures.json", "/api/figures.csv"]) {
      await expect
        .poll(() => text(request, `${site}${address}`), { timeout: 10_000, intervals: [100] })
        .toMatch(new RegExp(`${words[0]}|${words[1]}`));
    }
    const drawn = await (await request.get(`${site}${images[0]}`)).body();
    expect(drawn.equals(imagesBefore[0]!), `${site}${images[0]} still without it`).toBe(false);
  }
});

test("a scheduled change goes public at its time on both instances, within a second, and not before", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [first, second] = spec.cluster.instanceUrls as [string, string];
  const value = 800_000 + Math.floor(Math.random() * 190_000);
  const shown = value.toLocaleString("en-GB");
  // Whole seconds, as the field takes them; far enough ahead for the author and the reviewer.
  const publishAt = Math.ceil((Date.now() + 25_000) / 1000) * 1000;

  const author = await signedIn(browser, AUTHOR);
  await submitDraft(author, value, "Review e2e: scheduled", publishAt);
  const reviewer = await signedIn(browser);
  await approveOnReviewPage(reviewer, "Review e2e: scheduled");
  await reviewer.goto(`${spec.cluster.balancerUrl}/admin/review`);
  await expect(reviewer.getByRole("listitem").filter({ hasText: "Review e2e: scheduled" })).toContainText("Scheduled");
  // Nobody is signed in from here on.
  await author.context().close();
  await reviewer.context().close();
  expect(Date.now(), "the test set its time too close to approve it first").toBeLessThan(publishAt - 1000);

  const card = (site: string) => `${site}/embed/figure/${FIGURE}`;
  // Until the time, neither instance shows it: every answer that arrived before it is checked.
  while (Date.now() < publishAt - 100) {
    for (const site of [first, second]) {
      const body = await text(request, card(site));
      const arrived = Date.now();
      if (arrived < publishAt) expect(body, `${site} showed it ${publishAt - arrived} ms early`).not.toContain(shown);
    }
  }
  // From the time, each shows it within a second.
  const seen = await Promise.all(
    [first, second].map(async (site) => {
      for (;;) {
        const body = await text(request, card(site));
        if (body.includes(shown)) return Date.now() - publishAt;
        if (Date.now() - publishAt > 5_000) return Infinity;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  test.info().annotations.push({ type: "shown after its time, ms (each instance)", description: seen.join(", ") });
  for (const late of seen) expect(late, "milliseconds after its time").toBeLessThanOrEqual(1_000);
});

test("with review on, a CSV import and a revert wait on the review page until another editor approves them", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [site] = spec.cluster.instanceUrls as [string];
  const label = `Imported for review ${Date.now()}`;
  const author = await signedIn(browser, AUTHOR);
  const reviewer = await signedIn(browser);

  await author.goto(`${spec.cluster.balancerUrl}/admin/import`);
  await author
    .getByLabel("Or paste it here")
    .fill(
      [
        "metricId,value,unit,qualifier,geographyId,agencyId,asOf,sourceId,label,quote,note",
        `arrested,17,people,exact,uk,,2024-05,itv-2020-07-02,${label},seventeen people were arrested,`,
      ].join("\n"),
    );
  await author.getByLabel("Reason").fill("Review e2e: the import");
  await author.getByRole("button", { name: "Submit valid rows for review" }).click();
  await expect(author.getByRole("heading", { level: 1, name: "Preview: CSV import of 1 figure" })).toBeVisible();
  expect(await text(request, `${site}/api/figures.json`)).not.toContain(label);

  await approveOnReviewPage(reviewer, "Review e2e: the import");
  await expect
    .poll(() => text(request, `${site}/api/figures.json`), { timeout: 10_000, intervals: [100] })
    .toContain(label);

  // The first test's approved edit, reverted by its author: held, the figure keeps its value.
  const shownNow = async () =>
    (
      JSON.parse(await text(request, `${site}/api/figures.json`)) as { figures: { id: string; value: string }[] }
    ).figures.find((figure) => figure.id === FIGURE)?.value;
  const before = await shownNow();
  await author.goto(`${spec.cluster.balancerUrl}/admin/history?recordType=figure&recordId=${FIGURE}`);
  const revert = author.getByRole("button", { name: /^Submit the revert of change #\d+ for review$/ }).first();
  const revisionId = /#(\d+)/.exec((await revert.textContent()) ?? "")![1];
  await revert.click();
  await expect(
    author.getByRole("heading", { level: 1, name: `Preview: Revert of change #${revisionId} (figure ${FIGURE})` }),
  ).toBeVisible();
  expect(await shownNow()).toBe(before);

  await reviewer.goto(`${spec.cluster.balancerUrl}/admin/review`);
  await reviewer
    .getByRole("listitem")
    .filter({ hasText: `Revert of change #${revisionId}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(reviewer.getByRole("status").filter({ hasText: /^Approved/ })).toBeVisible();
  await expect.poll(shownNow, { timeout: 10_000, intervals: [100] }).not.toBe(before);
});
