import type { Theme } from './types';

/**
 * Themes (主题): groups of items in one stage that are accepted together and run in parallel
 * with the other themes of the stage. Order here is display order.
 */
export const defaultThemes: readonly Theme[] = [
  {
    code: 'PROJECT_APPROVAL',
    stage: 'PLAN',
    name: '项目立项（审批、备案）',
    nameEn: 'Project approval or filing',
  },
  { code: 'LAND_SITE', stage: 'PLAN', name: '用地与选址', nameEn: 'Land and site' },
  {
    code: 'ASSESSMENTS',
    stage: 'PLAN',
    name: '评估评价（多评合一）',
    nameEn: 'Assessments (combined)',
  },
  {
    code: 'DESIGN_PLANNING',
    stage: 'START_PERMIT',
    name: '设计方案与工程规划许可',
    nameEn: 'Design scheme and construction planning permit',
  },
  {
    code: 'DRAWING_REVIEW',
    stage: 'START_PERMIT',
    name: '施工图联合审查（多图联审）',
    nameEn: 'Joint drawing review',
  },
  {
    code: 'CONSTRUCTION_PERMIT',
    stage: 'START_PERMIT',
    name: '施工许可',
    nameEn: 'Construction permit',
  },
  {
    code: 'MUNICIPAL_WORKS',
    stage: 'START_PERMIT',
    name: '市政设施与绿地',
    nameEn: 'City roads and green space',
  },
  {
    code: 'UTILITY_CONNECTIONS',
    stage: 'START_PERMIT',
    name: '水电气报装',
    nameEn: 'Utility connections (water, power, gas)',
  },
  {
    code: 'JOINT_SURVEYING',
    stage: 'COMPLETION',
    name: '联合测绘',
    nameEn: 'Joint surveying and mapping',
  },
  { code: 'JOINT_ACCEPTANCE', stage: 'COMPLETION', name: '联合验收', nameEn: 'Joint acceptance' },
  {
    code: 'PROPERTY_REGISTRATION',
    stage: 'COMPLETION',
    name: '不动产首次登记',
    nameEn: 'First registration of the property',
  },
];
