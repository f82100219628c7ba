import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { Grid, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemReport, Report } from '../../api/types';
import { EChart } from '../../components/EChart';
import { todayInShanghai } from '../../components/format';
import { RISK_TONE, useTones } from '../../components/tones';
import { useDepartments } from '../../api/catalog';

const DAY = 86_400_000;
/** A civil date (YYYY-MM-DD) as the UTC midnight that stands for it on the time axis. */
const ms = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fmt = (v: number) => new Date(v).toISOString().slice(0, 10);

interface Row {
  label: string;
  level: 0 | 1 | 2;
  start: number;
  end: number;
  color: string;
  pauses: [number, number][];
  tip: string;
}

/** Stages → themes → items from acceptance to decision (or due date); clock stops shaded; today marked. */
export function GanttChart({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // On a phone the item names get less room, so the bars keep most of the width: there a name
  // wraps onto a second line in a taller row instead of being cut to a few characters.
  const phone = !Grid.useBreakpoint().md;
  const labelWidth = phone ? 110 : 180;
  const rowHeight = phone ? 40 : 28;
  const today = ms(todayInShanghai());
  const { token } = theme.useToken();
  const tones = useTones();
  const department = useDepartments().name;
  const rows = useMemo(() => {
    // As the legend says: blue under review (on track), the risk's colour when at risk or
    // overdue, decided items light; stages and themes in the primary's shades.
    const color = (i: ItemReport) =>
      i.status === 'APPROVED'
        ? token.colorSuccessBorder
        : i.status === 'REJECTED'
          ? token.colorErrorBorderHover
          : i.status === 'WITHDRAWN'
            ? token.colorTextQuaternary
            : i.clock.risk === 'ON_TRACK'
              ? token.colorPrimary
              : tones[RISK_TONE[i.clock.risk]];
    const out: Row[] = [];
    for (const s of report.stages) {
      const items = s.themes.flatMap((th) => th.items);
      const started = items.filter((i) => i.startedOn);
      if (!s.acceptedOn && !started.length) continue;
      const itemEnd = (i: (typeof items)[number]) =>
        ms(i.decidedOn ?? i.clock.dueDate ?? i.startedOn!) + DAY;
      const stageStart = s.acceptedOn
        ? ms(s.acceptedOn)
        : Math.min(...started.map((i) => ms(i.startedOn!)));
      const stageEnd = s.completedOn
        ? ms(s.completedOn) + DAY
        : Math.max(stageStart + DAY, ...started.map(itemEnd));
      out.push({
        label: t(`stage.${s.code}`),
        level: 0,
        start: stageStart,
        end: stageEnd,
        color: token.colorPrimaryActive,
        pauses: [],
        tip: `${t(`stage.${s.code}`)}: ${fmt(stageStart)} → ${fmt(stageEnd - DAY)} · ${t('clock.days', { n: s.usedDays })}`,
      });
      for (const th of s.themes) {
        const its = th.items.filter((i) => i.startedOn);
        if (!its.length) continue;
        const start = Math.min(...its.map((i) => ms(i.startedOn!)));
        const end = Math.max(...its.map(itemEnd));
        out.push({
          label: en ? th.nameEn : th.name,
          level: 1,
          start,
          end,
          color: token.colorPrimaryBorderHover,
          pauses: [],
          tip: en ? th.nameEn : th.name,
        });
        for (const i of its) {
          const end = itemEnd(i);
          const label = en ? (i.nameEn ?? i.name) : i.name;
          out.push({
            label,
            level: 2,
            start: ms(i.startedOn!),
            end,
            color: color(i),
            pauses: i.pauses.map(
              (p) => [ms(p.from) + DAY, (p.to ? ms(p.to) : today) + DAY] as [number, number],
            ),
            tip: `${label}（${department(i.department)}） · ${t(`status.${i.status}`)} · ${t('clock.days', { n: i.clock.usedDays })} / ${i.clock.limitDays} · ${t('gantt.due')} ${i.clock.dueDate ?? '—'}${i.decidedOn ? ` · ${t('gantt.decided')} ${i.decidedOn}` : ''}${i.pauses.length ? ` · ${t('gantt.stops', { n: i.pauses.length })}` : ''}`,
          });
        }
      }
    }
    return out;
  }, [report, t, en, today, token, tones, department]);

  const option = useMemo(() => {
    const min = Math.min(today, ...rows.map((r) => r.start)) - DAY;
    const max = Math.max(today, ...rows.map((r) => r.end)) + DAY;
    return {
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
      tooltip: { formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.tip ?? '' },
      xAxis: {
        type: 'time',
        min,
        max,
        minInterval: DAY,
        axisLabel: { formatter: (v: number) => fmt(v).slice(5), hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: token.colorBorderSecondary } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => `${'  '.repeat(r.level)}${r.label}`),
        axisLabel: {
          width: labelWidth,
          overflow: phone ? 'break' : 'truncate',
          lineHeight: 14,
          fontWeight: (v: string) => (v.startsWith(' ') ? 'normal' : 'bold'),
        },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: rows.map((r, i) => [i, r.start, r.end]),
          renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
            const r = rows[params.dataIndex];
            const [x0, y] = api.coord([r.start, params.dataIndex]);
            const [x1] = api.coord([r.end, params.dataIndex]);
            const size = api.size!([0, 1]) as number[];
            const h = size[1] * (r.level === 2 ? 0.55 : 0.35);
            const children: object[] = [
              {
                type: 'rect',
                shape: { x: x0, y: y - h / 2, width: Math.max(2, x1 - x0), height: h, r: 3 },
                style: { fill: r.color },
              },
            ];
            for (const [p0, p1] of r.pauses) {
              const [px0] = api.coord([p0, params.dataIndex]);
              const [px1] = api.coord([Math.min(p1, r.end), params.dataIndex]);
              children.push({
                type: 'rect',
                shape: { x: px0, y: y - h / 2, width: Math.max(2, px1 - px0), height: h },
                style: { fill: tones.muted, opacity: 0.6, stroke: tones.muted, lineDash: [2, 2] },
              });
            }
            return { type: 'group', children };
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { formatter: t('gantt.today'), position: 'start' },
            lineStyle: { color: tones.bad, type: 'dashed' },
            data: [{ xAxis: today }],
          },
        },
      ],
    };
  }, [rows, today, t, labelWidth, phone, token, tones]);

  if (!rows.length)
    return <Typography.Paragraph type="secondary">{t('gantt.empty')}</Typography.Paragraph>;
  const summary = t('gantt.label', { n: rows.filter((r) => r.level === 2).length });
  return (
    <EChart option={option} height={rows.length * rowHeight + 60} label={summary} renderer="svg" />
  );
}
