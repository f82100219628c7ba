import { clone } from '../../test/answers-space';
import { STAGE_CODES } from '../project-types';
import { defaultCatalog, defaultCatalogData, findItem, overrideCatalog } from './catalog';
import { CatalogValidationError, ITEM_CODE_PATTERN, loadCatalog } from './load-catalog';

type MutableData = {
  version: string;
  departments: Record<string, unknown>[];
  stages: Record<string, unknown>[];
  themes: Record<string, unknown>[];
  items: Record<string, unknown>[];
};

const data = (): MutableData => clone(defaultCatalogData) as unknown as MutableData;
const item = (d: MutableData, code: string) => {
  const found = d.items.find((i) => i.code === code);
  if (!found) throw new Error(`test setup: no item ${code}`);
  return found;
};

/** Loads and returns the refusal, failing the test if the data was accepted. */
function refusal(d: unknown): CatalogValidationError {
  try {
    loadCatalog(d);
  } catch (error) {
    if (error instanceof CatalogValidationError) return error;
    throw error;
  }
  throw new Error('expected the catalog to be refused');
}

describe('default catalog', () => {
  it('has the three stages in order, about ten themes and about thirty items', () => {
    expect(defaultCatalog.stages.map((s) => s.code)).toEqual([...STAGE_CODES]);
    expect(defaultCatalog.themes.length).toBeGreaterThanOrEqual(9);
    expect(defaultCatalog.themes.length).toBeLessThanOrEqual(12);
    expect(defaultCatalog.items.length).toBeGreaterThanOrEqual(28);
    expect(defaultCatalog.items.length).toBeLessThanOrEqual(35);
  });

  it('has the departments the design names, NRP among them, and the utilities as providers', () => {
    const codes = defaultCatalog.departments.map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining([
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
      ]),
    );
    const utilities = defaultCatalog.departments
      .filter((d) => d.kind === 'UTILITY')
      .map((d) => d.code);
    expect(utilities.sort()).toEqual(['GAS', 'POWER', 'WATER']);
    for (const department of defaultCatalog.departments) {
      expect(`officer.${department.code}`).toMatch(/^officer\.[A-Z][A-Z0-9_]+$/);
      expect(department.name).toMatch(/[\u4e00-\u9fff]/);
      expect(department.nameEn).toMatch(/[A-Za-z]/);
    }
  });

  it('gives every item URL-safe code, a Chinese and an English name, and promised ≤ statutory', () => {
    for (const it of defaultCatalog.items) {
      expect(it.code).toMatch(ITEM_CODE_PATTERN);
      expect(encodeURIComponent(it.code)).toBe(it.code);
      expect(it.name).toMatch(/[\u4e00-\u9fff]/);
      expect(it.nameEn).toMatch(/[A-Za-z]/);
      expect(it.promisedLimitDays).toBeLessThanOrEqual(it.statutoryLimitDays);
    }
  });

  it('keeps prerequisites inside a stage rare', () => {
    const inStage = defaultCatalog.items.flatMap((it) =>
      it.prerequisites.filter((p) => findItem(defaultCatalog, p)?.stage === it.stage),
    );
    expect(inStage.length).toBeLessThanOrEqual(defaultCatalog.items.length / 3);
  });

  it('is frozen, so workflow code cannot change it for the next run', () => {
    const it = defaultCatalog.items[0];
    expect(() => {
      (it as { promisedLimitDays: number }).promisedLimitDays = 99;
    }).toThrow(TypeError);
    expect(() => (defaultCatalog.items as unknown[]).push({})).toThrow(TypeError);
  });

  it('fills optional fields when loading', () => {
    const proposal = findItem(defaultCatalog, 'PROJECT_PROPOSAL')!;
    expect(proposal.prerequisites).toEqual([]);
    expect(proposal.jointProcedure).toBeNull();
    expect(proposal.waivedWhen).toBeNull();
    expect(proposal.promisedLimitDaysByType).toEqual({});
  });
});

describe('loadCatalog refusals name the entry', () => {
  it('refuses an item of an unknown department', () => {
    const d = data();
    item(d, 'PLANNING_PERMIT').department = 'PLANNING';
    const error = refusal(d);
    expect(error.issues).toEqual([
      { entry: 'item PLANNING_PERMIT', message: 'unknown department "PLANNING"' },
    ]);
    expect(error.message).toContain('item PLANNING_PERMIT: unknown department "PLANNING"');
  });

  it('refuses a duplicate item code', () => {
    const d = data();
    d.items.push({ ...item(d, 'EIA_TABLE') });
    expect(refusal(d).issues).toEqual([
      { entry: 'item EIA_TABLE', message: 'duplicate item code' },
    ]);
  });

  it('refuses a duplicate department code and a duplicate theme code', () => {
    const d = data();
    d.departments.push({ ...d.departments[1] });
    d.themes.push({ ...d.themes[0] });
    const error = refusal(d);
    expect(error.issues).toEqual([
      { entry: 'department NRP', message: 'duplicate department code' },
      { entry: 'theme PROJECT_APPROVAL', message: 'duplicate theme code' },
    ]);
  });

  it('refuses an item placed in a theme of another stage', () => {
    const d = data();
    item(d, 'CONSTRUCTION_PERMIT').theme = 'JOINT_ACCEPTANCE';
    expect(refusal(d).issues).toEqual([
      {
        entry: 'item CONSTRUCTION_PERMIT',
        message:
          "theme JOINT_ACCEPTANCE belongs to stage COMPLETION, not to the item's stage START_PERMIT",
      },
    ]);
  });

  it('refuses a prerequisite cycle and names the items in it', () => {
    const d = data();
    item(d, 'DESIGN_SCHEME').prerequisites = ['PLANNING_PERMIT'];
    const error = refusal(d);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].message).toMatch(
      /prerequisite cycle (DESIGN_SCHEME → PLANNING_PERMIT → DESIGN_SCHEME|PLANNING_PERMIT → DESIGN_SCHEME → PLANNING_PERMIT)/,
    );
    expect(error.issues[0].entry).toMatch(/^item (DESIGN_SCHEME|PLANNING_PERMIT)$/);
  });

  it('refuses a longer cycle across themes of one stage', () => {
    const d = data();
    item(d, 'PROJECT_PROPOSAL').prerequisites = ['SOIL_WATER'];
    item(d, 'SOIL_WATER').prerequisites = ['FEASIBILITY_STUDY'];
    const error = refusal(d);
    expect(error.message).toContain(
      'PROJECT_PROPOSAL → SOIL_WATER → FEASIBILITY_STUDY → PROJECT_PROPOSAL',
    );
  });

  it('refuses an item that is its own prerequisite, an unknown one, and one in a later stage', () => {
    const d = data();
    item(d, 'EIA_TABLE').prerequisites = ['EIA_TABLE'];
    item(d, 'EIA_REPORT').prerequisites = ['NO_SUCH_ITEM'];
    item(d, 'ENTERPRISE_FILING').prerequisites = ['CONSTRUCTION_PERMIT'];
    // In catalog order.
    expect(refusal(d).issues).toEqual([
      {
        entry: 'item ENTERPRISE_FILING',
        message: 'prerequisite CONSTRUCTION_PERMIT is in the later stage START_PERMIT',
      },
      { entry: 'item EIA_REPORT', message: 'unknown prerequisite NO_SUCH_ITEM' },
      { entry: 'item EIA_TABLE', message: 'lists itself as a prerequisite' },
    ]);
  });

  it.each([
    ['zero', 0],
    ['negative', -3],
    ['fractional', 2.5],
    ['a string', '5'],
    ['missing', undefined],
    ['not finite', Infinity],
  ])('refuses a promised limit that is %s', (_label, value) => {
    const d = data();
    item(d, 'GREEN_SPACE').promisedLimitDays = value;
    const error = refusal(d);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].entry).toBe('item GREEN_SPACE');
    expect(error.issues[0].message).toMatch(
      /^promisedLimitDays must be a positive whole number of working days, got /,
    );
  });

  it('refuses a statutory limit that is not a positive whole number, and a per-type limit of 0', () => {
    const d = data();
    item(d, 'FIRE_FILING').statutoryLimitDays = 0;
    item(d, 'FIRST_REGISTRATION').promisedLimitDaysByType = { SIMPLE_LOW_RISK: 0 };
    const error = refusal(d);
    expect(error.issues.map((i) => i.entry)).toEqual([
      'item FIRE_FILING',
      'item FIRST_REGISTRATION',
    ]);
    expect(error.issues[0].message).toBe(
      'statutoryLimitDays must be a positive whole number of working days, got 0',
    );
    expect(error.issues[1].message).toBe(
      'promisedLimitDaysByType.SIMPLE_LOW_RISK must be a positive whole number of working days, got 0',
    );
  });

  it('refuses a promised limit above the statutory one', () => {
    const d = data();
    item(d, 'CONSTRUCTION_PERMIT').promisedLimitDays = 8;
    expect(refusal(d).issues).toEqual([
      {
        entry: 'item CONSTRUCTION_PERMIT',
        message: 'promisedLimitDays 8 exceeds the statutory limit 7',
      },
    ]);
  });

  it('refuses rules that name an unknown question or option', () => {
    const d = data();
    item(d, 'GAS_CONNECTION').requiredWhen = { question: 'heating', anyOf: ['YES'] };
    item(d, 'WATER_CONNECTION').requiredWhen = {
      any: [{ question: 'utilities', anyOf: ['WATER', 'STEAM'] }],
    };
    item(d, 'POWER_CONNECTION').waivedWhen = { all: [] };
    expect(refusal(d).issues).toEqual([
      {
        entry: 'item WATER_CONNECTION',
        message: 'requiredWhen.any[0] refers to unknown option "STEAM" of question utilities',
      },
      {
        entry: 'item POWER_CONNECTION',
        message: 'waivedWhen.all must be a non-empty list of rules',
      },
      {
        entry: 'item GAS_CONNECTION',
        message: 'requiredWhen refers to unknown question "heating"',
      },
    ]);
  });

  it('refuses codes that are not URL-safe or could not be a username', () => {
    const d = data();
    item(d, 'GREEN_SPACE').code = 'green space/1';
    d.departments.push({ code: 'fire.dept', name: '消防', nameEn: 'Fire', kind: 'GOVERNMENT' });
    const entries = refusal(d).issues.map((i) => i.entry);
    expect(entries).toEqual(['department fire.dept', 'item green space/1']);
  });

  it('refuses a catalog whose stages are not the three in order, and a theme of an unknown stage', () => {
    const d = data();
    d.stages.reverse();
    d.themes.push({ code: 'DEMOLITION', stage: 'DEMOLITION', name: '拆除', nameEn: 'Demolition' });
    const issues = refusal(d).issues;
    expect(issues).toContainEqual({
      entry: 'catalog',
      message:
        'stages must be PLAN, START_PERMIT, COMPLETION in this order, got COMPLETION, START_PERMIT, PLAN',
    });
    expect(issues).toContainEqual({
      entry: 'theme DEMOLITION',
      message: 'unknown stage "DEMOLITION"',
    });
  });

  it('lists every problem at once', () => {
    const d = data();
    item(d, 'PLANNING_PERMIT').department = 'XX';
    item(d, 'EIA_REPORT').statutoryLimitDays = 1.5;
    d.version = '';
    expect(refusal(d).issues.map((i) => i.entry)).toEqual([
      'catalog',
      'item EIA_REPORT',
      'item PLANNING_PERMIT',
    ]);
  });

  it('refuses what is not a catalog at all', () => {
    expect(refusal(null).issues).toEqual([{ entry: 'catalog', message: 'must be an object' }]);
    expect(refusal({ version: 'x' }).issues.map((i) => i.message)).toEqual([
      'departments must be an array, got nothing',
      'stages must be an array, got nothing',
      'stages must be PLAN, START_PERMIT, COMPLETION in this order, got none',
      'themes must be an array, got nothing',
      'items must be an array, got nothing',
    ]);
  });
});

describe('overrideCatalog', () => {
  it('changes an item of a region and keeps the rest', () => {
    const regional = overrideCatalog(defaultCatalog, {
      version: 'weifang-2026.1',
      items: [{ code: 'EIA_REPORT', promisedLimitDays: 12 }],
    });
    expect(regional.version).toBe('weifang-2026.1');
    expect(findItem(regional, 'EIA_REPORT')!.promisedLimitDays).toBe(12);
    expect(findItem(regional, 'EIA_REPORT')!.statutoryLimitDays).toBe(60);
    expect(regional.items).toHaveLength(defaultCatalog.items.length);
    expect(findItem(defaultCatalog, 'EIA_REPORT')!.promisedLimitDays).toBe(8);
  });

  it('adds a department and moves an item to it', () => {
    const regional = overrideCatalog(defaultCatalog, {
      version: 'r',
      departments: [
        { code: 'GARDEN', name: '园林绿化局', nameEn: 'Landscaping Bureau', kind: 'GOVERNMENT' },
      ],
      items: [{ code: 'GREEN_SPACE', department: 'GARDEN' }],
    });
    expect(findItem(regional, 'GREEN_SPACE')!.department).toBe('GARDEN');
  });

  it('validates the result: removing an item others depend on is refused, naming the dependant', () => {
    expect(() =>
      overrideCatalog(defaultCatalog, { version: 'r', removeItems: ['DESIGN_SCHEME'] }),
    ).toThrow('item PLANNING_PERMIT: unknown prerequisite DESIGN_SCHEME');
    expect(() =>
      overrideCatalog(defaultCatalog, {
        version: 'r',
        items: [{ code: 'NEW_ITEM', name: '新事项' }],
      }),
    ).toThrow(CatalogValidationError);
  });
});
