// Locale-aware cell values, shared by presets and the mapping screen. Every parser returns
// { ok: true, value } or { ok: false, reason } with a reason fit for the row-error list.
export { detectDecimalSeparator, parseDecimal, toMinorUnits, type DecimalSeparator } from './number-values';
export { parseDate, parseInstant, type DateOptions, type DateOrder } from './date-values';
export { normalizeEmail, splitEmails, splitMulti } from './contact-values';
