import i18next from 'i18next';
import { en } from '../apps/web/src/i18n/en';
import { zh } from '../apps/web/src/i18n/zh-CN';
import { sayRefusal } from '../apps/web/src/components/refusals';
import { REFUSAL_KEYS } from '../libs/approval/src';
import { API_REFUSAL_KEYS } from '../apps/api/src/common/refusal-body';

/** Field refusals the API answers, as it words them (DTO validation, guards, field checks). */
const MESSAGES = [
  'comment (what the applicant must supply) is required',
  'comment (the reason for the rejection) is required',
  'comment is required when the score is 1 (非常不满意): say what went wrong',
  'name must be shorter than or equal to 200 characters',
  'name should not be empty',
  'this needs one of the roles REVIEWING_OFFICER; you are APPLICANT',
  'procedure.expectedDays must be a whole number of working days, 1-250',
  'holidays: each must be YYYY-MM-DD',
  'creditCode: the check character (the 18th) must be D for this code',
  'deficiency.dueDate must be after today (2026-12-07)',
  'project 0b7c0a4e-0000-4000-8000-000000000000 not found',
  'newPassword: is a common password; choose another',
  'newPassword: must be at least 10 characters',
  'constructionUnits.0.creditCode: the check character (the 18th) must be 3 for this code',
  'projectCode: characters 6 to 11 must be an administrative division code, got 990300',
  'landArea must not be less than 0',
  'toWindow: w2 is a window of the same region as the contact (全国（默认）, CN); a hand-over goes to a window of another level or region',
  'region: unknown region "379999"',
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
    expect(sayRefusal(i18n.t, MESSAGES[6]).field).toBe('procedure.expectedDays');
    expect(sayRefusal(i18n.t, MESSAGES[5]).field).toBeUndefined();
    // A construction unit's field inside the list: the path stays, the name is the field's own.
    const unit = sayRefusal(i18n.t, MESSAGES[13]);
    expect(unit.field).toBe('constructionUnits.0.creditCode');
    expect(unit.text).toContain('建设单位统一社会信用代码');
    expect(sayRefusal(i18n.t, MESSAGES[5]).text).toBe('此页面和操作仅供审批人员使用。');
    // A hand-over within the contact's own region: said beside the receiving window.
    expect(sayRefusal(i18n.t, MESSAGES[16])).toEqual({
      field: 'toWindow',
      text: '只能移交给其他层级或地区的窗口，所选窗口与首接负责人属同一行政区域',
    });
    expect(sayRefusal(i18n.t, MESSAGES[17])).toEqual({
      field: 'region',
      text: '行政区域填写有误',
    });
  });

  /** Every parameter a reason may carry, as the commands send them. */
  const PARAMS = {
    item: { name: '建设工程规划许可证核发', nameEn: 'Construction planning permit' },
    material: { name: '申请表', nameEn: 'Application form' },
    theme: { name: '立项用地主题', nameEn: 'Project and land' },
    materials: [
      { name: '申请表', nameEn: 'Application form' },
      { name: '设计图纸', nameEn: 'Design drawings' },
    ],
    status: 'UNDER_REVIEW',
    stage: 'START_PERMIT',
    type: 'SITE_SURVEY',
    dueDate: '2027-01-08',
    used: 10,
    max: 15,
    department: 'DRC',
    // A person's name is said as it is written.
    contact: 'Li Na',
  };

  it.each([...REFUSAL_KEYS, ...API_REFUSAL_KEYS])(
    'says the reason %s in Chinese and in English, naming things in that language',
    async (key) => {
      // A status is the item's or stage's, else the material's or the project's.
      const status = { PROJECT_NOT_OPEN: 'COMPLETED', MATERIAL_STATE: 'WAIVED' }[key as string];
      const reason = { key, params: { ...PARAMS, status: status ?? PARAMS.status } };
      const zhText = sayRefusal(i18n.t, 'english words the page must not show', reason).text;
      expect(zhText).toMatch(/[\u4e00-\u9fff]/);
      expect(zhText).not.toMatch(/[A-Z_]{4,}|[a-z]{4,}|\{\{/);
      await i18n.changeLanguage('en');
      const enText = sayRefusal(i18n.t, 'ignored', reason).text;
      await i18n.changeLanguage('zh-CN');
      expect(enText).not.toMatch(/[\u4e00-\u9fff]|[A-Z_]{4,}|\{\{/);
      expect(enText).not.toBe(i18n.t('error.conflict'));
    },
  );

  it('names the materials a reason lists, each in the reader’s language', async () => {
    const reason = { key: 'MATERIALS_MISSING', params: { materials: PARAMS.materials } };
    expect(sayRefusal(i18n.t, 'x', reason).text).toBe('尚缺必需材料：申请表、设计图纸');
    await i18n.changeLanguage('en');
    expect(sayRefusal(i18n.t, 'x', reason).text).toBe(
      'Required materials missing: Application form; Design drawings',
    );
    await i18n.changeLanguage('zh-CN');
  });

  it('says a taken code or name is taken, next to its field', () => {
    expect(sayRefusal(i18n.t, 'username: zhang.san exists')).toEqual({
      field: 'username',
      text: `该${i18n.t('say.field.username', { defaultValue: i18n.t('say.field.unknown') })}已被使用`,
    });
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
