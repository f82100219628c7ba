/**
 * The API's refusals in the reader's language: the one place that turns a refusal's message
 * (the API words them in English, naming the field first: "comment … is required", "name must
 * be shorter than …", "item X is SUBMITTED; APPROVE needs it …") into zh-CN or en text, with the
 * field it names, so a form puts it next to that field and the rest goes above the form.
 */
import type { TFunction } from 'i18next';

/** One refusal, said: the API field it names (dotted path), if any, and the text. */
export interface Said {
  field?: string;
  text: string;
}

const FIELD = String.raw`([a-zA-Z][\w]*(?:\.[\w]+|\[\d+\](?:\.\w+)?)*)`;

/** "ITEM: 申请表 (APPLICATION); …" or "申请表 (APPLICATION), …" → "申请表、…". */
function names(list: string, t: TFunction): string {
  return list
    .split(/; |, /)
    .map((x) => x.replace(/^[A-Z][A-Z0-9_]*: /, '').replace(/ \([A-Z][A-Z0-9_]*\)$/, ''))
    .join(t('common.separator'));
}

/** A field's name as the reader knows it ("procedure.expectedDays" → 预计工作日). */
export function fieldName(t: TFunction, field: string): string {
  const key = field.replace(/\[\d+\]|\.\d+(?=\.|$)/g, '').replace(/\./g, '_');
  return t(`say.field.${key}`, { defaultValue: t('say.field.unknown') });
}

type Rule = [RegExp, (m: RegExpExecArray, t: TFunction) => Said];

const status = (t: TFunction, s: string) => t(`status.${s}`, { defaultValue: s });
const fieldSaid =
  (key: string) =>
  (m: RegExpExecArray, t: TFunction): Said => ({
    field: m[1],
    text: t(key, { field: fieldName(t, m[1]), n: m[2] }),
  });

const RULES: Rule[] = [
  [
    /^materials missing: (.*?); accept them with deficiency.*$/,
    (m, t) => ({ text: t('refusal.uncovered', { materials: names(m[1], t) }) }),
  ],
  [
    /^materials missing: (.*)$/,
    (m, t) => ({ text: t('refusal.missing', { materials: names(m[1], t) }) }),
  ],
  [
    /^hand in new versions first: (.*)$/,
    (m, t) => ({ text: t('refusal.newVersions', { materials: names(m[1], t) }) }),
  ],
  [
    /^hand in first: (.*)$/,
    (m, t) => ({ text: t('refusal.handInFirst', { materials: names(m[1], t) }) }),
  ],
  [
    /^item \S+ has materials that need correction: (.*); request a supplement$/,
    (m, t) => ({ text: t('refusal.needsCorrection', { materials: names(m[1], t) }) }),
  ],
  [
    /^this needs one of the roles (.+); you are (\S+)$/,
    (m, t) => ({
      text: t('say.role', {
        roles: m[1]
          .split(', ')
          .map((r) => t(`role.${r}`))
          .join(t('common.separator')),
      }),
    }),
  ],
  [/^comment is required when the score is 1/, () => ({ field: 'comment', text: '' })],
  [new RegExp(`^${FIELD}(?: \\(.*?\\))? is required\\b`), fieldSaid('say.required')],
  [new RegExp(`^${FIELD} should not be empty$`), fieldSaid('say.required')],
  [
    new RegExp(`^${FIELD} must be shorter than or equal to (\\d+) characters$`),
    fieldSaid('say.tooLong'),
  ],
  [
    new RegExp(`^${FIELD} must be longer than or equal to (\\d+) characters$`),
    fieldSaid('say.tooShort'),
  ],
  [new RegExp(`^${FIELD} must not be less than (\\S+)$`), fieldSaid('say.min')],
  [new RegExp(`^${FIELD} must not be greater than (\\S+)$`), fieldSaid('say.max')],
  [new RegExp(`^${FIELD} must be after today`), fieldSaid('say.afterToday')],
  [new RegExp(`^${FIELD} must be today or later`), fieldSaid('say.todayOrLater')],
  [
    /^property (\S+) should not exist$/,
    (m, t) => ({ text: t('say.unknownField', { field: m[1] }) }),
  ],
  [
    /^item \S+ is (\S+); \S+ needs it/,
    (m, t) => ({ text: t('say.itemState', { status: status(t, m[1]) }) }),
  ],
  [
    /^item \S+ is already (\S+)$/,
    (m, t) => ({ text: t('say.itemAlready', { status: status(t, m[1]) }) }),
  ],
  [
    /^item \S+ is (\S+); no supplement was requested$/,
    (_m, t) => ({ text: t('say.noSupplement') }),
  ],
  [
    /^projectCode: (\S+) belongs to another project$/,
    (m, t) => ({ field: 'projectCode', text: t('refusal.codeTaken', { code: m[1] }) }),
  ],
  [/^master data can no longer change/, (_m, t) => ({ text: t('refusal.masterLocked') })],
  [/^the project is closed/, (_m, t) => ({ text: t('say.projectClosed') })],
  [
    /^the project is (COMPLETED|REJECTED|WITHDRAWN)$/,
    (m, t) => ({ text: t('say.projectEnded', { status: t(`projectStatus.${m[1]}`) }) }),
  ],
  [
    /^the project is in stage (\S+), not (\S+)$/,
    (m, t) => ({ text: t('say.wrongStage', { stage: t(`stage.${m[1]}`) }) }),
  ],
  [/not found$/, (_m, t) => ({ text: t('say.notFound') })],
  [new RegExp(`^${FIELD}:? .*YYYY-MM-DD`), fieldSaid('say.dateFormat')],
  [new RegExp(`^${FIELD}: is a common password`), fieldSaid('say.commonPassword')],
  [new RegExp(`^${FIELD}: must not contain the username`), fieldSaid('say.noUsername')],
  [new RegExp(`^${FIELD}: must be at least (\\d+) characters`), fieldSaid('say.tooShort')],
  [new RegExp(`^${FIELD}: must be at most (\\d+) characters`), fieldSaid('say.tooLong')],
  [
    new RegExp(`^${FIELD}: the check character \\(the 18th\\) must be (\\S)`),
    fieldSaid('say.checkChar'),
  ],
  [new RegExp(`^${FIELD} must be `), fieldSaid('say.invalidField')],
  [new RegExp(`^${FIELD}: `), fieldSaid('say.invalidField')],
];

/** One message of the API's refusal, in words the reader reads, with the field it names. */
export function sayRefusal(t: TFunction, message: string): Said {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (!m) continue;
    const said = say(m, t);
    // The rating rule's text needs the field's own words.
    if (!said.text && said.field) said.text = t('say.lowRatingComment');
    return said;
  }
  return { text: message };
}

/** The message in words the reader reads, or as the API said it when it is none of these. */
export function wordRefusal(t: TFunction, message: string): string {
  return sayRefusal(t, message).text;
}
