/**
 * What a file is, by its first bytes rather than its name: the upload's allow-list (PDF, OFD,
 * JPEG, PNG, DWG and DXF drawings, ZIP of drawings). A renamed executable is refused.
 */
export interface SniffedType {
  contentType: string;
  /** The usual ending, for a name that lacks one. */
  extension: string;
}

/** Bytes enough to tell every allowed type apart. */
export const SNIFF_BYTES = 512;

const starts = (b: Buffer, sig: number[] | string, at = 0) =>
  typeof sig === 'string'
    ? b.subarray(at, at + sig.length).toString('latin1') === sig
    : sig.every((x, i) => b[at + i] === x);

export function sniffType(head: Buffer): SniffedType | undefined {
  // PDF may be preceded by a little junk; the specification allows the header in the first 1024.
  const pdf = head.subarray(0, SNIFF_BYTES).indexOf('%PDF-');
  if (pdf >= 0 && pdf < 1024) return { contentType: 'application/pdf', extension: 'pdf' };
  if (starts(head, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', extension: 'png' };
  if (starts(head, 'AC10') && /^AC10\d\d/.test(head.subarray(0, 6).toString('latin1')))
    return { contentType: 'image/vnd.dwg', extension: 'dwg' };
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OFD (GB/T 33190) is a ZIP whose entries include OFD.xml.
    return head.includes('OFD.xml')
      ? { contentType: 'application/ofd', extension: 'ofd' }
      : { contentType: 'application/zip', extension: 'zip' };
  }
  // DXF is text: a group code 0, then SECTION (or a binary DXF's sentinel).
  const text = head.subarray(0, 64).toString('latin1');
  if (/^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(text) || starts(head, 'AutoCAD Binary DXF'))
    return { contentType: 'image/vnd.dxf', extension: 'dxf' };
  return undefined;
}

export const ALLOWED_TYPES_TEXT = 'PDF, OFD, JPEG, PNG, DWG, DXF or ZIP';
