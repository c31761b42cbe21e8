/**
 * Activity as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma,
 * a quote, CR or LF (quotes doubled inside). Times are ISO 8601 in UTC; amounts are the exact
 * signed decimal strings the list holds (no rounding, no thousands marks, no float).
 *
 * CSV injection (a spreadsheet running a cell as a formula): a cell whose first character is
 * = + - @, a tab or a CR gets a leading apostrophe ('), which spreadsheets show as text — except a
 * cell that is a plain decimal number ("-12.50"), which no spreadsheet runs as a formula and which
 * must stay a number so sums work. That exception is what keeps negative amounts numeric; a
 * counterparty or description that merely starts with "-" is still neutralised.
 *
 * The file starts with a UTF-8 byte order mark so spreadsheet programs read the Chinese
 * descriptions as UTF-8.
 */
import type { ActivityItem } from '../../core/activity';

export const CSV_HEADER = [
  'time',
  'platform',
  'kind',
  'token',
  'amount',
  'status',
  'counterparty',
  'description_en',
  'description_zh',
  'id',
] as const;

const BOM = '\uFEFF';
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formula injection, then quoted as RFC 4180 requires. */
export function csvCell(value: string): string {
  const safe = !PLAIN_NUMBER.test(value) && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(item: ActivityItem): string {
  return [
    new Date(item.time).toISOString(),
    item.platform,
    item.kind,
    item.token,
    item.amount,
    item.status,
    item.counterparty ?? '',
    item.text.en,
    item.text.zh,
    item.id,
  ]
    .map(csvCell)
    .join(',');
}

/** The whole file from rows given in blocks (the list may hold 100,000 rows: read piecewise). */
export async function buildCsv(blocks: AsyncIterable<readonly ActivityItem[]>): Promise<string> {
  const lines: string[] = [CSV_HEADER.join(',')];
  for await (const block of blocks) for (const item of block) lines.push(csvRow(item));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `coindock-activity-2026-11-22T10-05-00Z.csv` (no characters file systems dislike). */
export function csvFileName(now: number): string {
  return `coindock-activity-${new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.csv`;
}
