import Link from "next/link";
import { headers } from "next/headers";
import { CHART_AS_AT_ASKED_HEADER, readChartAsAtAsked } from "@/lib/as-at/chart-address";
import { findAsAt } from "@/lib/as-at/read.server";

/** A chart asked for as at a day or revision the record cannot show, or a chart there is not. */
export default async function ChartAsAtNotFound() {
  const asked = readChartAsAtAsked((await headers()).get(CHART_AS_AT_ASKED_HEADER));
  const found = asked ? await findAsAt(asked.at) : null;
  const why = found && !found.ok ? found.message : "There is no published chart at this address.";
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="font-serif text-3xl font-bold">No chart to show as asked</h1>
      <p role="status">{why}</p>
      <p>
        {asked && found && !found.ok ? (
          <>
            <Link href={asked.live}>Read the live chart</Link>, or choose another day there. Or{" "}
          </>
        ) : null}
        <Link href="/">go to the overview</Link>, which shows every chart.
      </p>
    </div>
  );
}
