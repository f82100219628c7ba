import fc from 'fast-check';
import { overrideCatalog, defaultCatalog } from '../catalog/catalog';
import { defaultPolicies, overridePolicies } from '../policy/policies';
import { AnswersValidationError } from './answers';
import { checklist, checklistItems, type Checklist } from './checklist';
import { questionnaire } from './questions';

/** The checklist as { stage: { theme: [item codes] } }. */
const layout = (list: Checklist) =>
  Object.fromEntries(
    list.stages.map((s) => [
      s.code,
      Object.fromEntries(s.themes.map((t) => [t.code, t.items.map((i) => i.code)])),
    ]),
  );
const waivers = (list: Checklist) =>
  Object.fromEntries(
    list.waived.map((w) => [w.code, w.waivedBecause.map((r) => `${r.questionId}=${r.optionId}`)]),
  );
const item = (list: Checklist, code: string) => checklistItems(list).find((i) => i.code === code);

const governmentSchool = {
  projectType: 'GOVERNMENT_INVESTED',
  landAcquisition: 'ALLOCATION',
  regionalAssessment: 'NO',
  eiaCategory: 'TABLE',
  civilAirDefence: 'YES',
  // A teaching building over 1000 m² is a special construction project (order 51, art. 14).
  fireSpecial: 'YES',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER', 'GAS'],
  municipalWorks: ['ROAD_EXCAVATION'],
  culturalRelics: 'NO',
};

const housingEstate = {
  projectType: 'SOCIAL_INVESTMENT',
  landAcquisition: 'GRANT',
  regionalAssessment: 'NO',
  eiaCategory: 'REGISTRATION',
  civilAirDefence: 'YES',
  fireSpecial: 'NO',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER', 'GAS'],
  municipalWorks: ['GREEN_SPACE'],
  culturalRelics: 'NO',
};

const lowRiskWarehouse = {
  projectType: 'SIMPLE_LOW_RISK',
  landAcquisition: 'OWN_LAND',
  regionalAssessment: 'NO',
  eiaCategory: 'REGISTRATION',
  civilAirDefence: 'NO',
  fireSpecial: 'NO',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER'],
  municipalWorks: [],
  culturalRelics: 'NO',
};

const factoryInRegionalAssessmentArea = {
  projectType: 'SOCIAL_INVESTMENT',
  landAcquisition: 'GRANT',
  regionalAssessment: 'YES',
  eiaCategory: 'TABLE',
  civilAirDefence: 'NO',
  fireSpecial: 'NO',
  belowPermitThreshold: 'NO',
  utilities: ['WATER', 'POWER', 'GAS'],
  municipalWorks: ['ROAD_EXCAVATION'],
  culturalRelics: 'NO',
};

describe('checklist for typical projects', () => {
  it('government-invested school: the full government track, nothing waived', () => {
    const list = checklist(governmentSchool);
    expect(list.projectType).toBe('GOVERNMENT_INVESTED');
    expect(list.limitDays).toBe(80);
    expect(layout(list)).toEqual({
      PLAN: {
        PROJECT_APPROVAL: ['PROJECT_PROPOSAL', 'FEASIBILITY_STUDY'],
        LAND_SITE: ['LAND_PRE_REVIEW', 'LAND_USE_PERMIT'],
        ASSESSMENTS: ['EIA_TABLE', 'ENERGY_REVIEW', 'SOIL_WATER'],
      },
      START_PERMIT: {
        DESIGN_PLANNING: ['PRELIMINARY_DESIGN', 'DESIGN_SCHEME', 'PLANNING_PERMIT'],
        DRAWING_REVIEW: ['CONSTRUCTION_DRAWING_REVIEW', 'FIRE_DESIGN_REVIEW', 'CIVIL_AIR_DEFENCE'],
        CONSTRUCTION_PERMIT: ['TENDER_REPORT', 'CONSTRUCTION_PERMIT'],
        MUNICIPAL_WORKS: ['ROAD_EXCAVATION'],
        UTILITY_CONNECTIONS: ['WATER_CONNECTION', 'POWER_CONNECTION', 'GAS_CONNECTION'],
      },
      COMPLETION: {
        JOINT_SURVEYING: ['JOINT_SURVEYING'],
        JOINT_ACCEPTANCE: [
          'PLANNING_VERIFICATION',
          'FIRE_ACCEPTANCE',
          'CIVIL_AIR_DEFENCE_FILING',
          'ARCHIVES_ACCEPTANCE',
          'COMPLETION_FILING',
        ],
        PROPERTY_REGISTRATION: ['FIRST_REGISTRATION'],
      },
    });
    expect(list.waived).toEqual([]);
    // energy review 5 → feasibility 10; preliminary design 10; acceptance 5 → filing 2 → registration 3
    expect(list.stages.map((s) => [s.code, s.criticalPathDays, s.criticalPathItems])).toEqual([
      ['PLAN', 15, ['ENERGY_REVIEW', 'FEASIBILITY_STUDY']],
      ['START_PERMIT', 10, ['PRELIMINARY_DESIGN']],
      ['COMPLETION', 10, ['PLANNING_VERIFICATION', 'COMPLETION_FILING', 'FIRST_REGISTRATION']],
    ]);
    expect(list.criticalPathDays).toBe(35);
    expect(list.departments).toEqual([
      'DRC',
      'NRP',
      'HCD',
      'EEB',
      'CAD',
      'WRB',
      'UMB',
      'FIRE',
      'WATER',
      'POWER',
      'GAS',
    ]);
  });

  it('social-investment housing estate: filing instead of approval, no site-selection opinion on sold land', () => {
    const list = checklist(housingEstate);
    expect(list.limitDays).toBe(35);
    expect(layout(list)).toEqual({
      PLAN: {
        PROJECT_APPROVAL: ['ENTERPRISE_FILING'],
        LAND_SITE: ['LAND_USE_PERMIT'],
        ASSESSMENTS: ['ENERGY_REVIEW', 'SOIL_WATER'],
      },
      START_PERMIT: {
        DESIGN_PLANNING: ['DESIGN_SCHEME', 'PLANNING_PERMIT'],
        DRAWING_REVIEW: ['CONSTRUCTION_DRAWING_REVIEW', 'CIVIL_AIR_DEFENCE'],
        CONSTRUCTION_PERMIT: ['CONSTRUCTION_PERMIT'],
        MUNICIPAL_WORKS: ['GREEN_SPACE'],
        UTILITY_CONNECTIONS: ['WATER_CONNECTION', 'POWER_CONNECTION', 'GAS_CONNECTION'],
      },
      COMPLETION: {
        JOINT_SURVEYING: ['JOINT_SURVEYING'],
        JOINT_ACCEPTANCE: [
          'PLANNING_VERIFICATION',
          'FIRE_FILING',
          'CIVIL_AIR_DEFENCE_FILING',
          'ARCHIVES_ACCEPTANCE',
          'COMPLETION_FILING',
        ],
        PROPERTY_REGISTRATION: ['FIRST_REGISTRATION'],
      },
    });
    expect(waivers(list)).toEqual({ LAND_PRE_REVIEW: ['landAcquisition=GRANT'] });
    expect(list.criticalPathDays).toBe(5 + 8 + 10);
  });

  it('simple low-risk warehouse: short limits, six items waived by the project type or own land', () => {
    const list = checklist(lowRiskWarehouse);
    expect(list.limitDays).toBe(12);
    expect(layout(list)).toEqual({
      PLAN: { PROJECT_APPROVAL: ['ENTERPRISE_FILING'] },
      START_PERMIT: {
        DESIGN_PLANNING: ['PLANNING_PERMIT'],
        CONSTRUCTION_PERMIT: ['CONSTRUCTION_PERMIT'],
        UTILITY_CONNECTIONS: ['WATER_CONNECTION', 'POWER_CONNECTION'],
      },
      COMPLETION: {
        JOINT_SURVEYING: ['JOINT_SURVEYING'],
        JOINT_ACCEPTANCE: ['PLANNING_VERIFICATION', 'FIRE_FILING', 'COMPLETION_FILING'],
        PROPERTY_REGISTRATION: ['FIRST_REGISTRATION'],
      },
    });
    expect(waivers(list)).toEqual({
      LAND_USE_PERMIT: ['landAcquisition=OWN_LAND'],
      ENERGY_REVIEW: ['projectType=SIMPLE_LOW_RISK'],
      SOIL_WATER: ['projectType=SIMPLE_LOW_RISK'],
      DESIGN_SCHEME: ['projectType=SIMPLE_LOW_RISK'],
      CONSTRUCTION_DRAWING_REVIEW: ['projectType=SIMPLE_LOW_RISK'],
      ARCHIVES_ACCEPTANCE: ['projectType=SIMPLE_LOW_RISK'],
    });
    // The low-risk promised limits apply, not the defaults.
    expect(item(list, 'PLANNING_PERMIT')!.limitDays).toBe(2);
    expect(item(list, 'CONSTRUCTION_PERMIT')!.limitDays).toBe(1);
    expect(item(list, 'PLANNING_PERMIT')!.prerequisites).toEqual([]);
    expect(list.criticalPathDays).toBe(1 + 2 + 3);
  });

  it('inside a regional-assessment area: energy and soil & water are waived by that answer', () => {
    const inside = checklist(factoryInRegionalAssessmentArea);
    const outside = checklist({ ...factoryInRegionalAssessmentArea, regionalAssessment: 'NO' });
    expect(layout(inside).PLAN).toEqual({
      PROJECT_APPROVAL: ['ENTERPRISE_FILING'],
      LAND_SITE: ['LAND_USE_PERMIT'],
      ASSESSMENTS: ['EIA_TABLE'],
    });
    expect(waivers(inside)).toEqual({
      LAND_PRE_REVIEW: ['landAcquisition=GRANT'],
      ENERGY_REVIEW: ['regionalAssessment=YES'],
      SOIL_WATER: ['regionalAssessment=YES'],
    });
    const codes = (list: Checklist) => checklistItems(list).map((i) => i.code);
    expect(codes(outside).filter((c) => !codes(inside).includes(c))).toEqual([
      'ENERGY_REVIEW',
      'SOIL_WATER',
    ]);
    expect(inside.waived.find((w) => w.code === 'ENERGY_REVIEW')!.note).toContain('区域评估');
  });

  it('a low-risk project inside a regional-assessment area names both answers behind the waiver', () => {
    const list = checklist({ ...lowRiskWarehouse, regionalAssessment: 'YES' });
    expect(waivers(list).ENERGY_REVIEW).toEqual([
      'projectType=SIMPLE_LOW_RISK',
      'regionalAssessment=YES',
    ]);
  });

  it('works below the permit threshold need no construction permit', () => {
    const list = checklist({ ...housingEstate, belowPermitThreshold: 'YES' });
    expect(item(list, 'CONSTRUCTION_PERMIT')).toBeUndefined();
    expect(waivers(list).CONSTRUCTION_PERMIT).toEqual(['belowPermitThreshold=YES']);
  });

  it('a site in a cultural-relics area adds the relics permit, with the answer behind it', () => {
    const list = checklist({ ...housingEstate, culturalRelics: 'YES' });
    expect(item(list, 'CULTURAL_RELICS')).toMatchObject({
      department: 'CHB',
      limitDays: 5,
      jointProcedure: 'SITE_SURVEY',
      requiredBecause: [
        {
          questionId: 'culturalRelics',
          optionId: 'YES',
          text: '文物保护：是',
          textEn: 'culturalRelics = YES (Cultural relics: Yes)',
        },
      ],
    });
  });

  it('explains a multi-choice requirement with the option that triggered it', () => {
    const list = checklist(governmentSchool);
    expect(item(list, 'GAS_CONNECTION')!.requiredBecause.map((r) => r.text)).toEqual([
      '市政公用服务报装：燃气',
    ]);
    expect(item(list, 'FEASIBILITY_STUDY')!.requiredBecause.map((r) => r.textEn)).toEqual([
      'projectType = GOVERNMENT_INVESTED (Project type: Government-invested project)',
    ]);
  });
});

describe('checklist output', () => {
  it('is plain JSON with the shape of POST /api/checklists', () => {
    const list = checklist(housingEstate);
    const json = JSON.parse(JSON.stringify(list)) as Checklist;
    expect(json).toEqual(list);
    expect(json).toEqual(
      expect.objectContaining({
        projectType: 'SOCIAL_INVESTMENT',
        limitDays: 35,
        criticalPathDays: expect.any(Number),
        stages: expect.any(Array),
        waived: expect.any(Array),
      }),
    );
    expect(json.stages.map((s) => s.code)).toEqual(['PLAN', 'START_PERMIT', 'COMPLETION']);
    const first = json.stages[0].themes[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['code', 'name', 'items']));
    expect(Object.keys(first.items[0])).toEqual(
      expect.arrayContaining(['code', 'name', 'department', 'limitDays', 'requiredBecause']),
    );
    expect(Object.keys(json.waived[0])).toEqual(
      expect.arrayContaining(['code', 'name', 'waivedBecause']),
    );
    expect(json.versions).toEqual({
      catalog: defaultCatalog.version,
      questionnaire: questionnaire.version,
      policies: defaultPolicies.version,
    });
  });

  it('refuses invalid answers with the questions named', () => {
    expect(() =>
      checklist({ ...housingEstate, projectType: undefined, utilities: ['STEAM'] }),
    ).toThrow(AnswersValidationError);
    try {
      checklist({ ...housingEstate, projectType: undefined, utilities: ['STEAM'] });
    } catch (error) {
      expect((error as AnswersValidationError).questionIds).toEqual(['projectType', 'utilities']);
    }
  });

  it("uses a region's catalog and policies when given", () => {
    const catalog = overrideCatalog(defaultCatalog, {
      version: 'region-1',
      items: [{ code: 'PLANNING_PERMIT', promisedLimitDays: 8 }],
    });
    const policies = overridePolicies(defaultPolicies, {
      version: 'region-policy-1',
      byType: { SOCIAL_INVESTMENT: { limitDays: 30, stageBudgets: null } },
    });
    const list = checklist(housingEstate, { catalog, policies });
    expect(item(list, 'PLANNING_PERMIT')!.limitDays).toBe(8);
    expect(list.stages[1].criticalPathDays).toBe(5 + 8);
    expect(list.criticalPathDays).toBe(5 + 13 + 10);
    expect(list.limitDays).toBe(30);
    expect(list.warningThresholdDays).toBe(24);
    expect(list.stages.map((s) => s.budgetDays)).toEqual([null, null, null]);
    expect(list.versions).toMatchObject({ catalog: 'region-1', policies: 'region-policy-1' });
    // The default is untouched.
    expect(item(checklist(housingEstate), 'PLANNING_PERMIT')!.limitDays).toBe(3);
  });
});

describe('checklist invariants (property)', () => {
  const answers = fc
    .record(
      Object.fromEntries(
        questionnaire.questions.map((q) => [
          q.id,
          q.kind === 'single'
            ? fc.constantFrom(...q.options.map((o) => o.id))
            : fc.subarray(q.options.map((o) => o.id)),
        ]),
      ),
    )
    .filter(
      (a) =>
        !(
          a.projectType === 'SIMPLE_LOW_RISK' &&
          (a.fireSpecial === 'YES' || a.eiaCategory === 'REPORT')
        ),
    );

  it('every listed item is explained by chosen answers, and nothing is both required and waived', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const list = checklist(a);
        const items = checklistItems(list);
        const chosen = (questionId: string, optionId: string) =>
          ([] as string[]).concat(a[questionId]).includes(optionId);
        for (const i of items) {
          expect(i.requiredBecause.length).toBeGreaterThan(0);
          for (const r of i.requiredBecause) expect(chosen(r.questionId, r.optionId)).toBe(true);
          expect(i.limitDays).toBeLessThanOrEqual(i.statutoryLimitDays);
          for (const p of i.prerequisites) expect(items.some((o) => o.code === p)).toBe(true);
        }
        for (const w of list.waived) {
          expect(w.waivedBecause.length).toBeGreaterThan(0);
          for (const r of w.waivedBecause) expect(chosen(r.questionId, r.optionId)).toBe(true);
          expect(items.some((i) => i.code === w.code)).toBe(false);
        }
        expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
        expect(list.criticalPathDays).toBe(
          list.stages.reduce((s, st) => s + st.criticalPathDays, 0),
        );
        expect([...list.departments].sort()).toEqual(
          [...new Set(items.map((i) => i.department))].sort(),
        );
      }),
    );
  });
});
