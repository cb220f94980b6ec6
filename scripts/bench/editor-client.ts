/**
 * An editor as the bench drives one: it signs in and saves figures through the admin's own
 * forms, posted the way a browser without JavaScript posts them (the server action's hidden
 * fields, the session cookie, the site's Origin). So every save goes through the real action
 * endpoint, its Origin and session checks, zod, optimistic locking and the revision log.
 */
import { JSDOM } from "jsdom";

type Fields = [name: string, value: string][];

/** The fields a browser would send for the first form on the page that has a field `marker`. */
export function readForm(html: string, marker: string): Fields {
  const { document } = new JSDOM(html).window;
  const form = [...document.forms].find((candidate) => candidate.elements.namedItem(marker));
  if (!form) throw new Error(`No form with a "${marker}" field on the page.`);
  const fields: Fields = [];
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    "input[name], select[name], textarea[name]",
  )) {
    if (element instanceof document.defaultView!.HTMLInputElement) {
      if (["submit", "button", "image", "file"].includes(element.type)) continue;
      if (["checkbox", "radio"].includes(element.type) && !element.checked) continue;
    }
    fields.push([element.name, element.value]);
  }
  return fields;
}

export type SaveOutcome = { ok: boolean; status: number; milliseconds: number };

export class BenchEditor {
  private cookie = "";

  constructor(private readonly base: string) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      ...init,
      redirect: "manual",
      headers: { Origin: this.base, Cookie: this.cookie, ...init.headers },
    });
  }

  private async post(path: string, fields: Fields): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    return this.request(path, { method: "POST", body });
  }

  async signIn(email: string, password: string): Promise<void> {
    const page = await (await this.request("/admin/login")).text();
    const fields = readForm(page, "password").map(([name, value]): [string, string] => [
      name,
      name === "email" ? email : name === "password" ? password : value,
    ]);
    const response = await this.post("/admin/login", fields);
    const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
    if (response.status !== 303 || cookies.length === 0) {
      throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
    }
    this.cookie = cookies.join("; ");
  }

  /** Opens a figure's edit page, changes its value, and saves; the time is the save's alone. */
  async saveFigure(id: string, value: string, reason: string): Promise<SaveOutcome> {
    const path = `/admin/figures/${encodeURIComponent(id)}`;
    const page = await this.request(path);
    if (page.status !== 200) return { ok: false, status: page.status, milliseconds: 0 };
    const fields = readForm(await page.text(), "value").map(([name, current]): [string, string] => [
      name,
      name === "value" ? value : name === "reason" ? reason : current,
    ]);
    // An edit says what kind of change it is (none is chosen for the editor): the bench's are updates.
    if (!fields.some(([name]) => name === "changeKind")) fields.push(["changeKind", "update"]);
    const started = performance.now();
    const response = await this.post(path, fields);
    const milliseconds = performance.now() - started;
    await response.arrayBuffer();
    // A saved record redirects to its page with ?saved=1; anything else is a refusal.
    const ok = response.status === 303 && (response.headers.get("location") ?? "").includes("saved=1");
    return { ok, status: response.status, milliseconds };
  }
}
