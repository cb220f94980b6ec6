import { formatPartialDate } from "@/lib/domain/partial-date";
import { formatMinor } from "@/lib/domain/quantity";
import { unitCurrency, type Unit } from "@/lib/domain/units";
import { QUALIFIER_PREFIX, type Qualifier } from "@/lib/domain/vocabulary";

/** How readers see numbers: en-GB, "£54 million", "2,864", "9.3 tonnes". */

const grouped = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const LARGE = [
  { size: 1e9, word: "billion", short: "bn" },
  { size: 1e6, word: "million", short: "m" },
] as const;

/** "54 million", "76.9 million", "2,864": the way a newsroom writes a number. */
export function formatNumber(value: number): string {
  for (const { size, word } of LARGE) {
    if (value >= size) return `${oneDecimal.format(value / size)} ${word}`;
  }
  return grouped.format(value);
}

/** "80m", "1.5bn", "2,864": an axis's tick, which has the room of a few digits beside a phone's chart. */
export function formatAxisNumber(value: number): string {
  for (const { size, short } of LARGE) {
    if (value >= size) return `${oneDecimal.format(value / size)}${short}`;
  }
  return grouped.format(value);
}

/** A value in its unit, for reading: "£54 million", "€1,250", "2 tonnes", "500 kg", "746". */
export function formatQuantity(minor: bigint, unit: Unit): string {
  const value = Number(formatMinor(minor, unit));
  const currency = unitCurrency(unit);
  if (currency) {
    if (value >= 1e6) return `${currencySymbol(currency)}${formatNumber(value)}`;
    return new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    }).format(value);
  }
  if (unit === "kg") {
    if (value >= 1000) {
      const tonnes = value / 1000;
      return `${formatNumber(tonnes)} ${tonnes === 1 ? "tonne" : "tonnes"}`;
    }
    return `${grouped.format(value)} kg`;
  }
  return formatNumber(value);
}

/** The value with the words its source qualified it with: "over £54 million". */
export function formatFigure(minor: bigint, unit: Unit, qualifier: Qualifier): string {
  const prefix = QUALIFIER_PREFIX[qualifier];
  const quantity = formatQuantity(minor, unit);
  return prefix ? `${prefix} ${quantity}` : quantity;
}

export function formatDate(partialDate: string): string {
  return formatPartialDate(partialDate);
}

function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(0);
  return parts.find((part) => part.type === "currency")?.value ?? currency;
}
