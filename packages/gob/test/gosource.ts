// A small parser for the Go type declarations in the vectors' `goType`
// fields, so tests can build schemas for types the JSON schema does not
// describe (interface concrete types, malformed vectors' decodeType).

export type GoExpr =
  | { k: 'name'; pkg: string | undefined; name: string }
  | { k: 'ptr'; elem: GoExpr }
  | { k: 'slice'; elem: GoExpr }
  | { k: 'array'; len: number; elem: GoExpr }
  | { k: 'map'; key: GoExpr; elem: GoExpr }
  | { k: 'struct'; fields: { name: string; type: GoExpr; embedded: boolean }[] }
  | { k: 'interface'; methods: string[] }
  | { k: 'func' }
  | { k: 'chan' };

export interface GoDecl {
  name: string;
  pkg: string;
  expr: GoExpr;
  /** method name → pointer receiver */
  methods: Map<string, boolean>;
}

type Tok = { t: 'id' | 'num' | 'p' | 'nl' | 'str'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re = /(\/\/[^\n]*)|(\/\*[\s\S]*?\*\/)|(`[^`]*`|"(?:[^"\\\n]|\\.)*")|([\p{L}_][\p{L}\p{N}_]*)|(\d+)|(\n)|([ \t\r]+)|(<-|.)/gu;
  for (const m of src.matchAll(re)) {
    if (m[1] || m[2] || m[7]) continue;
    if (m[3]) out.push({ t: 'str', v: m[3] });
    else if (m[4]) out.push({ t: 'id', v: m[4] });
    else if (m[5]) out.push({ t: 'num', v: m[5] });
    else if (m[6]) out.push({ t: 'nl', v: '\n' });
    else if (m[8]) out.push({ t: 'p', v: m[8] });
  }
  return out;
}

class P {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(skipNl = true): Tok | undefined {
    if (skipNl) while (this.toks[this.i]?.t === 'nl') this.i++;
    return this.toks[this.i];
  }
  next(skipNl = true): Tok {
    const t = this.peek(skipNl);
    if (!t) throw new Error('unexpected end of Go source');
    this.i++;
    return t;
  }
  is(v: string, skipNl = true): boolean {
    return this.peek(skipNl)?.v === v;
  }
  eat(v: string): void {
    const t = this.next();
    if (t.v !== v) throw new Error(`expected ${v}, got ${t.v}`);
  }
  type(): GoExpr {
    const t = this.next();
    switch (t.v) {
      case '*': return { k: 'ptr', elem: this.type() };
      case '[': {
        if (this.is(']')) {
          this.next();
          return { k: 'slice', elem: this.type() };
        }
        const n = this.next();
        this.eat(']');
        return { k: 'array', len: Number(n.v), elem: this.type() };
      }
      case 'map': {
        this.eat('[');
        const key = this.type();
        this.eat(']');
        return { k: 'map', key, elem: this.type() };
      }
      case 'chan': {
        if (this.is('<-')) this.next();
        this.type();
        return { k: 'chan' };
      }
      case '<-':
        this.eat('chan');
        this.type();
        return { k: 'chan' };
      case 'func':
        this.skipParens();
        if (this.is('(', false)) this.skipParens();
        else if (!this.isEndOfType()) this.type();
        return { k: 'func' };
      case 'struct': return this.structBody();
      case 'interface': return this.interfaceBody();
      default: {
        if (t.t !== 'id') throw new Error(`unexpected ${t.v} in type`);
        if (this.is('.', false)) {
          this.next();
          return { k: 'name', pkg: t.v, name: this.next().v };
        }
        return { k: 'name', pkg: undefined, name: t.v };
      }
    }
  }
  isEndOfType(): boolean {
    const t = this.peek(false);
    return !t || t.t === 'nl' || t.v === ';' || t.v === '}' || t.v === ')' || t.v === ',' || t.v === '{';
  }
  skipParens(): void {
    this.eat('(');
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.v === '(') depth++;
      else if (t.v === ')') depth--;
    }
  }
  skipBraces(): void {
    this.eat('{');
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.v === '{') depth++;
      else if (t.v === '}') depth--;
    }
  }
  structBody(): GoExpr {
    this.eat('{');
    const fields: { name: string; type: GoExpr; embedded: boolean }[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) throw new Error('unterminated struct');
      if (t.v === '}') {
        this.next();
        return { k: 'struct', fields };
      }
      if (t.v === ';') {
        this.next();
        continue;
      }
      // embedded: [*]Name[.Name] then end of line
      const save = this.i;
      const names: string[] = [];
      if (t.t === 'id') {
        names.push(this.next().v);
        while (this.is(',', false)) {
          this.next();
          names.push(this.next().v);
        }
      }
      if (names.length === 1 && (this.isEndOfType() || this.peek(false)?.t === 'str' || this.is('.', false))) {
        this.i = save;
        const type = this.type();
        let n = type;
        while (n.k === 'ptr') n = n.elem;
        fields.push({ name: n.k === 'name' ? n.name : '?', type, embedded: true });
      } else if (names.length === 0) {
        const type = this.type();
        let n = type;
        while (n.k === 'ptr') n = n.elem;
        fields.push({ name: n.k === 'name' ? n.name : '?', type, embedded: true });
      } else {
        const type = this.type();
        for (const name of names) fields.push({ name, type, embedded: false });
      }
      if (this.peek(false)?.t === 'str') this.next(false);
    }
  }
  interfaceBody(): GoExpr {
    this.eat('{');
    const methods: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.v === '}') return { k: 'interface', methods };
      if (t.t === 'id' && this.is('(', false)) {
        methods.push(t.v);
        this.skipParens();
        if (this.is('(', false)) this.skipParens();
        else if (!this.isEndOfType()) this.type();
      }
    }
  }
}

/** Parses the type declarations and methods in Go source. Keys are `pkg.Name`. */
export function parseGo(src: string): Map<string, GoDecl> {
  const decls = new Map<string, GoDecl>();
  // package markers: "// package X" before a declaration, "// net/rpc.Request"
  const pkgOf = new Map<string, string>();
  const lines = src.split('\n');
  let pending: string | undefined;
  for (const line of lines) {
    const pm = /^\/\/ package (\w+)/.exec(line.trim());
    if (pm) pending = pm[1];
    const qm = /^\/\/ (?:[\w/]+\/)?(\w+)\.(\w+)\s*$/.exec(line.trim());
    if (qm) pending = qm[1];
    const tm = /^type (\p{L}[\p{L}\p{N}_]*)/u.exec(line);
    if (tm) {
      if (pending) pkgOf.set(tm[1]!, pending);
      pending = undefined;
    }
  }
  const p = new P(tokenize(src));
  const methods: [string, string, boolean][] = [];
  while (p.peek()) {
    const t = p.next();
    if (t.v === 'type') {
      const group = p.is('(');
      if (group) p.next();
      do {
        const name = p.next().v;
        if (p.is('=')) p.next();
        const expr = p.type();
        const pkg = pkgOf.get(name) ?? 'main';
        decls.set(`${pkg}.${name}`, { name, pkg, expr, methods: new Map() });
        if (group) while (p.is(';')) p.next();
      } while (group && !p.is(')'));
      if (group) p.next();
    } else if (t.v === 'func') {
      let recv: string | undefined;
      let ptr = false;
      if (p.is('(')) {
        p.next();
        if (p.peek()?.t === 'id' && !p.is('*')) p.next();
        if (p.is('*')) {
          p.next();
          ptr = true;
        }
        recv = p.next().v;
        p.eat(')');
      }
      const name = p.next().v;
      if (recv) methods.push([recv, name, ptr]);
      p.skipParens();
      while (!p.is('{')) p.next();
      p.skipBraces();
    }
  }
  for (const [recv, name, ptr] of methods) {
    for (const d of decls.values()) if (d.name === recv) d.methods.set(name, ptr);
  }
  return decls;
}

/** Parses a Go type expression such as `map[string][]int` or `*messages.InvokeRequest`. */
export function parseGoType(src: string): GoExpr {
  const p = new P(tokenize(src));
  const e = p.type();
  if (p.peek()) throw new Error(`trailing tokens in ${src}`);
  return e;
}
