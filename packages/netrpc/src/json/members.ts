/** One member of a JSON object: its key and the raw text of its value. */
export interface RawMember {
  key: string;
  raw: string;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the JSON string starting at `i` (a quote). */
function skipString(s: string, i: number): number {
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  throw new SyntaxError('unexpected end of JSON input');
}

/** Index just past the JSON value starting at `i`; only the nesting is followed here. */
function skipValue(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(s, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 0x2c || isSpace(c))) return i;
  }
  return i;
}

/**
 * Splits the text of a JSON object into its members without parsing the values, so a caller can
 * keep a value's raw text (Go's `json.RawMessage`). Throws `SyntaxError` on a malformed object;
 * the values themselves are checked when the caller parses them.
 */
export function objectMembers(text: string): RawMember[] {
  const out: RawMember[] = [];
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) throw new SyntaxError('expected an object');
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x7d) {
    if (skipSpace(text, i + 1) !== text.length) throw new SyntaxError('data after the object');
    return out;
  }
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) throw new SyntaxError('expected a string key');
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) throw new SyntaxError("expected ':' after an object key");
    i = skipSpace(text, i + 1);
    const valueEnd = skipValue(text, i);
    if (valueEnd === i) throw new SyntaxError('expected a value');
    out.push({ key, raw: text.slice(i, valueEnd) });
    i = skipSpace(text, valueEnd);
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (c === 0x7d && skipSpace(text, i + 1) === text.length) return out;
    throw new SyntaxError("expected ',' or '}' after an object value");
  }
}

/** Folds a key the way Go's encoding/json matches field names (ASCII case, plus ſ→s and K→k). */
export function foldKey(key: string): string {
  return key.replace(/\u017f/g, 's').replace(/\u212a/g, 'k').toLowerCase();
}

/**
 * Go's `json.Compact` with HTML escaping, as applied when a `json.RawMessage` is marshalled:
 * whitespace outside strings goes, and `<`, `>`, `&`, U+2028 and U+2029 are escaped.
 */
export function compactJson(raw: string): string {
  if (!/[\s<>&\u2028\u2029]/.test(raw)) return raw;
  let out = '';
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (raw[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      out += escapeHtmlChar(ch);
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (!isSpace(ch.charCodeAt(0))) out += ch;
  }
  return out;
}

function escapeHtmlChar(ch: string): string {
  switch (ch) {
    case '<':
      return '\\u003c';
    case '>':
      return '\\u003e';
    case '&':
      return '\\u0026';
    case '\u2028':
      return '\\u2028';
    case '\u2029':
      return '\\u2029';
    default:
      return ch;
  }
}

const ESCAPES: Record<string, string> = {
  '\\b': '\\u0008',
  '\\f': '\\u000c',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function refuseNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`json: unsupported value: ${value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : 'NaN'}`);
  }
  return value;
}

/**
 * `JSON.stringify` as Go 1.19's `json.Encoder` writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped,
 * `\b` and `\f` as `\u0008` and `\u000c`, and NaN or ±Inf refused. No trailing newline.
 */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value, refuseNonFinite);
  if (text === undefined) throw new TypeError('json: unsupported value: undefined');
  if (!/[\\<>&\u2028\u2029]/.test(text)) return text;
  return text.replace(/\\.|[<>&\u2028\u2029]/g, (m) => ESCAPES[m] ?? m);
}
