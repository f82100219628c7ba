import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { ConfigError, Env, readString } from './env';

/** Debian's fonts-noto-cjk (installed by the Dockerfile and .ci/run). */
export const DEFAULT_PDF_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEFAULT_PDF_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface DocumentsConfig {
  /** A TrueType/OpenType font (or collection) with CJK glyphs, embedded in receipts and results. */
  fontPath: string;
  /** The face of a collection (.ttc) by PostScript name; ignored for a single font. */
  fontName: string;
  /** Whether the font file exists (checked at start; without it PDFs answer 503). */
  fontFound: boolean;
}

/**
 * PDF_FONT_PATH set to a file that does not exist stops the start; the default missing (a
 * machine without fonts-noto-cjk) leaves the JSON documents working and PDFs answering 503.
 */
export function parseDocumentsConfig(
  env: Env,
  exists: (path: string) => boolean = existsSync,
): DocumentsConfig {
  const explicit = readString(env, 'PDF_FONT_PATH');
  const fontPath = explicit ?? DEFAULT_PDF_FONT_PATH;
  const fontFound = exists(fontPath);
  if (explicit && !fontFound)
    throw new ConfigError('PDF_FONT_PATH', `${explicit} does not exist (a CJK font for PDFs)`);
  return {
    fontPath,
    fontName: readString(env, 'PDF_FONT_NAME', DEFAULT_PDF_FONT_NAME),
    fontFound,
  };
}

export const documentsConfig = registerAs('documents', () => parseDocumentsConfig(process.env));
