import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '../../core/activity';
import { buildCsv, csvCell, csvFileName, CSV_HEADER } from './csv';

/** A small RFC 4180 reader, written apart from csv.ts, to read back what it wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) throw new Error('no CRLF after the last record');
  return rows;
}

async function* once(items: ActivityItem[]) {
  yield items;
}

const base: ActivityItem = {
  id: 'grandchain:1',
  platform: 'grandchain',
  kind: 'received',
  token: 'CNY',
  amount: '12.50',
  time: Date.UTC(2024, 1, 29, 12, 0, 0, 5),
  status: 'done',
  text: { en: 'Grand Chain transfer received', zh: '大链转入' },
};

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (quotes doubled)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const s of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '-', '=HYPERLINK("x")']) {
      expect(csvCell(s).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('keeps plain decimal numbers, negative ones included, as numbers', () => {
    for (const s of ['-12.50', '-0.00000001', '12', '0.5']) expect(csvCell(s)).toBe(s);
    expect(csvCell('-1e5')).toBe("'-1e5");
    expect(csvCell('- 1')).toBe("'- 1");
  });
});

describe('buildCsv', () => {
  it('writes a BOM, a header row and one CRLF-ended record per row that reads back exactly', async () => {
    const rows: ActivityItem[] = [
      { ...base, counterparty: '=cmd|"/c calc"!A1, Bob', amount: '-0.05000000', kind: 'sent' },
      { ...base, id: 'transfer:x', text: { en: 'Line\r\nbreak, "quoted"', zh: '中文，说明' } },
    ];
    const csv = await buildCsv(once(rows));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[0]).toEqual([...CSV_HEADER]);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toEqual([
      '2024-02-29T12:00:00.005Z',
      'grandchain',
      'sent',
      'CNY',
      '-0.05000000',
      'done',
      '\'=cmd|"/c calc"!A1, Bob',
      'Grand Chain transfer received',
      '大链转入',
      'grandchain:1',
    ]);
    expect(parsed[2]?.[7]).toBe('Line\r\nbreak, "quoted"');
    expect(parsed[2]?.[8]).toBe('中文，说明');
    expect(parsed[2]?.[6]).toBe('');
  });

  it('is only the header for no rows', async () => {
    expect(await buildCsv(once([]))).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
  });

  it('names the file by time without characters file systems dislike', () => {
    expect(csvFileName(Date.UTC(2026, 10, 22, 10, 5, 0, 123))).toBe(
      'coindock-activity-2026-11-22T10-05-00Z.csv',
    );
  });
});
