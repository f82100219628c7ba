/**
 * The wording of every notice, in each language the product speaks. A notice carries its
 * `text` — a template key and the values it names — so each reader sees it in their own
 * language: the web app renders it with the reader's language, mail in Chinese with English
 * below, and the stored `message` is one rendering kept for clients that do not render `text`
 * (and for notices written before `text` existed). Values that are codes (a stage, a pause
 * reason, a joint procedure) are translated here too; a name the catalogue holds in both
 * languages (an item, a department, a theme) comes as `x` (Chinese) and `xEn` (English), and
 * English shows `xEn` where the template says `{{x}}`; free text (an officer's comment, a
 * project name) is shown as written.
 */
import type { JointProcedure, StageCode } from '../../domain/src';
import type { PauseReason } from './pause-reasons';

export const NOTICE_LANGUAGES = ['zh-CN', 'en'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

type Templates = {
  stageReturned: string;
  stageReturnedMaterials: string;
  supplementRequestedMaterials: string;
  itemRejected: string;
  supplementRequested: string;
  specialProcedureStarted: string;
  specialProcedureEnded: string;
  acceptedWithDeficiency: string;
  stillStopped: string;
  jointProcedureScheduled: string;
  siteSurveyStopsClocks: string;
  deficiencyMissedApplicant: string;
  deficiencyMissedOfficer: string;
  itemWarning: string;
  itemWarningStopped: string;
  itemOverdue: string;
  itemOverdueBy: string;
  stageAccepted: string;
  itemApproved: string;
  projectRisk: string;
  rectificationOpened: string;
  rectificationOverdue: string;
  rectificationResponded: string;
  rectificationConfirmed: string;
  rectificationDisputed: string;
  resultRevoked: string;
  preReviewComment: string;
  specialistProposed: string;
  specialistAccepted: string;
  specialistDeclined: string;
};
export type NoticeTextKey = keyof Templates;

/** A notice's wording, independent of language: its template and the values it names. */
export interface NoticeText {
  key: NoticeTextKey;
  params: Record<string, string | number>;
}

/**
 * `{{name}}` is replaced by the value; `stage`, `reason` and `procedure` hold codes, shown in
 * the reader's language. The English templates are the messages notices always had.
 */
const TEMPLATES: Record<NoticeLanguage, Templates> = {
  en: {
    stageReturned:
      'Stage {{stage}} was returned: {{comment}}. No clock runs while you prepare it again.',
    stageReturnedMaterials:
      'Stage {{stage}} was returned: {{comment}}. Hand in again: {{materialsEn}}. No clock runs while you prepare it again.',
    supplementRequestedMaterials:
      'The clock of {{item}} stopped on {{on}}: {{reason}}: {{comment}}. Hand in new versions of: {{materialsEn}}. It resumes when you answer.',
    itemRejected:
      '{{item}} was rejected: {{comment}}. Stage {{stage}} waits until you resubmit or withdraw the item.',
    supplementRequested:
      'The clock of {{item}} stopped on {{on}}: {{reason}}: {{comment}}. It resumes when you answer.',
    specialProcedureStarted:
      'The clock of {{item}} stopped on {{on}} for {{reason}}, expected to take {{days}} working days (until {{until}}); by art. 45 this time is not counted.',
    specialProcedureEnded:
      'The special procedure for {{item}} ended on {{on}}; its clock runs again.',
    acceptedWithDeficiency:
      '{{item}} is reviewed on your commitment to deliver "{{description}}" by {{due}}; if it does not arrive by then the item is suspended.',
    stillStopped:
      'The clock of {{item}} stays stopped on {{on}}: {{reason}} ("{{description}}", due {{due}}). It resumes when you deliver it.',
    jointProcedureScheduled: '{{procedure}} on {{date}} for {{project}}: {{items}}',
    siteSurveyStopsClocks:
      'A joint site survey is scheduled for {{date}}; the clocks of {{items}} stop until every department has recorded its result (art. 45).',
    deficiencyMissedApplicant:
      '"{{description}}" for {{item}} was due on {{due}} and has not arrived: the item is suspended and its clock stopped until you deliver it.',
    deficiencyMissedOfficer:
      '{{project}}: {{item}} suspended, committed materials missing since {{due}}.',
    itemWarning: '{{project}}: {{item}} has used {{used}} of {{limit}} working days; due {{due}}.',
    itemWarningStopped:
      '{{project}}: {{item}} has used {{used}} of {{limit}} working days; due (clock stopped).',
    itemOverdue:
      '{{project}}: {{item}} ({{department}}) passed its limit of {{limit}} working days (due {{due}}).',
    itemOverdueBy:
      '{{project}}: {{item}} ({{department}}) is {{late}} overdue (limit {{limit}} working days, due {{due}}).',
    stageAccepted:
      'Stage {{stage}} was accepted on {{on}}; the clocks of {{count}} items run from now on: {{items}}. The receipt is on the project page.',
    itemApproved:
      '{{item}} was approved by {{department}} on {{on}}. The result notice is on the project page.',
    projectRisk: '{{project}}: {{used}} of {{limit}} working days used on the project clock.',
    rectificationOpened:
      'Rectification after a poor rating: {{what}} was rated {{score}}; reply with what was done by {{due}}.',
    rectificationOverdue:
      'Rectification overdue: {{what}} was to be answered by {{due}} and has not been.',
    rectificationResponded:
      'The rectification of {{what}} has been answered. Please confirm whether it is resolved.',
    rectificationConfirmed:
      'Rectification confirmed: {{what}}; the applicant confirms it is resolved.',
    rectificationDisputed:
      'Rectification disputed: {{what}}; the applicant is not satisfied with the answer.',
    resultRevoked:
      'The approval of {{item}} on your commitment was revoked on {{on}}: the follow-up check by {{department}} failed: {{comment}}.',
    preReviewComment: 'Pre-review of {{item}} by {{department}}: {{comment}}',
    specialistProposed:
      '{{by}} of the service centre proposes {{specialist}} as the specialist of {{project}}. Until you accept, the specialist has no power: accept or decline on the project page.',
    specialistAccepted:
      '{{owner}} accepted {{specialist}} as the specialist of {{project}} (assigned by {{by}}): the specialist now acts for the applicant.',
    specialistDeclined:
      '{{owner}} declined {{specialist}} as the specialist of {{project}} (assigned by {{by}}): the specialist has no power on it.',
  },
  'zh-CN': {
    stageReturned: '{{stage}}阶段被退回：{{comment}}。重新准备期间不计时。',
    stageReturnedMaterials:
      '{{stage}}阶段被退回：{{comment}}。请重新提交：{{materials}}。重新准备期间不计时。',
    supplementRequestedMaterials:
      '{{item}}于 {{on}} 停止计时：{{reason}}：{{comment}}。请提交新版本：{{materials}}。您提交补正材料后恢复计时。',
    itemRejected: '{{item}}未予许可：{{comment}}。{{stage}}阶段等待您重新提交或撤回该事项。',
    supplementRequested:
      '{{item}}于 {{on}} 停止计时：{{reason}}：{{comment}}。您提交补正材料后恢复计时。',
    specialProcedureStarted:
      '{{item}}于 {{on}} 因{{reason}}停止计时，预计 {{days}} 个工作日（至 {{until}}）；依第 45 条，该时间不计入审批时限。',
    specialProcedureEnded: '{{item}}的特别程序已于 {{on}} 结束，恢复计时。',
    acceptedWithDeficiency:
      '{{item}}已容缺受理：您承诺于 {{due}} 前补交“{{description}}”；逾期未补交的，该事项中止审查。',
    stillStopped:
      '{{item}}于 {{on}} 仍停止计时：{{reason}}（“{{description}}”，应于 {{due}} 前补交）。补交后恢复计时。',
    jointProcedureScheduled: '{{project}}：{{date}} {{procedure}}，涉及事项 {{items}}',
    siteSurveyStopsClocks:
      '联合踏勘定于 {{date}}；{{items}} 停止计时，各部门录入结果后恢复（第 45 条）。',
    deficiencyMissedApplicant:
      '{{item}}的容缺材料“{{description}}”应于 {{due}} 前补交，至今未到：该事项中止审查并停止计时，补交后恢复。',
    deficiencyMissedOfficer: '{{project}}：{{item}}已中止审查，承诺补交的材料自 {{due}} 起未到。',
    itemWarning: '{{project}}：{{item}}已用 {{used}}/{{limit}} 个工作日，{{due}} 到期。',
    itemWarningStopped: '{{project}}：{{item}}已用 {{used}}/{{limit}} 个工作日（计时已暂停）。',
    itemOverdue:
      '{{project}}：{{item}}（{{department}}）已超过 {{limit}} 个工作日的时限（{{due}} 到期）。',
    itemOverdueBy:
      '{{project}}：{{item}}（{{department}}）已超期 {{late}} 个工作日（时限 {{limit}} 个工作日，{{due}} 到期）。',
    stageAccepted:
      '{{stage}}阶段已于 {{on}} 受理，{{count}} 个事项开始计时：{{items}}。受理单可在项目页查看、下载。',
    itemApproved: '{{item}}已于 {{on}} 由{{department}}准予许可。办结通知可在项目页查看、下载。',
    projectRisk: '{{project}}：项目总时限已用 {{used}}/{{limit}} 个工作日。',
    rectificationOpened: '差评整改：{{what}} 评分 {{score}}，请于 {{due}} 前答复整改情况。',
    rectificationOverdue: '差评整改逾期：{{what}} 应于 {{due}} 前答复，至今未答复。',
    rectificationResponded: '差评整改已答复：{{what}}。请确认是否已整改到位。',
    rectificationConfirmed: '差评整改已确认：{{what}}，申请人确认已整改到位。',
    rectificationDisputed: '差评整改有异议：{{what}}，申请人对整改答复不满意。',
    resultRevoked:
      '{{item}}的告知承诺审批已于 {{on}} 撤销：{{department}}核查未通过：{{comment}}。',
    preReviewComment: '{{item}}预审意见（{{department}}）：{{comment}}',
    specialistProposed:
      '政务服务中心 {{by}} 为“{{project}}”指派代办专员 {{specialist}}。您同意前，代办专员没有任何权限：请在项目页选择同意或拒绝。',
    specialistAccepted:
      '{{owner}} 已同意由 {{specialist}} 担任“{{project}}”的代办专员（{{by}} 指派）：代办专员即可代为办理。',
    specialistDeclined:
      '{{owner}} 已拒绝由 {{specialist}} 担任“{{project}}”的代办专员（{{by}} 指派）：代办专员对该项目没有权限。',
  },
};

/** The stages' names: the web app's tables use these too (one source). */
export const STAGE_LABELS: Record<NoticeLanguage, Record<StageCode, string>> = {
  'zh-CN': { PLAN: '策划生成', START_PERMIT: '开工许可', COMPLETION: '竣工验收' },
  en: { PLAN: 'Plan', START_PERMIT: 'Start permit', COMPLETION: 'Completion' },
};

/** Why a clock stopped, as a notice says it. */
/** Why a clock stopped, by name: notices, pages and forms all say it this way. */
export const PAUSE_REASON_LABELS: Record<NoticeLanguage, Record<PauseReason, string>> = {
  en: {
    SUPPLEMENT: 'Supplement (补正)',
    DEFICIENCY_OVERDUE: 'Deficiency overdue (容缺)',
    EXPERT_REVIEW: 'Expert review',
    PUBLIC_NOTICE: 'Public notice',
    HEARING: 'Hearing',
    SITE_SURVEY: 'Site survey',
    INSPECTION_TESTING: 'Inspection and testing',
    APPRAISAL: 'Appraisal',
  },
  'zh-CN': {
    SUPPLEMENT: '补正',
    DEFICIENCY_OVERDUE: '容缺材料逾期未交',
    EXPERT_REVIEW: '专家评审',
    PUBLIC_NOTICE: '公示',
    HEARING: '听证',
    SITE_SURVEY: '现场踏勘',
    INSPECTION_TESTING: '检验检测',
    APPRAISAL: '鉴定',
  },
};

/** The joint procedures by name, in notices and pages alike. */
export const JOINT_PROCEDURE_LABELS: Record<NoticeLanguage, Record<JointProcedure, string>> = {
  en: {
    SITE_SURVEY: 'Joint site survey',
    DRAWING_REVIEW: 'Joint drawing review',
    ACCEPTANCE: 'Joint acceptance',
    SURVEYING: 'Joint surveying',
  },
  'zh-CN': {
    SITE_SURVEY: '联合踏勘',
    DRAWING_REVIEW: '多图联审',
    ACCEPTANCE: '联合验收',
    SURVEYING: '联合测绘',
  },
};

/** A notice kind's short name, as a mail subject or a list's tag says it. */
export const NOTICE_KIND_LABELS: Record<NoticeLanguage, Record<string, string>> = {
  'zh-CN': {
    CLOCK_STOPPED: '计时暂停',
    CLOCK_RESUMED: '计时恢复',
    STAGE_RETURNED: '阶段退回',
    ITEM_REJECTED: '事项不予许可',
    STAGE_ACCEPTED: '阶段已受理',
    ITEM_APPROVED: '事项准予许可',
    WARNING: '时限预警',
    OVERDUE_ESCALATION: '超期督办',
    DEFICIENCY_MISSED: '容缺材料逾期',
    JOINT_PROCEDURE_SCHEDULED: '联合程序安排',
    RESULT_REVOKED: '告知承诺许可撤销',
    PRE_REVIEW_COMMENT: '预审意见',
    RECTIFICATION_OPENED: '差评整改',
    RECTIFICATION_OVERDUE: '整改逾期',
    RECTIFICATION_RESPONDED: '整改已答复',
    RECTIFICATION_CONFIRMED: '整改已确认',
    RECTIFICATION_DISPUTED: '整改有异议',
    SPECIALIST_PROPOSED: '指派代办专员',
    SPECIALIST_ACCEPTED: '代办专员已同意',
    SPECIALIST_DECLINED: '代办专员被拒绝',
  },
  en: {
    CLOCK_STOPPED: 'Clock stopped',
    CLOCK_RESUMED: 'Clock resumed',
    STAGE_RETURNED: 'Stage returned',
    ITEM_REJECTED: 'Item rejected',
    STAGE_ACCEPTED: 'Stage accepted',
    ITEM_APPROVED: 'Item approved',
    WARNING: 'Time-limit warning',
    OVERDUE_ESCALATION: 'Overdue escalation',
    DEFICIENCY_MISSED: 'Committed materials missing',
    JOINT_PROCEDURE_SCHEDULED: 'Joint procedure scheduled',
    RESULT_REVOKED: 'Approval revoked',
    PRE_REVIEW_COMMENT: 'Pre-review comment',
    RECTIFICATION_OPENED: 'Rectification',
    RECTIFICATION_OVERDUE: 'Rectification overdue',
    RECTIFICATION_RESPONDED: 'Rectification answered',
    RECTIFICATION_CONFIRMED: 'Rectification confirmed',
    RECTIFICATION_DISPUTED: 'Rectification disputed',
    SPECIALIST_PROPOSED: 'Specialist proposed',
    SPECIALIST_ACCEPTED: 'Specialist accepted',
    SPECIALIST_DECLINED: 'Specialist declined',
  },
};

const CODE_LABELS: Record<string, Record<NoticeLanguage, Record<string, string>>> = {
  stage: STAGE_LABELS,
  reason: PAUSE_REASON_LABELS,
  procedure: JOINT_PROCEDURE_LABELS,
};

/** The language to render in: 'zh', 'zh-CN', 'zh-Hans' → zh-CN; anything else → en. */
export const noticeLanguage = (lang: string | undefined): NoticeLanguage =>
  lang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

/** Params renamed since: a notice stored before names the value the old way. */
const FORMER_PARAM: Record<string, string> = { item: 'code' };

/** Where a sentence ends: a value ending so takes the place of the template's own full stop. */
const SENTENCE_END = /[。．.!?！？…]$/;

/**
 * The template with its values, joining sentences in this one place: a value that ends a
 * sentence ("…公章。") is not followed by a second full stop, and an empty value leaves no colon
 * before nothing ("被退回：。" → "被退回。").
 */
function fill(template: string, value: (name: string) => string): string {
  let out = '';
  let rest = 0;
  for (const m of template.matchAll(/\{\{(\w+)\}\}/g)) {
    out += template.slice(rest, m.index);
    rest = m.index + m[0].length;
    const v = value(m[1]);
    if (v === '') out = out.replace(/(：|: )$/, '');
    else if (SENTENCE_END.test(v) && /^[。.]/.test(template.slice(rest))) rest += 1;
    out += v;
  }
  return out + template.slice(rest);
}

/**
 * The notice's text in `lang`; undefined when the key is unknown (a notice from a newer
 * version): the caller shows the stored message then.
 */
export function renderNoticeText(
  lang: string | undefined,
  text: { key: string; params: NoticeText['params'] },
): string | undefined {
  const language = noticeLanguage(lang);
  const template = (TEMPLATES[language] as Record<string, string | undefined>)[text.key];
  if (template === undefined) return undefined;
  const { params } = text;
  return fill(template, (name) => {
    const value =
      (language === 'en' ? params[`${name}En`] : undefined) ??
      params[name] ??
      (FORMER_PARAM[name] === undefined ? undefined : params[FORMER_PARAM[name]]);
    if (value === undefined) return '';
    return CODE_LABELS[name]?.[language]?.[String(value)] ?? String(value).trim();
  }).trim();
}

/** A notice's `text` with its English rendering as the stored `message`. */
export const noticeText = (key: NoticeTextKey, params: NoticeText['params']) => {
  const text: NoticeText = { key, params };
  return { text, message: renderNoticeText('en', text)! };
};
