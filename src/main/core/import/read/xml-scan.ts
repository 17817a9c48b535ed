/**
 * A small scanner for the XML of a workbook's parts. A general SAX parser (saxes) took about twice as long on a
 * 300k-row sheet, checking names and attributes that these machine-written parts never get wrong; this
 * scanner finds tags with indexOf, reads attributes only of the tags asked for,
 * and decodes the five predefined entities and character references. It still refuses what it cannot read
 * (an unclosed tag, comment or CDATA section at the end, a DOCTYPE, an unknown entity), so a damaged part
 * is reported instead of read wrongly.
 */

export interface XmlHandler {
  /** `tag` is the text between `<` and `>`; `name` has its namespace prefix removed. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data between two tags (entities decoded), or a CDATA section's content. */
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = text.replace(ENTITY, (reference: string, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name] as string;
    const code = parseInt(hex ?? (dec as string), hex ? 16 : 10);
    if (!(code <= 0x10ffff)) throw new XmlSyntaxError(`${reference} is not a character`);
    return String.fromCodePoint(code);
  });
  if (decoded.includes('&') && /&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(text))
    throw new XmlSyntaxError(`unknown entity in "${text.slice(0, 40)}"`);
  return decoded;
}

const XSTRING = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Office's escape for characters XML cannot hold (ST_Xstring): Excel writes a line break typed on Windows as
 * `_x000D_` before the newline, and a literal `_x000D_` as `_x005F_x000D_`. The CR of a CRLF is dropped, so a
 * cell's lines end as everywhere else in Tandem.
 */
export function decodeXString(text: string): string {
  if (!text.includes('_x')) return text;
  return text
    .replace(XSTRING, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
}

/** The value of one attribute of a tag's text, or undefined; namespace prefixes are not compared. */
export function attribute(tag: string, wanted: string): string | undefined {
  let i = 0;
  while (i < tag.length && !isSpace(tag.charCodeAt(i))) i++;
  while (i < tag.length) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) return undefined;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (
      tag.charCodeAt(q) === 32 ||
      tag.charCodeAt(q) === 9 ||
      tag.charCodeAt(q) === 10 ||
      tag.charCodeAt(q) === 13
    )
      q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`unquoted attribute in <${tag}>`);
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) throw new XmlSyntaxError(`unclosed attribute in <${tag}>`);
    if (name === wanted || name.slice(name.indexOf(':') + 1) === wanted)
      return decodeEntities(tag.slice(q + 1, end));
    i = end + 1;
  }
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function localName(tag: string, from: number): string {
  let end = from;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    end++;
  }
  const name = tag.slice(from, end);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** End of an open tag starting at `from` (the index of its `>`), skipping `>` inside quoted values; -1 if not yet complete. */
function tagEnd(xml: string, from: number): number {
  let open = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (open) {
      if (c === open) open = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) open = c;
  }
  return -1;
}

export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Scans what is complete in `chunk` (with what was left of the previous one) and keeps the rest. */
  write(chunk: string): void {
    const xml = this.rest + chunk;
    const { handler } = this;
    let pos = 0;
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos) handler.text(decodeEntities(xml.slice(pos, lt)));
      const next = xml.charCodeAt(lt + 1);
      if (next === 47) {
        const gt = xml.indexOf('>', lt);
        if (gt < 0) {
          pos = lt;
          break;
        }
        handler.close(localName(xml, lt + 2));
        pos = gt + 1;
      } else if (next === 63) {
        const end = xml.indexOf('?>', lt);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end + 2;
      } else if (next === 33) {
        if (xml.startsWith('<!--', lt)) {
          const end = xml.indexOf('-->', lt);
          if (end < 0) {
            pos = lt;
            break;
          }
          pos = end + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
          const end = xml.indexOf(']]>', lt);
          if (end < 0) {
            pos = lt;
            break;
          }
          handler.text(xml.slice(lt + 9, end));
          pos = end + 3;
        } else if (xml.length - lt < 9) {
          pos = lt;
          break;
        } else throw new XmlSyntaxError('a DOCTYPE or unknown declaration');
      } else {
        const gt = tagEnd(xml, lt);
        if (gt < 0) {
          pos = lt;
          break;
        }
        const selfClosing = xml.charCodeAt(gt - 1) === 47;
        const tag = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const name = localName(tag, 0);
        handler.open(name, tag, selfClosing);
        if (selfClosing) handler.close(name);
        pos = gt + 1;
      }
    }
    this.rest = xml.slice(pos);
  }

  /** At the end of the part: anything left over is an unclosed tag or text after the root. */
  close(): void {
    if (this.rest.includes('<')) throw new XmlSyntaxError('the part ends inside a tag');
    this.rest = '';
  }
}
