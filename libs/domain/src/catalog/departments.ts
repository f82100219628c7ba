import type { Department } from './types';

/**
 * Default departments. Codes are short uppercase ASCII because each becomes a reviewing
 * officer's username (`officer.NRP`). Names follow the national item lists; a city may give a
 * function to a different bureau by overriding the catalog.
 */
export const defaultDepartments: readonly Department[] = [
  {
    code: 'DRC',
    name: '发展和改革部门',
    nameEn: 'Development and Reform Commission',
    kind: 'GOVERNMENT',
  },
  {
    code: 'NRP',
    name: '自然资源和规划部门',
    nameEn: 'Natural Resources and Planning Bureau',
    kind: 'GOVERNMENT',
  },
  {
    code: 'HCD',
    name: '住房和城乡建设部门',
    nameEn: 'Housing and Urban-Rural Development Bureau',
    kind: 'GOVERNMENT',
  },
  {
    code: 'EEB',
    name: '生态环境部门',
    nameEn: 'Ecology and Environment Bureau',
    kind: 'GOVERNMENT',
  },
  { code: 'CAD', name: '人民防空主管部门', nameEn: 'Civil Air Defence Office', kind: 'GOVERNMENT' },
  { code: 'WRB', name: '水行政主管部门', nameEn: 'Water Resources Bureau', kind: 'GOVERNMENT' },
  { code: 'UMB', name: '城市管理部门', nameEn: 'Urban Management Bureau', kind: 'GOVERNMENT' },
  {
    // Since 2019 fire design review and acceptance belong to housing & construction (MOHURD
    // order 51), but cities run them as an office of their own with its own reviewers and queue.
    code: 'FIRE',
    name: '消防设计审查验收主管部门',
    nameEn: 'Fire Design Review and Acceptance Office',
    kind: 'GOVERNMENT',
  },
  { code: 'CHB', name: '文物主管部门', nameEn: 'Cultural Heritage Bureau', kind: 'GOVERNMENT' },
  { code: 'WATER', name: '供水企业', nameEn: 'Water supply company', kind: 'UTILITY' },
  { code: 'POWER', name: '供电企业', nameEn: 'Power supply company', kind: 'UTILITY' },
  { code: 'GAS', name: '燃气企业', nameEn: 'Gas supply company', kind: 'UTILITY' },
];
