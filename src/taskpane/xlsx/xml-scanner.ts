/**
 * What a part reader hears from the scanner. Names come without their namespace prefix (`x:c` → `c`);
 * `attrs` is the raw attribute text, read with `attribute`. `text` is raw (entities still encoded)
 * unless `cdata` says it came from a CDATA section.
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string, cdata: boolean): void;
}

const LT = 60; // <
const GT = 62; // >
const QUOTE = 34;
const APOSTROPHE = 39;
const SLASH = 47;

/**
 * A streaming scanner for the XML of an .xlsx part: pieces go in as they are inflated and events
 * come out, so only the unfinished tail of a piece is kept. It reads what spreadsheet writers emit
 * (elements, attributes, text, CDATA, comments, processing instructions) and skips a DOCTYPE; it
 * checks no well-formedness beyond what it needs. Faster than a general parser on a sheet's millions
 * of small tags, which is where the time goes.
 */
export class XmlScanner {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly handler: XmlHandler) {}

  pushBytes(piece: Uint8Array): void {
    this.push(this.decoder.decode(piece, { stream: true }));
  }

  push(piece: string): void {
    const s = this.rest.length > 0 ? this.rest + piece : piece;
    const h = this.handler;
    let at = 0;
    for (;;) {
      const lt = s.indexOf('<', at);
      if (lt < 0) break;
      if (lt > at) h.text(s.slice(at, lt), false);
      at = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const end = this.special(s, lt);
        if (end < 0) break;
        at = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) break;
      if (next === SLASH) {
        h.close(localName(s.slice(lt + 2, gt).trimEnd()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        const bodyEnd = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < bodyEnd && s.charCodeAt(nameEnd) > 32) nameEnd += 1;
        h.open(localName(s.slice(lt + 1, nameEnd)), s.slice(nameEnd, bodyEnd), selfClosing);
      }
      at = gt + 1;
    }
    const tail = s.slice(at);
    // A text run is only handed out once its end is seen; keep it (and any unfinished tag) for later.
    this.rest = tail;
  }

  /** The part is over: a tag left unfinished means the file is cut short or broken. */
  end(): void {
    this.push(this.decoder.decode());
    if (this.rest.includes('<')) throw new Error('unfinished XML');
  }

  /** Comments, CDATA, processing instructions, DOCTYPE: the index after them, or -1 if unfinished. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(s.slice(lt + 9, end), true);
      return end + 3;
    }
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const end = tagEnd(s, lt + 2);
    return end < 0 ? -1 : end + 1;
  }
}

/** The `>` closing a tag that starts before `from`, skipping quoted attribute values; -1 if unseen. */
function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = s.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === LT) {
      return -1; // malformed; let the caller wait (and fail at the end) rather than misread
    }
  }
  return -1;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * One attribute's raw value from a tag's attribute text, or undefined; the prefix is ignored
 * (`attribute(' r:id="rId3"', "id")` → `"rId3"`). Entities stay encoded: use `decodeXml`.
 */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = attrs.charCodeAt(at - 1);
    if (!(before <= 32 || before === 58 /* : */)) continue;
    let eq = from;
    while (attrs.charCodeAt(eq) <= 32) eq += 1;
    if (attrs.charCodeAt(eq) !== 61 /* = */) continue;
    let quote = eq + 1;
    while (attrs.charCodeAt(quote) <= 32) quote += 1;
    const mark = attrs[quote];
    if (mark !== '"' && mark !== "'") continue;
    const end = attrs.indexOf(mark, quote + 1);
    if (end < 0) return undefined;
    // A match inside another attribute's value ("…name=…" in a quoted string) would need a quote
    // before it on the same tag; spreadsheet writers never put `name=` inside a value of these tags.
    return attrs.slice(quote + 1, end);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities resolved: `decodeXml("A &amp; B")` → `"A & B"`. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
