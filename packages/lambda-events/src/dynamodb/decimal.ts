const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `s` is a decimal number as DynamoDB writes them. */
export function isDecimal(s: string): boolean {
  return s.length <= 512 && DECIMAL.test(s);
}

/** A canonical form (sign, significant digits, exponent) so that two spellings of one value compare equal. */
export function canonicalDecimal(s: string): string {
  let str = s.trim();
  let sign = '';
  if (str.startsWith('-')) {
    sign = '-';
    str = str.slice(1);
  } else if (str.startsWith('+')) str = str.slice(1);
  let exp = 0;
  const e = str.search(/[eE]/);
  if (e >= 0) {
    exp = Number(str.slice(e + 1));
    str = str.slice(0, e);
  }
  const dot = str.indexOf('.');
  if (dot >= 0) {
    exp -= str.length - dot - 1;
    str = str.slice(0, dot) + str.slice(dot + 1);
  }
  str = str.replace(/^0+/, '');
  if (str === '') return '0';
  const trailing = str.length - str.replace(/0+$/, '').length;
  str = str.slice(0, str.length - trailing);
  exp += trailing;
  return `${sign}${str}e${exp}`;
}

/** Whether `Number(s)` is exactly the decimal `s` (no digit lost). */
export function isExactNumber(s: string): boolean {
  const n = Number(s);
  return Number.isFinite(n) && canonicalDecimal(String(n)) === canonicalDecimal(s);
}
