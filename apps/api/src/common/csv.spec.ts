import { csvCell, csvText } from './csv';

describe('CSV', () => {
  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","点我")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""点我"")"`,
    );
    expect(['+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'].map(csvCell)).toEqual([
      "'+1",
      "'-1+2",
      "'@SUM(A1)",
      "'\t=1",
      `"'\r=1"`,
    ]);
    expect(csvCell('发展和改革部门')).toBe('发展和改革部门');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('writes numbers as numbers, negative ones too, and null as empty', () => {
    expect([0.95, -3, null].map(csvCell)).toEqual(['0.95', '-3', '']);
    expect(
      csvText([
        ['部门', '按时办结率'],
        ['DRC', 1],
      ]),
    ).toBe('\uFEFF部门,按时办结率\r\nDRC,1\r\n');
  });
});
