import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
import { invalid } from '@ruche/platform';

/** The columns an import file may have (header row required, any order, any letter case). Only `email` is required. */
export const IMPORT_COLUMNS = ['email', 'displayName', 'department', 'title', 'location', 'managerEmail'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_LIMITS = {
  /** The file, in bytes (multipart or text/csv body). */
  bytes: 2 * 1024 * 1024,
  /** Data rows (the header not counted). */
  rows: 5000,
  /** One record, in characters: a longer one is not a directory row (refused while parsing). */
  record: 10_000,
} as const;

/** A data row as read, trimmed; `line` is the file's line number where the row ends (1 is the header). */
export interface ImportRow {
  line: number;
  email: string;
  displayName: string;
  department: string;
  title: string;
  location: string;
  managerEmail: string;
}

const csvInvalid = (message: string) => invalid(message, 'csv_invalid');

/**
 * Reads an import file into rows, or refuses the whole file (400 `csv_invalid`): no header, an
 * unknown or repeated column, no `email` column, unbalanced quotes, rows of different lengths, a
 * record longer than {@link IMPORT_LIMITS.record}, more than {@link IMPORT_LIMITS.rows} rows. A
 * byte-order mark and CRLF, LF or CR line ends are accepted. What is wrong with one row (a bad
 * email, a field too long) is that row's error in the report, not a refusal of the file.
 */
export function parsePeopleCsv(text: string): ImportRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: IMPORT_LIMITS.record,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw csvInvalid(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw csvInvalid('The file is empty: it needs a header row (email, displayName, ...)');
  const header = records[0].record.map((name) => name.trim());
  const known = new Map(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns: ImportColumn[] = [];
  for (const name of header) {
    const column = known.get(name.toLowerCase());
    if (!column) throw csvInvalid(`Unknown column "${name.slice(0, 40)}": the columns are ${IMPORT_COLUMNS.join(', ')}`);
    if (columns.includes(column)) throw csvInvalid(`The column ${column} appears twice`);
    columns.push(column);
  }
  if (!columns.includes('email')) throw csvInvalid('The header must name an email column');
  const data = records.slice(1);
  if (data.length === 0) throw csvInvalid('The file has a header but no rows');
  if (data.length > IMPORT_LIMITS.rows) throw csvInvalid(`At most ${IMPORT_LIMITS.rows} rows per file (this one has ${data.length})`);
  return data.map(({ record, info }) => {
    const row: ImportRow = { line: info.lines, email: '', displayName: '', department: '', title: '', location: '', managerEmail: '' };
    columns.forEach((column, i) => (row[column] = (record[i] ?? '').trim()));
    row.email = row.email.toLowerCase();
    row.managerEmail = row.managerEmail.toLowerCase();
    return row;
  });
}

/** What a person's email must look like to be imported (stored lower case, at most 254 characters). */
export function isImportEmail(value: string): boolean {
  return value.length <= 254 && isEmail(value);
}

/**
 * A cell for a CSV file a spreadsheet will open: quoted, and a value starting with = + - @ tab or
 * carriage return is prefixed with ' so it is shown as text, never run as a formula (OWASP "CSV
 * injection"): an import's report repeats what the file said, which anyone could have written.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
