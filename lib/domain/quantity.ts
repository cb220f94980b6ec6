import { unitScale, type Unit } from "./units";

/**
 * Exact conversion between the decimal text people read and type ("54000000", "1,234.56")
 * and the integer a figure is stored as (pence, cents, grams, or plain counts).
 * No floating-point arithmetic touches a stored value.
 */

/** Enough for any reported figure, and far inside SQLite's 64-bit integers. */
const MAX_INTEGER_DIGITS = 15;
const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export type QuantityResult = { ok: true; minor: bigint } | { ok: false; message: string };

export function parseQuantity(input: string, unit: Unit): QuantityResult {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Enter a number." };
  if (text.startsWith("-")) return { ok: false, message: "A reported figure cannot be negative." };
  const match = DECIMAL.exec(text);
  if (!match) {
    return { ok: false, message: "Enter a number using digits, such as 54000000 or 1,234.5." };
  }
  const [wholeWithCommas = "", fraction = ""] = text.split(".");
  const whole = wholeWithCommas.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  const scale = unitScale(unit);
  const significantFraction = fraction.replace(/0+$/, "");
  if (significantFraction.length > scale) {
    return {
      ok: false,
      message:
        scale === 0
          ? "This unit counts whole numbers: enter it without decimals."
          : `This unit allows at most ${scale} decimal place${scale === 1 ? "" : "s"}.`,
    };
  }
  if (whole.length > MAX_INTEGER_DIGITS) {
    return { ok: false, message: `Enter at most ${MAX_INTEGER_DIGITS} digits before the decimal point.` };
  }
  return { ok: true, minor: BigInt(whole + significantFraction.padEnd(scale, "0")) };
}

/** Like parseQuantity, for trusted input; throws with the reason. */
export function toMinor(input: string | number, unit: Unit): bigint {
  const result = parseQuantity(typeof input === "number" ? numberToDecimalText(input) : input, unit);
  if (!result.ok) throw new RangeError(`${String(input)} ${unit}: ${result.message}`);
  return result.minor;
}

/** The exact decimal text of a stored value, without grouping or trailing zeros: "1234.5". */
export function formatMinor(minor: bigint, unit: Unit): string {
  const scale = unitScale(unit);
  const digits = minor.toString().padStart(scale + 1, "0");
  if (scale === 0) return digits;
  const whole = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  return text.includes("e") ? value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : text;
}
