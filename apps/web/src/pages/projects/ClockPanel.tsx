import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/types';
import { EChart } from '../../components/EChart';
import { RiskTag } from '../../components/RiskTag';
import { useRiskColor, useTones } from '../../components/tones';

/** The project's statutory clock: working days used of its limit, left, paused, projected finish. */
export function ClockPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const c = report.clock;
  const tones = useTones();
  const color = useRiskColor()(c.risk);
  const option = useMemo(
    () => ({
      series: [
        {
          type: 'gauge',
          min: 0,
          max: c.limitDays,
          startAngle: 210,
          endAngle: -30,
          progress: { show: true, width: 14, itemStyle: { color } },
          axisLine: { lineStyle: { width: 14 } },
          axisTick: { show: false },
          splitLine: { length: 8, distance: 2 },
          axisLabel: { distance: 18, fontSize: 10 },
          pointer: { show: false },
          anchor: { show: false },
          // Below the arc's open ends, clear of the 0 and limit labels beside them.
          title: { offsetCenter: [0, '72%'], fontSize: 12 },
          detail: {
            valueAnimation: false,
            offsetCenter: [0, '0%'],
            fontSize: 22,
            formatter: () => `${c.usedDays} / ${c.limitDays}`,
          },
          data: [{ value: Math.min(c.usedDays, c.limitDays), name: t('clock.workingDaysUsed') }],
        },
      ],
    }),
    [c.usedDays, c.limitDays, color, t],
  );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('clock.title')}</h2>} size="small">
      <Flex wrap gap={16} align="center">
        <div style={{ width: 220, maxWidth: '100%' }}>
          <EChart
            option={option}
            height={200}
            label={t('clock.gaugeLabel', {
              used: c.usedDays,
              limit: c.limitDays,
              left: c.remainingDays,
            })}
          />
        </div>
        <Descriptions
          size="small"
          column={1}
          style={{ flex: 1, minWidth: 220 }}
          items={[
            { key: 'risk', label: t('clock.risk'), children: <RiskTag risk={c.risk} /> },
            {
              key: 'left',
              label: t('clock.remaining'),
              children: t('clock.days', { n: c.remainingDays }),
            },
            {
              key: 'paused',
              label: t('clock.paused'),
              children: t('clock.days', { n: c.pausedDays }),
            },
            { key: 'due', label: t('clock.dueDate'), children: c.dueDate ?? '—' },
            ...(c.overdueDays > 0
              ? [
                  {
                    key: 'overdue',
                    label: t('clock.overdue'),
                    children: <Tag color={tones.bad}>{t('clock.days', { n: c.overdueDays })}</Tag>,
                  },
                ]
              : []),
            {
              key: 'proj',
              label: t('clock.projected'),
              children: c.projectedCompletionDate ?? '—',
            },
            ...(c.provisional
              ? [
                  {
                    key: 'prov',
                    label: t('clock.calendar'),
                    children: (
                      <Tooltip title={t('people.calendarHelp')}>
                        <Tag color={tones.warn} tabIndex={0} aria-describedby="calendar-help">
                          {t('clock.provisional')} <QuestionCircleOutlined />
                        </Tag>
                        <span id="calendar-help" hidden>
                          {t('people.calendarHelp')}
                        </span>
                      </Tooltip>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
