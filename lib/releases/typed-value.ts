import { parseQuantity, type QuantityResult } from "@/lib/domain/quantity";
import { UNITS, type Unit } from "@/lib/domain/units";
import { QUALIFIER_LABELS } from "@/lib/domain/vocabulary";
import { proposeFigures } from "./propose";

/**
 * What, said after a bare number, names each unit to the release parser ("19 million" people).
 * Money and mass carry their own words ("£19m", "3 tonnes"), so they need none.
 */
const COUNTED_AS: Partial<Record<Unit, string>> = {
  people: "people",
  years: "years",
  items: "items",
  rounds: "rounds",
  users: "users",
  messages: "messages",
  cases: "cases",
  labs: "laboratories",
  packages: "packages",
};
const CURRENCY_SIGN: Partial<Record<Unit, string>> = { GBP: "£", EUR: "€" };

/** Digits, separators and a sign only: a number written as digits, which parseQuantity reads or explains. */
export function looksLikeDigits(text: string): boolean {
  return /^[-\d.,\s]*$/.test(text.trim());
}

/**
 * A value as an editor types it in the figure form, read exactly in the figure's unit: digits
 * ("54000000", "1,234.5") as before, or as a release writes it ("19 million", "£19m", "3 tonnes",
 * "a dozen"), by the same parser that reads releases. A value whose own words name another unit,
 * or a qualifier, is refused with what to do instead.
 */
export function readTypedValue(input: string, unit: Unit): QuantityResult {
  const digits = parseQuantity(input, unit);
  if (digits.ok) return digits;
  const text = input.trim();
  // Digits alone, or a minus sign: the digits' own message says what is wrong.
  if (looksLikeDigits(text) || text.length > 40) return digits;
  const readings = [text, `${CURRENCY_SIGN[unit] ?? ""}${text} ${COUNTED_AS[unit] ?? ""}`.trim()];
  for (const reading of readings) {
    const found = proposeFigures(reading, []);
    const figure = found.length === 1 ? found[0] : undefined;
    // One figure, and nothing else that counts: "19 million and 3" is not a value.
    if (!figure || figure.range || /\d/.test(reading.slice(0, figure.start) + reading.slice(figure.end))) continue;
    if (figure.unit !== unit) {
      return {
        ok: false,
        message: `“${text}” is in ${UNITS[figure.unit].label.toLowerCase()}: choose that unit, or type the number alone.`,
      };
    }
    if (figure.qualifier !== "exact") {
      return {
        ok: false,
        message: `Choose “${QUALIFIER_LABELS[figure.qualifier]}” as the qualifier and type the number alone.`,
      };
    }
    return parseQuantity(figure.value, unit);
  }
  return { ok: false, message: "Enter the number as reported: 54000000, 1,234.5, £54m, 19 million or 3 tonnes." };
}
