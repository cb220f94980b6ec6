"use client";

import { useState, type KeyboardEvent } from "react";
import type { DrawnPanel, DrawnPanels } from "@/lib/charts/types";
import { DatumTooltip } from "./chart-tooltip";
import { BAR_SIZE, FIRST_RENDER_WIDTH, PANEL_TOP, ROW_HEIGHT, panelHeight } from "@/lib/charts/geometry";
import { panelElement } from "./panel-svg";
import { useContainerWidth } from "./use-container-width";

/** Which bar the arrow keys lead to from `current`; null when the key is not for us. */
function nextIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return Math.min(current + 1, count - 1);
    case "ArrowUp":
    case "ArrowLeft":
      return Math.max(current - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

function Panel({
  id,
  panel,
  serverWidth,
  showTitle,
}: {
  id: string;
  panel: DrawnPanel;
  serverWidth: number;
  showTitle: boolean;
}) {
  const [ref, width, measured] = useContainerWidth(serverWidth);
  // Recharts' own keyboard support only covers charts laid out left to right, so bar charts
  // keep their own "active bar", shared by the mouse and the keyboard.
  const [active, setActive] = useState<number | null>(null);
  const height = panelHeight(panel);
  const chartId = `${id}-${panel.key}`;
  const activeBar = active === null ? undefined : panel.bars[active];

  function onKeyDown(event: KeyboardEvent) {
    const next = nextIndex(event.key, active ?? -1, panel.bars.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  }

  return (
    <div>
      {showTitle ? <h3 className="mb-1 text-sm font-semibold">{panel.title}</h3> : null}
      <div
        ref={ref}
        className="chart-box relative w-full"
        style={{ height }}
        data-interactive={measured || undefined}
        tabIndex={0}
        role="group"
        aria-label={`${panel.title}: ${panel.bars.length} bar${panel.bars.length === 1 ? "" : "s"}. Use the arrow keys to read each one.`}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? 0)}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
      >
        {panelElement({ id: chartId, panel, width, activeIndex: active, onActivate: setActive })}
        {activeBar && active !== null ? (
          <div
            className="pointer-events-none absolute right-0 z-10"
            style={{ top: PANEL_TOP + (active + 1) * ROW_HEIGHT - BAR_SIZE }}
          >
            <DatumTooltip data={[activeBar]} />
          </div>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite" data-testid={`${chartId}-active`}>
        {activeBar ? `${activeBar.label}: ${activeBar.display}, ${activeBar.asOfDisplay}, ${activeBar.sourceName}` : ""}
      </p>
    </div>
  );
}

export function PanelsChart({ id, body }: { id: string; body: DrawnPanels }) {
  const single = body.panels.length === 1;
  return (
    <div className={single ? "" : "grid gap-x-8 gap-y-6 sm:grid-cols-2"}>
      {body.panels.map((panel) => (
        <Panel
          key={panel.key}
          id={id}
          panel={panel}
          serverWidth={single ? FIRST_RENDER_WIDTH.singlePanel : FIRST_RENDER_WIDTH.panel}
          showTitle={!single}
        />
      ))}
    </div>
  );
}
