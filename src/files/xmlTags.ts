/**
 * The tags of an XML part, read as it is inflated, chunk by chunk, without building it: enough to
 * count what ExcelJS would build (cells, rows, merges…) before ExcelJS is given the file. Not an
 * XML parser: comments, CDATA and processing instructions are skipped as a parser would (so a
 * comment cannot hide a real tag, nor a fake one inside it matter more than a count), attribute
 * values may hold `>`, and anything a workbook never has (a DOCTYPE, a tag longer than `maxToken`)
 * is refused rather than guessed at.
 */

export class XmlShapeError extends Error {
  constructor(readonly why: 'doctype' | 'token' | 'truncated') {
    super(why);
    this.name = 'XmlShapeError';
  }
}

export interface TagHandler {
  /** An opening (or self-closing) tag: its local name (prefix dropped) and its raw attributes. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  /** Text between tags, raw (entities not decoded), delivered only while `wantText` is set. */
  text?(raw: string): void;
}

// A tag: name, then attributes where a quoted value may hold `>`. Each alternative starts with a
// different character, so a failed match costs one pass, never more.
const TAG = /<(\/?)([A-Za-z_][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

export class XmlTagStream {
  private buffer = '';
  /** Set by the handler to receive the text of the element it just opened. */
  wantText = false;

  constructor(
    private readonly handler: TagHandler,
    private readonly maxToken = 1 << 20,
  ) {}

  push(chunk: string): void {
    this.buffer = this.buffer.length ? this.buffer + chunk : chunk;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (this.buffer.trim().length) throw new XmlShapeError('truncated');
  }

  private scan(final: boolean): void {
    const s = this.buffer;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (this.wantText && pos < s.length) this.handler.text?.(s.slice(pos));
        pos = s.length;
        break;
      }
      if (this.wantText && lt > pos) this.handler.text?.(s.slice(pos, lt));
      pos = lt;
      if (s.length - lt < 9 && !final && s.indexOf('>', lt) < 0) break; // too short to tell what it is
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) break;
        pos = end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) break;
        if (this.wantText) this.handler.text?.(s.slice(lt + 9, end));
        pos = end + 3;
      } else if (s.startsWith('<?', lt)) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        pos = end + 2;
      } else if (s.startsWith('<!', lt)) {
        throw new XmlShapeError('doctype'); // DOCTYPE, ENTITY…: never in a workbook
      } else {
        TAG.lastIndex = lt;
        const m = TAG.exec(s);
        if (!m) break; // incomplete (or malformed: then it grows past maxToken below)
        const name = m[2].slice(m[2].indexOf(':') + 1);
        if (m[1]) {
          this.handler.close?.(name);
        } else {
          const attributes = m[3];
          const selfClosing = attributes.endsWith('/');
          this.handler.open(name, selfClosing ? attributes.slice(0, -1) : attributes, selfClosing);
          if (selfClosing) this.handler.close?.(name);
        }
        pos = TAG.lastIndex;
      }
    }
    this.buffer = pos < s.length ? s.slice(pos) : '';
    if (this.buffer.length > this.maxToken) throw new XmlShapeError('token');
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and predefined entity references decoded, as a parser hands values over. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const attributePatterns = new Map<string, RegExp>();

/** The value of one attribute in a tag's raw attributes (decoded), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let re = attributePatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, re);
  }
  const m = re.exec(attributes);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}
