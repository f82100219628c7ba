import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, Env, readString } from './env';

/** Debian's fonts-noto-cjk: a collection, from which the simplified Chinese face is taken. */
export const DEBIAN_PDF_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_PDF_FONT_NAME = 'NotoSansCJKsc-Regular';

/**
 * The npm package @embedpdf/fonts-sc (SIL OFL): Noto Sans Hans Regular, one OpenType file with
 * the whole CJK Unified Ideographs block (20,945 of 20,992) and GB 2312's punctuation, installed
 * by `npm ci`. Undefined when the package is absent (an install that pruned it).
 */
export function npmPdfFontPath(): string | undefined {
  try {
    // The package exports only its index (dist/index.cjs); the fonts sit beside dist/.
    const dist = dirname(require.resolve('@embedpdf/fonts-sc'));
    return join(dist, '..', 'fonts', 'NotoSansHans-Regular.otf');
  } catch {
    return undefined;
  }
}

export interface DocumentsConfig {
  /** A TrueType/OpenType font (or collection) with CJK glyphs, embedded in receipts and results. */
  fontPath: string;
  /** The face of a collection (.ttc) by PostScript name; ignored for a single font. */
  fontName: string;
  /** Whether the font file exists (checked at start; without it PDFs answer 503). */
  fontFound: boolean;
}

/**
 * PDF_FONT_PATH wins, and set to a file that does not exist stops the start. Unset: the npm
 * font, then Debian's; with neither the JSON documents work and PDFs answer 503.
 */
export function parseDocumentsConfig(
  env: Env,
  exists: (path: string) => boolean = existsSync,
  npmFont: string | undefined = npmPdfFontPath(),
): DocumentsConfig {
  const fontName = readString(env, 'PDF_FONT_NAME', DEFAULT_PDF_FONT_NAME);
  const explicit = readString(env, 'PDF_FONT_PATH');
  if (explicit) {
    if (!exists(explicit))
      throw new ConfigError('PDF_FONT_PATH', `${explicit} does not exist (a CJK font for PDFs)`);
    return { fontPath: explicit, fontName, fontFound: true };
  }
  const candidates = [npmFont, DEBIAN_PDF_FONT_PATH].filter((p): p is string => !!p);
  const found = candidates.find((p) => exists(p));
  return { fontPath: found ?? candidates[0], fontName, fontFound: found !== undefined };
}

export const documentsConfig = registerAs('documents', () => parseDocumentsConfig(process.env));
