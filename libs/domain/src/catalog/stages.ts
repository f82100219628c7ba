import type { Stage } from './types';

/** Weifang's three stages (开工直通车), mapped onto the national four (reference §2.2). */
export const defaultStages: readonly Stage[] = [
  {
    code: 'PLAN',
    name: '策划生成',
    nameEn: 'Project planning and generation',
    nationalStages: [1],
  },
  {
    code: 'START_PERMIT',
    name: '开工许可',
    nameEn: 'Permits to start works',
    nationalStages: [2, 3],
  },
  {
    code: 'COMPLETION',
    name: '竣工验收',
    nameEn: 'Completion and acceptance',
    nationalStages: [4],
  },
];
