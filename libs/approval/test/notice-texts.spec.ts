import * as notices from '../src/notices';
import { NOTICE_LANGUAGES, renderNoticeText, type NoticeText } from '../src/notice-texts';
import type { ItemClock } from '../src/clock';
import type { ItemState, ProjectState } from '../src/types';

const item = {
  code: 'PLANNING_PERMIT_LAND',
  name: '建设用地规划许可',
  nameEn: 'Land-use planning permit',
  department: 'NRP',
  stage: 'PLAN',
} as ItemState;
const other = { ...item, code: 'EIA', name: '环境影响评价审批', nameEn: 'EIA approval' };
const state = { name: '第一小学', ownerOrganisation: 'ORG', items: [item, other] } as ProjectState;
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
  notices.jointProcedureScheduled(state, 'NRP', 'DRAWING_REVIEW', '2026-02-13', [item.code, 'EIA']),
  notices.siteSurveyStopsClocks(state, [item.code, 'EIA'], 3, '2026-02-13'),
  ...notices.deficiencyMissed(state, item, {
    description: '环评批复',
    dueDate: '2026-03-02',
  } as never),
  notices.itemWarning(state, item, clock),
  notices.itemWarning(state, item, { ...clock, dueDate: null }),
  ...notices.itemOverdue(state, item, clock),
  notices.projectRisk(state, { usedDays: 70, limitDays: 80, risk: 'AT_RISK' } as never),
  notices.stageAccepted(state, 'PLAN', '2026-02-12', [item.code, 'EIA']),
  notices.itemApproved(state, item, '2026-02-20'),
];

/** What reads as an internal code: capitals and underscores, but not a true abbreviation. */
const CODE = /\b[A-Z][A-Z0-9_]{3,}\b/g;
const ABBREVIATIONS = new Set(['PDF', 'CSV']);
const codesIn = (s: string) => (s.match(CODE) ?? []).filter((c) => !ABBREVIATIONS.has(c));

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
        // What the reader wrote is shown as written, in both languages; a name with an English
        // form (`xEn`) shows that form in English.
        const { params } = n.text!;
        for (const [k, v] of Object.entries(params)) {
          if (k.endsWith('En') || typeof v !== 'string' || !/[\u4e00-\u9fff]/.test(v)) continue;
          const en = params[`${k}En`];
          expect(out).toContain(lang === 'en' && en !== undefined ? String(en) : v.trim());
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

  it('names items and departments, in the reader’s language, never by their codes', () => {
    for (const n of every) {
      expect(codesIn(renderNoticeText('zh-CN', n.text!)!)).toEqual([]);
      expect(codesIn(renderNoticeText('en', n.text!)!)).toEqual([]);
      expect(codesIn(n.message)).toEqual([]);
    }
    const approved = every[every.length - 1].text!;
    expect(renderNoticeText('zh-CN', approved)).toBe(
      '建设用地规划许可已于 2026-02-20 由自然资源和规划部门准予许可。办结通知可在项目页查看、下载。',
    );
    expect(renderNoticeText('en', approved)).toBe(
      'Land-use planning permit was approved by Natural Resources and Planning Bureau on 2026-02-20. The result notice is on the project page.',
    );
    const accepted = every[every.length - 2].text!;
    expect(renderNoticeText('zh-CN', accepted)).toContain(
      '2 个事项开始计时：建设用地规划许可、环境影响评价审批。',
    );
    expect(renderNoticeText('en', accepted)).toContain(
      'the clocks of 2 items run from now on: Land-use planning permit, EIA approval.',
    );
    const overdue = notices.itemOverdue(state, item, clock)[0].text!;
    expect(renderNoticeText('en', overdue)).toContain('(Natural Resources and Planning Bureau)');
    expect(renderNoticeText('zh-CN', overdue)).toContain('（自然资源和规划部门）');
  });

  it('says how many working days an overdue item is late', () => {
    const late = { usedDays: 31, limitDays: 8, dueDate: '2026-02-26' } as ItemClock;
    const [head] = notices.itemOverdue(state, item, late);
    expect(renderNoticeText('zh-CN', head.text!)).toBe(
      '第一小学：建设用地规划许可（自然资源和规划部门）已超期 23 个工作日（时限 8 个工作日，2026-02-26 到期）。',
    );
    expect(head.message).toContain('is 23 working days overdue (limit 8 working days');
  });

  it('joins sentences once: a comment ending a sentence gets no second full stop', () => {
    const rejected = notices.itemRejected(state, item, '请加盖公章。').text!;
    expect(renderNoticeText('zh-CN', rejected)).toBe(
      '建设用地规划许可未予许可：请加盖公章。策划生成阶段等待您重新提交或撤回该事项。',
    );
    const en = notices.itemRejected(state, item, 'Stamp missing.');
    expect(en.message).toBe(
      'Land-use planning permit was rejected: Stamp missing. Stage Plan waits until you resubmit or withdraw the item.',
    );
    for (const lang of NOTICE_LANGUAGES)
      for (const n of every)
        expect(renderNoticeText(lang, n.text!)).not.toMatch(/。。|\.\.(?!\.)|：。/);
    // No comment: no colon before nothing.
    expect(renderNoticeText('zh-CN', notices.stageReturned(state, 'PLAN').text!)).toBe(
      '策划生成阶段被退回。重新准备期间不计时。',
    );
  });

  it('still renders notices stored before names came in both languages', () => {
    const stored: NoticeText = {
      key: 'deficiencyMissedOfficer',
      params: { project: '第一小学', code: '建设用地规划许可', due: '2026-03-02' },
    };
    expect(renderNoticeText('zh-CN', stored)).toBe(
      '第一小学：建设用地规划许可已中止审查，承诺补交的材料自 2026-03-02 起未到。',
    );
    const oldOverdue: NoticeText = {
      key: 'itemOverdue',
      params: {
        project: 'P',
        item: '建设用地规划许可',
        department: 'NRP',
        limit: 8,
        due: '2026-02-26',
      },
    };
    expect(renderNoticeText('en', oldOverdue)).toBe(
      'P: 建设用地规划许可 (NRP) passed its limit of 8 working days (due 2026-02-26).',
    );
  });

  it('gives nothing for a template it does not know, so the reader shows the stored message', () => {
    const future: NoticeText = { key: 'somethingNew' as never, params: {} };
    expect(renderNoticeText('zh-CN', future)).toBeUndefined();
  });
});
