/**
 * A concept's price read from its words ("€60/week", "$9.99 a month", "1,200 NGN per month") and
 * set against what a persona can spend. Prices become euros a month with rough fixed rates: the
 * rules only need to tell "affordable" from "a stretch" from "far too much", not to convert money.
 * A limit said back to the client goes the other way, into the concept's own currency and period.
 */
import type { CompanySize, IncomeBracket } from '../../../shared/persona';

export type Period = 'day' | 'week' | 'month' | 'year' | 'once' | 'use';

export interface Price {
  /** The price as written in the concept. */
  text: string;
  amount: number;
  /** The symbol or code as written, or null when none was given (then read as euros). */
  currency: string | null;
  period: Period;
  /** The thing one price buys when it is not a stretch of time ("box", "meal", "session"), as written; null for a time period. */
  unit: string | null;
  /** Whether the currency came before the amount ("CHF 120") or after ("120 CHF"). */
  currencyFirst: boolean;
  /** Whether the amount was written the continental way ("1.299,00", "12,50"), so figures said back are too. */
  continental: boolean;
  monthlyEur: number;
}

/** Rough euro value of one unit; a currency not listed counts as euros. */
const EUR_PER_UNIT: Readonly<Record<string, number>> = {
  '€': 1, eur: 1, euro: 1, euros: 1, '$': 0.92, usd: 0.92, dollar: 0.92, dollars: 0.92, '£': 1.17, gbp: 1.17, pound: 1.17, pounds: 1.17,
  '¥': 0.0062, jpy: 0.0062, yen: 0.0062, '₦': 0.00062, ngn: 0.00062, naira: 0.00062, '₹': 0.011, inr: 0.011, rupee: 0.011, rupees: 0.011,
  chf: 1.05, aud: 0.6, cad: 0.68, sek: 0.088, nok: 0.086, dkk: 0.134, kr: 0.088, pln: 0.23, 'zł': 0.23, brl: 0.17, 'r$': 0.17, mxn: 0.05,
  zar: 0.05, kes: 0.0071, ksh: 0.0071, ghs: 0.06, egp: 0.019, try: 0.028, aed: 0.25, sgd: 0.68, myr: 0.2, rm: 0.2, idr: 0.000058, php: 0.016, vnd: 0.000037, cny: 0.13,
};

/** How a currency written as a word or code is shown back: "euros" → "€". */
const SYMBOL: Readonly<Record<string, string>> = { eur: '€', euro: '€', euros: '€', usd: '$', dollar: '$', dollars: '$', gbp: '£', pound: '£', pounds: '£', jpy: '¥', yen: '¥', ngn: '₦', naira: '₦', inr: '₹', rupee: '₹', rupees: '₹' };

/** Months' worth of one period: a week is 52/12 of a month; a one-off price is spread over a year; one use is taken as five a week. */
const PER_MONTH: Readonly<Record<Period, number>> = { day: 30, week: 52 / 12, month: 1, year: 1 / 12, once: 1 / 12, use: (5 * 52) / 12 };

const CURRENCY = String.raw`(€|\$|£|¥|₦|₹|R\$|zł|(?:eur|euros?|usd|dollars?|gbp|pounds?|jpy|yen|ngn|naira|inr|rupees?|chf|aud|cad|sek|nok|dkk|kr|pln|brl|mxn|zar|kes|ksh|ghs|egp|try|aed|sgd|myr|rm|idr|php|vnd|cny)\b)`;
const AMOUNT = String.raw`(\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(k\b)?`;
const PRICE = new RegExp(String.raw`(?:${CURRENCY}\s?${AMOUNT}|${AMOUNT}\s?${CURRENCY}?)(\s*(?:\/|per|a|an|each|every|par|pro|por|al)?\s*(?:day|daily|week|weekly|wk|month|monthly|mo|year|yearly|annual(?:ly)?|yr|mois|monat|mês|mes|mese|semaine|woche|semana|settimana|jahr|año|ano|anno|portion|meal|serving|plate|box|delivery|use|session|one[- ]off|one[- ]time)\b)?`, 'giu');

/** Time periods a bare amount ("15 a month") may carry; a bare "3 meal kits" or "30 day trial" is not a price. */
const TIME_TAIL = /^\s*(?:\/|per|a|an|each|every|par|pro|por|al)\s*(?:day|daily|week|weekly|wk|month|monthly|mo|year|yearly|annual(?:ly)?|yr|mois|monat|mês|mes|mese|semaine|woche|semana|settimana|jahr|año|ano|anno)$/i;
const UNIT = /(portion|meal|serving|plate|box|delivery|use|session)$/i;

function periodOf(words: string, whole: string): Period | null {
  const w = words.toLowerCase();
  if (/day|daily/.test(w)) return 'day';
  if (/week|wk|box|delivery|sema|woche|settimana/.test(w)) return 'week';
  if (/mo|month|mes|mês/.test(w)) return 'month';
  if (/year|annual|yr|jahr|año|ano/.test(w)) return 'year';
  if (/portion|meal|serving|plate|use|session/.test(w)) return 'use';
  if (/one[- ](off|time)/.test(w)) return 'once';
  // "billed monthly" elsewhere in the text.
  if (/\b(monthly|a month|per month)\b/i.test(whole)) return 'month';
  if (/\b(weekly|a week|per week)\b/i.test(whole)) return 'week';
  if (/\b(yearly|annual|a year|per year)\b/i.test(whole)) return 'year';
  return null;
}

function numberOf(raw: string, thousands: boolean): number {
  // "1,200" and "1.200" are thousands; "12,50" is a decimal comma.
  const grouped = /^\d{1,3}([ ,.]\d{3})+([.,]\d{1,2})?$/.test(raw);
  let n: number;
  if (grouped) {
    const decimal = /[.,]\d{1,2}$/.exec(raw);
    const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[ ,.]/g, '');
    n = Number(whole) + (decimal ? Number(`0.${decimal[0].slice(1)}`) : 0);
  } else n = Number(raw.replace(',', '.'));
  return thousands ? n * 1000 : n;
}

/** The first price in the text: an amount with a currency, or with a period ("15 a month"); "15-minute recipes" is not one. */
export function parsePrice(text: string): Price | null {
  for (const m of text.matchAll(PRICE)) {
    const currency = (m[1] ?? m[6] ?? null)?.toLowerCase() ?? null;
    const raw = m[2] ?? m[4] ?? '';
    const thousands = Boolean(m[3] ?? m[5]);
    const tail = m[7] ?? '';
    const explicitPeriod = tail.trim().length > 0 ? periodOf(tail, '') : null;
    if (!currency && !TIME_TAIL.test(tail)) continue;
    const amount = numberOf(raw, thousands);
    if (!Number.isFinite(amount)) continue;
    const period = explicitPeriod ?? periodOf('', text) ?? 'once';
    const rate = currency ? (EUR_PER_UNIT[currency] ?? 1) : 1;
    const unit = UNIT.exec(tail.trim())?.[1]?.toLowerCase() ?? null;
    const continental = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$|^\d+,\d{1,2}$/.test(raw);
    return { text: m[0].trim(), amount, currency, period, unit, currencyFirst: Boolean(m[1]), continental, monthlyEur: amount * rate * PER_MONTH[period] };
  }
  return null;
}

/**
 * What a persona can spend a month, in euros: up to the first number is comfortable, up to the
 * second a stretch (−1), beyond it too much (−2). Consumers by income bracket; B2B buyers by the
 * size of their company, since the company pays.
 */
export const INCOME_LIMITS: Readonly<Record<IncomeBracket, readonly [number, number]>> = {
  low: [10, 30],
  'lower-middle': [20, 60],
  middle: [40, 120],
  'upper-middle': [80, 250],
  high: [200, 600],
};
export const COMPANY_LIMITS: Readonly<Record<CompanySize, readonly [number, number]>> = {
  '1-10': [100, 400],
  '11-50': [400, 1500],
  '51-200': [1500, 6000],
  '201-1000': [5000, 20000],
  '1000+': [15000, 60000],
};

/** How a price's period is said back: per the unit it was written with ("per box"), else the time; a one-off takes none. */
function periodPhrase(price: Price): string {
  if (price.unit) return `per ${price.unit}`;
  return { day: 'a day', week: 'a week', month: 'a month', year: 'a year', once: '', use: 'per use' }[price.period];
}

/** Codes said back as codes ("45 CHF"); currency words become their symbol where there is one, so "30 dollars" → "$25". */
const CODE = /^(?:[a-z]{3}|r\$|rm)$/;

/**
 * A monthly euro limit said the way the concept states its price: same currency, same period or
 * unit, a figure a person would say (45, 250, 4.50), kept below the price it answers.
 */
export function limitInCurrency(limitEur: number, price: Price): string {
  const rate = price.currency ? (EUR_PER_UNIT[price.currency] ?? 1) : 1;
  const local = limitEur / rate / PER_MONTH[price.period];
  // Two significant digits, in steps of 5 from 30 up: 44.37 → 45, 256 → 250, 120 stays 120, 0.46 → 0.45.
  const magnitude = 10 ** (Math.floor(Math.log10(local)) - 1);
  const step = local >= 30 * magnitude ? 5 * magnitude : magnitude;
  let figure = Math.round(local / step) * step;
  if (figure >= price.amount && local < price.amount) figure = Math.floor(local / step) * step;
  figure = Number(figure.toPrecision(6));
  const whole = Number.isInteger(figure);
  const number = figure.toLocaleString(price.continental ? 'de-DE' : 'en', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
  const written = price.currency ?? '';
  const symbol = SYMBOL[written] ?? (/^[^a-z]+$/i.test(written) ? written : '');
  const code = written && !symbol ? (CODE.test(written) ? written.toUpperCase() : written) : '';
  // A symbol goes first in English, unless the concept wrote it after the figure ("12,50 €"); a code where the concept put it.
  const after = !price.currencyFirst && written !== '' && (symbol === written || Boolean(code));
  const money = after ? `${number} ${symbol || code}` : code ? `${code} ${number}` : `${symbol}${number}`;
  const per = periodPhrase(price);
  return per ? `${money} ${per}` : money;
}

/** Whether the price is already in the limits' own terms, euros a month (a bare "15 a month" is read as euros). */
export function inEurosAMonth(price: Price): boolean {
  return price.period === 'month' && !price.unit && (price.currency === null || SYMBOL[price.currency] === '€' || price.currency === '€');
}

export type Fit = 'within' | 'stretch' | 'beyond';

/** How a monthly price sits against what the persona can spend, with the limits used; null when the profile gives no way to tell. */
export function priceFit(price: Price, persona: { incomeBracket?: IncomeBracket | undefined; b2b?: { companySize: CompanySize } | undefined }): { fit: Fit; limits: readonly [number, number] } | null {
  const limits = persona.b2b ? COMPANY_LIMITS[persona.b2b.companySize] : persona.incomeBracket ? INCOME_LIMITS[persona.incomeBracket] : null;
  if (!limits) return null;
  const fit: Fit = price.monthlyEur > limits[1] ? 'beyond' : price.monthlyEur > limits[0] ? 'stretch' : 'within';
  return { fit, limits };
}
