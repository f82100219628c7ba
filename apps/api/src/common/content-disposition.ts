/**
 * `attachment; filename="…"; filename*=UTF-8''…`: a header Node accepts for any name (a Chinese
 * one would be refused, ERR_INVALID_CHAR, as a plain quoted filename), with an ASCII stand-in.
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
