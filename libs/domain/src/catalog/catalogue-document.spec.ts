import Ajv2020 from 'ajv/dist/2020';
import {
  CatalogueDocumentError,
  builtInCatalogueDocument,
  loadCatalogueDocument,
  type CatalogueDocument,
} from './catalogue-document';
import { catalogueDocumentSchema } from './catalogue-document.schema';
import { diffCatalogues } from './catalogue-diff';

const seed = builtInCatalogueDocument('CN');
const copy = (): CatalogueDocument => JSON.parse(JSON.stringify(seed)) as CatalogueDocument;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document made wrong on purpose
type Mutable = { -readonly [K in keyof CatalogueDocument]: any };

function issuesOf(doc: unknown) {
  try {
    loadCatalogueDocument(doc);
  } catch (err) {
    if (err instanceof CatalogueDocumentError) return err.issues;
    throw err;
  }
  throw new Error('the document validated');
}

describe('a catalogue version document', () => {
  it('the built-in catalogue is a valid document of its region, and matches the published schema', () => {
    const loaded = loadCatalogueDocument(seed);
    expect(loaded.catalog.items.length).toBe(seed.items.length);
    expect(loaded.policies.byType.SOCIAL_INVESTMENT.limitDays).toBe(35);
    expect(seed.departments.every((d) => d.level === 'CITY' && d.region === 'CN')).toBe(true);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
      catalogueDocumentSchema,
    );
    expect(validate(JSON.parse(JSON.stringify(seed)))).toBe(true);
  });

  it('the schema refuses a document without items or with a bad level', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
      catalogueDocumentSchema,
    );
    const doc = copy() as Mutable;
    delete doc.items;
    doc.departments[0].level = 'COUNTY';
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath || e.params)).toEqual(
      expect.arrayContaining(['/departments/0/level']),
    );
  });

  it('lists every problem with its JSON path', () => {
    const doc = copy() as Mutable;
    const idx = (code: string) => doc.items.findIndex((i: { code: string }) => i.code === code);
    const permit = idx('PLANNING_PERMIT');
    const proposal = idx('PROJECT_PROPOSAL');
    const filing = idx('ENTERPRISE_FILING');
    doc.items[permit].department = 'NOWHERE';
    doc.items[permit].promisedLimitDays = doc.items[permit].statutoryLimitDays + 5;
    doc.items[proposal].prerequisites = ['FEASIBILITY_STUDY'];
    doc.items[filing].requiredWhen = { question: 'colourOfRoof', anyOf: ['RED'] };
    doc.themes.push({ code: 'NOWHERE_THEME', stage: 'DESIGN', name: '无', nameEn: 'None' });
    doc.departments[1].level = 'COUNTY';
    delete doc.departments[2].region;
    doc.policies.byType.SIMPLE_LOW_RISK.limitDays = 0;
    delete doc.region;

    const issues = issuesOf(doc);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.region',
        `$.items[${permit}].department`,
        `$.items[${permit}].promisedLimitDays`,
        `$.items[${proposal}].prerequisites`,
        `$.items[${filing}].requiredWhen`,
        `$.themes[${doc.themes.length - 1}].stage`,
        '$.departments[1].level',
        '$.departments[2].region',
        '$.policies.byType.SIMPLE_LOW_RISK.limitDays',
      ]),
    );
    const message = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(message(`$.items[${permit}].department`)).toMatch(/unknown department "NOWHERE"/);
    expect(message(`$.items[${permit}].promisedLimitDays`)).toMatch(/exceeds the statutory/);
    expect(issues.some((i) => /prerequisite cycle/.test(i.message))).toBe(true);
    expect(message(`$.items[${filing}].requiredWhen`)).toMatch(/unknown question/);
  });

  it("checks an item's prerequisites even when the item has other problems", () => {
    const doc = copy() as Mutable;
    const at = doc.items.findIndex((i: { code: string }) => i.code === 'ENTERPRISE_FILING');
    doc.items[at].department = 'NOWHERE';
    doc.items[at].prerequisites = ['NO_SUCH_ITEM'];
    expect(issuesOf(doc).map((i) => `${i.path} ${i.message}`)).toEqual([
      `$.items[${at}].department unknown department "NOWHERE"`,
      `$.items[${at}].prerequisites unknown prerequisite NO_SUCH_ITEM`,
    ]);
  });

  it('an item carries its national standard item code (DYBZSPSXBM): 4 to 7 digits, at its path', () => {
    const loaded = loadCatalogueDocument(seed).catalog;
    const code = (c: string) => loaded.items.find((i) => i.code === c)?.standardCode;
    expect(code('LAND_USE_PERMIT')).toBe('0060001');
    expect(code('CONSTRUCTION_PERMIT')).toBe('0120001');
    expect(code('COMPLETION_FILING')).toBe('0180000');
    expect(code('PROJECT_PROPOSAL')).toBeUndefined();
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
      catalogueDocumentSchema,
    );
    const doc = copy() as Mutable;
    doc.items[0].standardCode = '9990';
    doc.items[1].standardCode = null;
    expect(() => loadCatalogueDocument(doc)).not.toThrow();
    expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(true);
    doc.items[0].standardCode = '006-0001';
    doc.items[2].standardCode = 60001;
    doc.items[3].standardCode = '00600010';
    expect(issuesOf(doc).map((i) => i.path)).toEqual([
      '$.items[0].standardCode',
      '$.items[2].standardCode',
      '$.items[3].standardCode',
    ]);
    expect(issuesOf(doc)[0].message).toMatch(/standardCode must be .*4 to 7 digits/);
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/items/0/standardCode', '/items/3/standardCode']),
    );
  });

  it('a material problem points at the material', () => {
    const doc = copy() as Mutable;
    const at = doc.items.findIndex((i: { materials: unknown[] }) => i.materials.length > 1);
    doc.items[at].materials[1].standard = '';
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual([`$.items[${at}].materials[1]`]);
  });

  it('a diff names what was added, removed and changed, field by field', () => {
    const next = copy() as Mutable;
    next.items = next.items.filter((i: { code: string }) => i.code !== 'PROJECT_PROPOSAL');
    next.items[0].promisedLimitDays = 1;
    next.items.push({ ...next.items[1], code: 'CITY_OWN_ITEM' });
    next.policies.byType.SOCIAL_INVESTMENT.limitDays = 30;
    const diff = diffCatalogues(seed, next);
    expect(diff.items.added).toEqual(['CITY_OWN_ITEM']);
    expect(diff.items.removed).toEqual(['PROJECT_PROPOSAL']);
    expect(diff.items.changed).toEqual([
      { code: next.items[0].code, fields: ['promisedLimitDays'] },
    ]);
    expect(diff.policies).toEqual(['SOCIAL_INVESTMENT']);
    // Each entry named, in both languages, so the page does not show bare codes.
    expect(diff.items.names.PROJECT_PROPOSAL).toEqual({
      name: expect.stringMatching(/[\u4e00-\u9fff]/),
      nameEn: expect.stringMatching(/^[A-Z]/),
    });
    expect(Object.keys(diff.items.names).sort()).toEqual(
      ['CITY_OWN_ITEM', 'PROJECT_PROPOSAL', next.items[0].code].sort(),
    );
    expect(diffCatalogues(seed, copy()).items).toEqual({
      added: [],
      removed: [],
      changed: [],
      names: {},
    });
  });
});
