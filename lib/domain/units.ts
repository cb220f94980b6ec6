/**
 * The units a figure can be counted in. `scale` is the number of decimal places the unit
 * allows: a figure's value is stored as an integer count of the unit's smallest step
 * (pence, cents, grams), so money and editors' decimal input are kept exactly.
 */
export const UNITS = {
  people: { label: "People", scale: 0 },
  years: { label: "Years", scale: 0 },
  GBP: { label: "Pounds sterling", scale: 2, currency: "GBP" },
  EUR: { label: "Euros", scale: 2, currency: "EUR" },
  kg: { label: "Kilograms", scale: 3 },
  items: { label: "Items (counted objects)", scale: 0 },
  rounds: { label: "Rounds of ammunition", scale: 0 },
  users: { label: "Users", scale: 0 },
  messages: { label: "Messages / chats / conversations", scale: 0 },
  cases: { label: "Cases / incidents", scale: 0 },
  labs: { label: "Laboratories", scale: 0 },
  packages: { label: "Intelligence packages", scale: 0 },
} as const satisfies Record<string, { label: string; scale: number; currency?: string }>;

export type Unit = keyof typeof UNITS;

export const UNIT_VALUES = Object.keys(UNITS) as [Unit, ...Unit[]];

export function isUnit(value: string): value is Unit {
  return Object.hasOwn(UNITS, value);
}

export function unitScale(unit: Unit): number {
  return UNITS[unit].scale;
}

export function unitCurrency(unit: Unit): string | undefined {
  const definition = UNITS[unit];
  return "currency" in definition ? definition.currency : undefined;
}
