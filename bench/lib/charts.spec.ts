import { barChart, lineChart, svgDocument } from './charts';

describe('benchmark charts (ECharts, server-side SVG)', () => {
  it('stacks bar and line panels into one SVG document with their titles, series and references', () => {
    const doc = svgDocument([
      barChart({
        title: 'Starts per second',
        categories: ['c=10', 'c=50'],
        series: [
          { name: 'baseline', values: [41.2, null] },
          { name: 'product', values: [38.4, 36.3] },
        ],
        unit: 'workflows/s',
        references: [{ value: 40, label: 'target ≥ 40' }],
      }),
      lineChart({
        title: 'Latency by scale',
        series: [
          {
            name: 'p99',
            points: [
              { x: 0, y: 12 },
              { x: 2, y: 19 },
            ],
          },
        ],
        yUnit: 'ms',
      }),
    ]);
    expect(doc).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="652"/,
    );
    // Each panel is ECharts' own <svg>, placed below the one before.
    expect(doc.match(/<svg x="0" y="\d+" /g)).toEqual(['<svg x="0" y="0" ', '<svg x="0" y="332" ']);
    for (const text of [
      'Starts per second',
      'baseline',
      'product',
      'target ≥ 40',
      '38.4',
      'Latency by scale',
      'p99',
    ])
      expect(doc).toContain(text);
  });
});
