/**
 * The text of a PDF as pdfkit writes it, read back without a PDF library: the content streams'
 * hex glyph strings (`[<0001…> …] TJ`) mapped through the embedded fonts' ToUnicode CMaps.
 * Enough for our own documents (one embedded font); not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      out.push(inflateSync(raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out;
}

const hex = (s: string) => parseInt(s, 16);
const utf16 = (h: string) =>
  String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));

function toUnicode(cmaps: string[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const c of cmaps) {
    for (const [, body] of c.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, a, b, dst] of body.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
      )) {
        if (dst.startsWith('[')) {
          [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].forEach(([, u], i) =>
            map.set(hex(a) + i, utf16(u)),
          );
        } else {
          const base = hex(dst.slice(1, -1));
          for (let g = hex(a); g <= hex(b); g++) map.set(g, String.fromCharCode(base + g - hex(a)));
        }
      }
    }
    for (const [, body] of c.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, g, u] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(hex(g), utf16(u));
    }
  }
  return map;
}

/** One line of text per text-showing operator, in page order. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = toUnicode(all.filter((s) => s.includes('begincmap')));
  const lines: string[] = [];
  for (const s of all.filter((x) => /\bBT\b/.test(x))) {
    for (const [, arr] of s.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
      const glyphs = [...arr.matchAll(/<([0-9a-fA-F]*)>/g)].flatMap(([, h]) =>
        (h.match(/.{4}/g) ?? []).map(hex),
      );
      lines.push(glyphs.map((g) => map.get(g) ?? '\uFFFD').join(''));
    }
  }
  return lines.join('\n');
}
