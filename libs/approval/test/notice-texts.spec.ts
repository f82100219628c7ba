import * as notices from '../src/notices';
import { NOTICE_LANGUAGES, renderNoticeText, type NoticeText } from '../src/notice-texts';
import type { ItemClock } from '../src/clock';
import type { ItemState, ProjectState } from '../src/types';

const state = { name: '第一小学', ownerOrganisation: 'ORG' } as ProjectState;
const item = { code: 'A', name: '建设用地规划许可', department: 'NRP', stage: 'PLAN' } as ItemState;
const clock = { usedDays: 5, limitDays: 8, dueDate: '2026-02-26' } as ItemClock;

/** One notice of every template, made the way the state machine makes them. */
const every = [
  notices.stageReturned(state, 'PLAN', '缺少地形图'),
  notices.itemRejected(state, item, '不符合规划'),
  notices.supplementRequested(state, item, '2026-02-12', '请补充消防设计文件'),
  notices.specialProcedureStarted(
    state,
    item,
    '2026-09-29',
    { type: 'EXPERT_REVIEW', expectedDays: 5 },
    '2026-10-12',
  ),
  notices.specialProcedureEnded(state, item, '2026-02-12'),
  notices.acceptedWithDeficiency(state, item, { description: '环评批复', dueDate: '2026-03-02' }),
  notices.stillStopped(
    state,
    item,
    { description: '环评批复', dueDate: '2026-03-02' } as never,
    '2026-03-03',
  ),
  notices.jointProcedureScheduled(state, 'NRP', 'DRAWING_REVIEW', '2026-02-13', ['A', 'B']),
  notices.siteSurveyStopsClocks(state, ['A', 'B'], 3, '2026-02-13'),
  ...notices.deficiencyMissed(state, item, {
    description: '环评批复',
    dueDate: '2026-03-02',
  } as never),
  notices.itemWarning(state, item, clock),
  notices.itemWarning(state, item, { ...clock, dueDate: null }),
  ...notices.itemOverdue(state, item, clock),
  notices.projectRisk(state, { usedDays: 70, limitDays: 80, risk: 'AT_RISK' } as never),
];

describe('notice texts', () => {
  it('every notice carries its text, and its message is the English rendering', () => {
    for (const n of every) {
      expect(n.text).toBeDefined();
      expect(n.message).toBe(renderNoticeText('en', n.text!));
    }
  });

  it('renders every template in both languages with every value filled in', () => {
    for (const lang of NOTICE_LANGUAGES) {
      for (const n of every) {
        const out = renderNoticeText(lang, n.text!)!;
        expect(out).not.toMatch(/\{\{|\}\}|undefined/);
        // What the reader wrote and the names are shown as written, in both languages.
        for (const v of Object.values(n.text!.params)) {
          if (typeof v === 'string' && /[\u4e00-\u9fff]/.test(v)) expect(out).toContain(v);
        }
      }
    }
  });

  it('shows codes in the reader’s language', () => {
    const supplement = every[2].text!;
    expect(renderNoticeText('zh-CN', supplement)).toBe(
      '建设用地规划许可于 2026-02-12 停止计时：补正：请补充消防设计文件。您提交补正材料后恢复计时。',
    );
    expect(renderNoticeText('en', supplement)).toContain(
      'stopped on 2026-02-12: Supplement (补正): 请补充消防设计文件',
    );
    expect(renderNoticeText('zh', every[0].text!)).toBe(
      '策划生成阶段被退回：缺少地形图。重新准备期间不计时。',
    );
    expect(renderNoticeText('en-GB', every[0].text!)).toContain('Stage Plan was returned');
    expect(renderNoticeText('zh-CN', every[7].text!)).toContain('多图联审');
  });

  it('gives nothing for a template it does not know, so the reader shows the stored message', () => {
    const future: NoticeText = { key: 'somethingNew' as never, params: {} };
    expect(renderNoticeText('zh-CN', future)).toBeUndefined();
  });
});
