import { deepFreeze } from '../deep-freeze';
import { allOf, when, type Rule } from './rules';

export interface QuestionOption {
  readonly id: string;
  /** Chinese, as shown to applicants. */
  readonly text: string;
  readonly textEn: string;
}

export interface Question {
  readonly id: string;
  /** The question in Chinese. */
  readonly text: string;
  readonly textEn: string;
  /** Short name of the question, used when a checklist explains why an item is on it. */
  readonly label: string;
  readonly labelEn: string;
  /** `single`: exactly one option. `multi`: any number, including none (an empty list). */
  readonly kind: 'single' | 'multi';
  readonly options: readonly QuestionOption[];
}

/** A combination of answers that cannot describe a real project; refused with every question named. */
export interface AnswerExclusion {
  readonly id: string;
  readonly when: Rule;
  readonly message: string;
  readonly messageEn: string;
}

export interface Questionnaire {
  readonly version: string;
  readonly questions: readonly Question[];
  readonly exclusions: readonly AnswerExclusion[];
}

/** Question ids the default catalog's rules refer to. */
export const Q = {
  projectType: 'projectType',
  landAcquisition: 'landAcquisition',
  regionalAssessment: 'regionalAssessment',
  eiaCategory: 'eiaCategory',
  civilAirDefence: 'civilAirDefence',
  fireSpecial: 'fireSpecial',
  belowPermitThreshold: 'belowPermitThreshold',
  utilities: 'utilities',
  municipalWorks: 'municipalWorks',
  culturalRelics: 'culturalRelics',
} as const;

const yesNo = (yes: string, yesEn: string, no: string, noEn: string): QuestionOption[] => [
  { id: 'YES', text: yes, textEn: yesEn },
  { id: 'NO', text: no, textEn: noEn },
];

/**
 * The default questionnaire (智能定制告知): ten questions, Weifang's "5-10 multiple-choice
 * questions". Option ids are stable API values; texts may change between versions.
 */
export const questionnaire: Questionnaire = deepFreeze<Questionnaire>({
  version: '2026.1',
  questions: [
    {
      id: Q.projectType,
      text: '项目的投资类型是？',
      textEn: 'How is the project invested?',
      label: '项目类型',
      labelEn: 'Project type',
      kind: 'single',
      options: [
        { id: 'GOVERNMENT_INVESTED', text: '政府投资项目', textEn: 'Government-invested project' },
        { id: 'SOCIAL_INVESTMENT', text: '社会投资项目', textEn: 'Social-investment project' },
        {
          id: 'SIMPLE_LOW_RISK',
          text: '社会投资简易低风险项目',
          textEn: 'Simple low-risk social-investment project',
        },
      ],
    },
    {
      id: Q.landAcquisition,
      text: '项目用地如何取得？',
      textEn: 'How is the land obtained?',
      label: '用地取得方式',
      labelEn: 'Land acquisition',
      kind: 'single',
      options: [
        { id: 'ALLOCATION', text: '划拨方式取得新增用地', textEn: 'New land by allocation (划拨)' },
        { id: 'GRANT', text: '出让方式取得新增用地', textEn: 'New land by grant (出让)' },
        {
          id: 'OWN_LAND',
          text: '使用已有土地（不新增建设用地）',
          textEn: 'Own existing land (no new construction land)',
        },
      ],
    },
    {
      id: Q.regionalAssessment,
      text: '项目是否位于已完成区域评估的区域（开发区、产业园区等）内？',
      textEn:
        'Is the site inside an area with a completed regional assessment (development zone, industrial park …)?',
      label: '区域评估',
      labelEn: 'Regional assessment',
      kind: 'single',
      options: yesNo('是', 'Yes', '否', 'No'),
    },
    {
      id: Q.eiaCategory,
      text: '按《建设项目环境影响评价分类管理名录》，项目的环评类别是？',
      textEn:
        'Which environmental-impact category does the EIA classification list give the project?',
      label: '环评类别',
      labelEn: 'EIA category',
      kind: 'single',
      options: [
        {
          id: 'REPORT',
          text: '编制环境影响报告书',
          textEn: 'Environmental impact report (报告书)',
        },
        { id: 'TABLE', text: '编制环境影响报告表', textEn: 'Environmental impact table (报告表)' },
        {
          id: 'REGISTRATION',
          text: '填报登记表或不纳入环评管理',
          textEn: 'Registration form (online filing) or outside EIA management',
        },
      ],
    },
    {
      id: Q.civilAirDefence,
      text: '项目是否为应修建防空地下室的民用建筑？',
      textEn: 'Is it a civil building that must build a civil-air-defence basement?',
      label: '人防工程',
      labelEn: 'Civil air defence',
      kind: 'single',
      options: yesNo(
        '是（新建民用建筑）',
        'Yes (new civil building)',
        '否（如工业生产厂房及配套设施）',
        'No (e.g. industrial production buildings)',
      ),
    },
    {
      id: Q.fireSpecial,
      text: '项目是否属于《建设工程消防设计审查验收管理暂行规定》第十四条所列的特殊建设工程？',
      textEn:
        'Is it a special construction project under Art. 14 of the fire design review and acceptance rules (MOHURD order 51)?',
      label: '特殊建设工程（消防）',
      labelEn: 'Special construction project (fire)',
      kind: 'single',
      options: yesNo(
        '是',
        'Yes',
        '否（其他建设工程，实行消防验收备案）',
        'No (other works: fire-acceptance filing)',
      ),
    },
    {
      id: Q.belowPermitThreshold,
      text: '工程投资额或建筑面积是否在施工许可限额以下（国家标准：投资30万元以下或建筑面积300平方米以下，各省可调整）？',
      textEn:
        'Are investment or floor area below the construction-permit threshold (national: CNY 300,000 or 300 m²; provinces may raise it)?',
      label: '施工许可限额',
      labelEn: 'Construction-permit threshold',
      kind: 'single',
      options: yesNo('是，限额以下', 'Yes, below the threshold', '否', 'No'),
    },
    {
      id: Q.utilities,
      text: '项目需要接入哪些市政公用服务？（可多选，不需要则不选）',
      textEn: 'Which utility connections does the project need? (any number, or none)',
      label: '市政公用服务报装',
      labelEn: 'Utility connections',
      kind: 'multi',
      options: [
        { id: 'WATER', text: '供水', textEn: 'Water supply' },
        { id: 'POWER', text: '供电', textEn: 'Power' },
        { id: 'GAS', text: '燃气', textEn: 'Gas' },
      ],
    },
    {
      id: Q.municipalWorks,
      text: '施工是否涉及以下情形？（可多选，不涉及则不选）',
      textEn: 'Do the works involve any of the following? (any number, or none)',
      label: '市政设施与绿地',
      labelEn: 'Roads and green space',
      kind: 'multi',
      options: [
        {
          id: 'ROAD_EXCAVATION',
          text: '挖掘、占用城市道路',
          textEn: 'Digging up or occupying city roads',
        },
        {
          id: 'GREEN_SPACE',
          text: '占用城市绿地或砍伐、迁移城市树木',
          textEn: 'Occupying urban green space or felling/moving city trees',
        },
      ],
    },
    {
      id: Q.culturalRelics,
      text: '项目是否位于文物保护单位的保护范围、建设控制地带或地下文物埋藏区内？',
      textEn:
        'Is the site inside the protection zone or construction-control zone of a protected monument, or an underground relics area?',
      label: '文物保护',
      labelEn: 'Cultural relics',
      kind: 'single',
      options: yesNo('是', 'Yes', '否', 'No'),
    },
  ],
  exclusions: [
    {
      id: 'low-risk-special-fire',
      when: allOf(when(Q.projectType, 'SIMPLE_LOW_RISK'), when(Q.fireSpecial, 'YES')),
      message: '特殊建设工程不属于简易低风险项目',
      messageEn:
        'a special construction project under the fire rules cannot be a simple low-risk project',
    },
    {
      id: 'low-risk-eia-report',
      when: allOf(when(Q.projectType, 'SIMPLE_LOW_RISK'), when(Q.eiaCategory, 'REPORT')),
      message: '需编制环境影响报告书（可能造成重大环境影响）的项目不属于简易低风险项目',
      messageEn:
        'a project that needs an environmental impact report (significant impact) cannot be a simple low-risk project',
    },
  ],
});
