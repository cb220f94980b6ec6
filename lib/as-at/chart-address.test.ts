import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { CHART_AS_AT_ASKED_HEADER, chartAsAtTarget, readChartAsAtAsked } from "./chart-address";

const rewrittenTo = (response: Response) => response.headers.get("x-middleware-rewrite");

describe("a chart's address as the record stood", () => {
  it("is rendered by the chart's page as it stood, which reads the address asked for back", () => {
    const response = proxy(new NextRequest("http://localhost/charts/uk-totals?at=2026-11-30"));
    expect(new URL(rewrittenTo(response)!).pathname).toBe("/charts/uk-totals/as-at");
    expect(new URL(rewrittenTo(response)!).searchParams.get("at")).toBe("2026-11-30");
    expect(response.headers.get(`x-middleware-request-${CHART_AS_AT_ASKED_HEADER}`)).toBe(
      "/charts/uk-totals?at=2026-11-30",
    );
    expect(readChartAsAtAsked("/charts/uk-totals?at=2026-11-30")).toEqual({
      live: "/charts/uk-totals",
      at: "2026-11-30",
    });
  });

  it("is the live chart's own page when at is empty, as the form sends it with no day", () => {
    expect(rewrittenTo(proxy(new NextRequest("http://localhost/charts/uk-totals?at=")))).toBeNull();
    expect(chartAsAtTarget("/charts/uk-totals", "  ")).toBeNull();
    expect(chartAsAtTarget("/charts/uk-totals/history", "42")).toBeNull();
  });

  it("takes any address and any at without throwing", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (slug, at) => {
        const pathname = `/charts/${encodeURIComponent(slug)}`;
        const target = chartAsAtTarget(pathname, at);
        if (target) expect(target).toBe(`${pathname}/as-at`);
        const query = at === null ? "" : `?at=${encodeURIComponent(at)}`;
        const asked = readChartAsAtAsked(`${pathname}${query}`);
        if (asked) expect(asked).toEqual({ live: asked.live, at });
        // Any header a client sends: read or refused, never a throw.
        readChartAsAtAsked(slug);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,30}$/), fc.string(), (slug, at) => {
        expect(readChartAsAtAsked(`/charts/${slug}?at=${encodeURIComponent(at)}`)).toEqual({
          live: `/charts/${slug}`,
          at,
        });
      }),
    );
  });
});
