/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (Excel then reads Chinese), CRLF lines, quoted
 * cells where needed, and text that a spreadsheet would run as a formula (a leading = + - @, or a
 * tab or CR before one) kept as text with a leading apostrophe (OWASP "CSV injection"). Numbers
 * stay numbers.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function csvText(rows: (string | number | null)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
