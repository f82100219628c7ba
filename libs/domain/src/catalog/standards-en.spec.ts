import { defaultCatalog } from './catalog';
import { standardEn, standardsWithoutEnglish } from './standards-en';

describe('acceptance standards in English', () => {
  const all = defaultCatalog.items.flatMap((i) => i.materials.map((m) => m.standard));

  it('has English for every standard of the built-in catalogue', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(standardsWithoutEnglish(all)).toEqual([]);
    for (const i of defaultCatalog.items)
      for (const m of i.materials) expect(m.standardEn).toMatch(/^[A-Z][\x20-\x7e]+$/);
  });

  it('finds a standard however it is punctuated, and keeps an unknown one as written', () => {
    expect(standardEn('复印件，验原件')).toBe('Copy, original shown');
    expect(standardEn('复印件 验原件。')).toBe('Copy, original shown');
    expect(standardEn('由区住建局另行规定')).toBe('由区住建局另行规定');
  });
});
