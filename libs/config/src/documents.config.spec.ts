import { existsSync } from 'node:fs';
import { ConfigError } from './env';
import { DEBIAN_PDF_FONT_PATH, npmPdfFontPath, parseDocumentsConfig } from './documents.config';

describe('the PDF font setting', () => {
  it('defaults to the font npm ci installs, then to Debian’s Noto Sans CJK', () => {
    const npmFont = npmPdfFontPath();
    expect(npmFont).toMatch(/@embedpdf\/fonts-sc\/fonts\/NotoSansHans-Regular\.otf$/);
    expect(existsSync(npmFont!)).toBe(true);
    expect(parseDocumentsConfig({}, () => true, '/npm.otf')).toEqual({
      fontPath: '/npm.otf',
      fontName: 'NotoSansCJKsc-Regular',
      fontFound: true,
    });
    expect(parseDocumentsConfig({}, (p) => p === DEBIAN_PDF_FONT_PATH, '/npm.otf')).toMatchObject({
      fontPath: DEBIAN_PDF_FONT_PATH,
      fontFound: true,
    });
  });

  it('starts without any font (PDFs then answer 503), but not with a missing PDF_FONT_PATH', () => {
    expect(parseDocumentsConfig({}, () => false, '/npm.otf')).toMatchObject({
      fontPath: '/npm.otf',
      fontFound: false,
    });
    let err: unknown;
    try {
      parseDocumentsConfig({ PDF_FONT_PATH: '/nowhere/font.ttf' }, () => false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('PDF_FONT_PATH');
    expect(
      parseDocumentsConfig({ PDF_FONT_PATH: '/f.ttf', PDF_FONT_NAME: 'X' }, () => true),
    ).toEqual({ fontPath: '/f.ttf', fontName: 'X', fontFound: true });
  });
});
