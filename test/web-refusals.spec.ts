import i18next from 'i18next';
import { en } from '../apps/web/src/i18n/en';
import { zh } from '../apps/web/src/i18n/zh-CN';
import { sayRefusal } from '../apps/web/src/components/refusals';

/** Messages the API answers, as it words them (libs/approval guards, DTO validation, guards). */
const MESSAGES = [
  'comment (what the applicant must supply) is required',
  'comment (the reason for the rejection) is required',
  'comment is required when the score is 1 (非常不满意): say what went wrong',
  'name must be shorter than or equal to 200 characters',
  'name should not be empty',
  'this needs one of the roles REVIEWING_OFFICER; you are APPLICANT',
  'item PROJECT_PROPOSAL is APPROVED; REQUEST_SUPPLEMENT needs it UNDER_REVIEW',
  'the project is closed: it takes no more commands',
  'the project is in stage PLAN, not START_PERMIT',
  'procedure.expectedDays must be a whole number of working days, 1-250',
  'holidays: each must be YYYY-MM-DD',
  'creditCode: the check character (the 18th) must be D for this code',
  'deficiency.dueDate must be after today (2026-12-07)',
  'project 0b7c0a4e-0000-4000-8000-000000000000 not found',
  'newPassword: is a common password; choose another',
  'newPassword: must be at least 10 characters',
  'materials missing: PLAN_APPROVAL: 申请表 (APPLICATION); 图纸 (DRAWINGS)',
  'constructionUnits.0.creditCode: the check character (the 18th) must be 3 for this code',
  'projectCode: characters 6 to 11 must be an administrative division code, got 990300',
  'landArea must not be less than 0',
  'master data can no longer change: the PLAN stage was accepted on 2026-12-01',
];

describe('a refusal in the reader’s words', () => {
  const i18n = i18next.createInstance();
  beforeAll(() =>
    i18n.init({
      resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    }),
  );

  it.each(MESSAGES)('%s: in Chinese, with no code and no English word', (m) => {
    const said = sayRefusal(i18n.t, m);
    expect(said.text).not.toMatch(/[A-Z_]{4,}|[a-z]{4,}/);
    expect(said.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the field a message is about, so a form shows it there once', () => {
    expect(sayRefusal(i18n.t, MESSAGES[0])).toEqual({ field: 'comment', text: '请填写意见' });
    expect(sayRefusal(i18n.t, MESSAGES[2]).field).toBe('comment');
    expect(sayRefusal(i18n.t, MESSAGES[9]).field).toBe('procedure.expectedDays');
    expect(sayRefusal(i18n.t, MESSAGES[5]).field).toBeUndefined();
    // A construction unit's field inside the list: the path stays, the name is the field's own.
    const unit = sayRefusal(i18n.t, MESSAGES[17]);
    expect(unit.field).toBe('constructionUnits.0.creditCode');
    expect(unit.text).toContain('建设单位统一社会信用代码');
    expect(sayRefusal(i18n.t, MESSAGES[5]).text).toBe('此页面和操作仅供审批人员使用。');
  });

  it('keeps a message it does not know as the API said it', () => {
    expect(sayRefusal(i18n.t, 'something new happened').text).toBe('something new happened');
  });

  it('says it in English when the reader reads English', async () => {
    await i18n.changeLanguage('en');
    expect(sayRefusal(i18n.t, MESSAGES[0]).text).toBe('Comment is required');
    await i18n.changeLanguage('zh-CN');
  });
});
