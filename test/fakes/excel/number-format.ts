/** Displayed text of a cell from its value and number format, for the formats a client list meets. */
export type CellValue = string | number | boolean;

const DAY_MS = 86400000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Excel serial (1900 system) of a calendar date; serial 60 is Excel's fictitious 29 Feb 1900. */
export function dateToSerial(y: number, m: number, d: number): number {
  const serial = Math.round((Date.UTC(y, m - 1, d) - EPOCH_1899) / DAY_MS);
  return serial < 61 ? serial - 1 : serial;
}

function serialParts(serial: number) {
  const whole = Math.floor(serial);
  const dt = new Date(EPOCH_1899 + (whole < 61 ? whole + 1 : whole) * DAY_MS + Math.round((serial - whole) * DAY_MS));
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), h: dt.getUTCHours(), mi: dt.getUTCMinutes(), s: dt.getUTCSeconds() };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Excel's General format: up to 11 characters, switching to scientific notation for very large/small numbers. */
export function formatGeneral(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e11) return String(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(decimals)));
}

function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) || /(^|[^A-Za-z])h/i.test(bare);
}

function formatDate(serial: number, fmt: string): string {
  if (serial < 0) return '#'.repeat(10);
  const p = serialParts(serial);
  const tokens = fmt.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^am\/pm$/i.test(t));
  let out = '';
  tokens.forEach((tok, i) => {
    const low = tok.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((t) => /^[hmsdy]/i.test(t))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((t) => /^[hmsdy]/i.test(t))?.toLowerCase() ?? '';
    const minute = (low === 'm' || low === 'mm') && (prev.startsWith('h') || next.startsWith('s'));
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (low === 'yyyy') out += pad(p.y, 4);
    else if (low === 'yy') out += pad(p.y % 100, 2);
    else if (low === 'mmmm') out += MONTHS[p.m - 1];
    else if (low === 'mmm') out += MONTHS[p.m - 1].slice(0, 3);
    else if (low === 'mm') out += minute ? pad(p.mi, 2) : pad(p.m, 2);
    else if (low === 'm') out += minute ? String(p.mi) : String(p.m);
    else if (low === 'dddd' || low === 'ddd') {
      const wd = new Date(Date.UTC(p.y, p.m - 1, p.d)).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
      out += low === 'ddd' ? wd.slice(0, 3) : wd;
    } else if (low === 'dd') out += pad(p.d, 2);
    else if (low === 'd') out += String(p.d);
    else if (low === 'hh' || low === 'h') {
      const h = hasAmPm ? ((p.h + 11) % 12) + 1 : p.h;
      out += low === 'hh' ? pad(h, 2) : String(h);
    } else if (low === 'ss') out += pad(p.s, 2);
    else if (low === 's') out += String(p.s);
    else if (low === 'am/pm') out += p.h < 12 ? 'AM' : 'PM';
    else out += tok;
  });
  return out;
}

function formatNumber(n: number, section: string): string {
  const literal = (s: string) => s.replace(/"([^"]*)"|\\(.)|[_*](.)/g, (_m, q, e) => q ?? e ?? ' ').replace(/[$\-+/():\s]/g, (c) => c);
  const m = /[#0?,.]*[0#?][#0?,.]*/.exec(section);
  if (!m) return literal(section);
  const pattern = m[0];
  const percent = section.includes('%');
  let x = Math.abs(n) * (percent ? 100 : 1);
  const [intPat, decPat = ''] = pattern.split('.');
  const scaleCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  x /= 1000 ** scaleCommas;
  const decimals = (decPat.match(/[0#?]/g) ?? []).length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPat);
  let [ip, dp = ''] = x.toFixed(decimals).split('.');
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const optional = (decPat.match(/#/g) ?? []).length;
  for (let k = 0; k < optional && dp.endsWith('0'); k++) dp = dp.slice(0, -1);
  const num = dp ? `${ip}.${dp}` : decimals && !optional ? `${ip}.` : ip;
  return literal(section.slice(0, m.index)) + num + literal(section.slice(m.index + pattern.length));
}

/** Displayed text: value + number format, as Excel shows it in a wide-enough column. */
export function formatText(value: CellValue, fmt: string, isError = false): string {
  if (isError) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (!fmt.includes(';')) return value;
    const textSection = fmt.split(';')[3];
    return textSection?.includes('@') ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  if (!Number.isFinite(value)) return '#NUM!';
  const f = fmt.trim();
  if (f === '' || /^general$/i.test(f) || f === '@') return formatGeneral(value);
  const sections = f.split(';');
  let section = sections[0];
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) { section = sections[1]; sign = ''; }
  else if (value === 0 && sections.length > 2) section = sections[2];
  section = section.replace(/\[(Red|Black|Blue|Green|White|Yellow|Cyan|Magenta|Color\d+)\]/gi, '').replace(/\[\$[^\]]*\]/g, '');
  if (isDateFormat(section)) return formatDate(value, section);
  if (/^general$/i.test(section.trim())) return sign + formatGeneral(Math.abs(value));
  const body = formatNumber(value, section);
  return sign && /[1-9]/.test(body) ? sign + body : body;
}
