import { ConfigError } from './env';
import { DEFAULT_PDF_FONT_PATH, parseDocumentsConfig } from './documents.config';

describe('the PDF font setting', () => {
  it("defaults to Debian's Noto Sans CJK, simplified Chinese face", () => {
    expect(parseDocumentsConfig({}, () => true)).toEqual({
      fontPath: DEFAULT_PDF_FONT_PATH,
      fontName: 'NotoSansCJKsc-Regular',
      fontFound: true,
    });
  });

  it('starts without the default font (PDFs then answer 503), but not with a missing PDF_FONT_PATH', () => {
    expect(parseDocumentsConfig({}, () => false).fontFound).toBe(false);
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
