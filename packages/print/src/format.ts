/**
 * Locale formatting of exact decimal strings: the digits are the ones given (never parsed into a
 * float); only the grouping and decimal separators come from the locale, and trailing zeros are
 * trimmed down to `minPlaces`.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's grouping and decimal separators (from Intl, on a sample number). */
export function separatorsOf(locale: string): Separators {
  const cached = separatorCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  const separators = {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
  separatorCache.set(locale, separators);
  return separators;
}

/**
 * `value` (a decimal string such as "1290.5000" or "-3") for `locale`: "1,290.50" in en, "1.290,50"
 * in de with `minPlaces` 2. Throws on anything that is not a plain decimal string.
 */
export function formatDecimalString(value: string, locale: string, minPlaces = 0): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a decimal string: ${JSON.stringify(value)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const { group, decimal } = separatorsOf(locale);
  let places = fraction.replace(/0+$/, '');
  if (places.length < minPlaces) places = places.padEnd(minPlaces, '0');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = sign && /[1-9]/.test(digits + places) ? '-' : '';
  return `${negative}${grouped}${places ? decimal + places : ''}`;
}

/** An amount of money in `currency`, at least two places: "1,290.00 EUR". */
export const formatMoney = (value: string, currency: string, locale: string): string => `${formatDecimalString(value, locale, 2)} ${currency}`;

/** An ISO date (YYYY-MM-DD, or the date part of a timestamp) as the locale writes dates, computed in UTC. */
export function formatDate(value: string, locale: string): string {
  const iso = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${JSON.stringify(value)}`);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(`${iso}T00:00:00Z`));
}
