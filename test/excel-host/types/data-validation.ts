import { containsRect, fullAddress, Rect } from '../model/a1';
import { invalidArgument } from '../model/errors';
import { SheetModel, ValidationState } from '../model/sheet-model';
import { HostType, isRef } from '../host-type';
import { liveSheet, RangeTarget } from './range-target';

const ALERT_STYLES = ['Stop', 'Warning', 'Information'];

function defaults(): ValidationState {
  return {
    rule: {},
    errorAlert: { style: 'Stop', showAlert: true, title: '', message: '' },
    prompt: { showPrompt: false, title: '', message: '' },
    ignoreBlanks: true,
  };
}

function put(s: SheetModel, rect: Rect, state: ValidationState | null): void {
  s.validations = s.validations.filter((v) => !containsRect(rect, v.rect));
  s.validations.push({ rect, state });
}

const stateOf = (t: RangeTarget) => t.sheet.validationAt(t.rect.row, t.rect.col);

/** Reads the state at the range's first cell, changes it, stores it over the whole range. */
const update = (where: string, change: (st: ValidationState, v: unknown) => void) => (t: RangeTarget, v: unknown) => {
  const s = liveSheet(t.sheet, where);
  const st = structuredClone(stateOf(t) ?? defaults());
  change(st, v);
  put(s, t.rect, st);
};

function checkRule(v: unknown, where: string): ValidationState['rule'] {
  const rule = v as { list?: { inCellDropDown?: boolean; source?: unknown } };
  if (!rule || typeof rule !== 'object' || Object.keys(rule).length !== 1)
    throw invalidArgument('A rule has exactly one kind (list, wholeNumber, ...).', where);
  if (!rule.list) return structuredClone(rule) as Record<string, unknown>;
  let source = rule.list.source;
  if (isRef(source)) {
    const rt = source.target as RangeTarget;
    source = `=${fullAddress(rt.sheet.name, rt.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  }
  if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('A list rule needs a source.', where);
  // Excel limits a typed-in list ("Yes,No") to 255 characters; a range reference has no such limit.
  if (!source.startsWith('=') && source.length > 255) throw invalidArgument(`The list source is ${source.length} characters; Excel allows 255.`, where);
  return { list: { inCellDropDown: rule.list.inCellDropDown ?? true, source } };
}

/** range.dataValidation: list rules, alert and prompt, with Excel's length limits. */
export const dataValidationType: HostType<RangeTarget> = {
  name: 'DataValidation',
  scalars: {
    rule: {
      get: (t) => structuredClone(stateOf(t)?.rule ?? {}),
      set: update('DataValidation.rule', (st, v) => {
        st.rule = checkRule(v, 'DataValidation.rule');
      }),
    },
    errorAlert: {
      get: (t) => ({ ...(stateOf(t) ?? defaults()).errorAlert }),
      set: update('DataValidation.errorAlert', (st, v) => {
        const a = { ...st.errorAlert, ...(v as object) };
        if (!ALERT_STYLES.includes(a.style)) throw invalidArgument(`Bad alert style '${a.style}'.`, 'DataValidation.errorAlert');
        if (a.title.length > 32 || a.message.length > 225)
          throw invalidArgument('An error alert title is at most 32 characters and its message at most 225.', 'DataValidation.errorAlert');
        st.errorAlert = a;
      }),
    },
    prompt: {
      get: (t) => ({ ...(stateOf(t) ?? defaults()).prompt }),
      set: update('DataValidation.prompt', (st, v) => {
        const p = { ...st.prompt, ...(v as object) };
        if (p.title.length > 32 || p.message.length > 255)
          throw invalidArgument('A prompt title is at most 32 characters and its message at most 255.', 'DataValidation.prompt');
        st.prompt = p;
      }),
    },
    ignoreBlanks: {
      get: (t) => (stateOf(t) ?? defaults()).ignoreBlanks,
      set: update('DataValidation.ignoreBlanks', (st, v) => {
        st.ignoreBlanks = !!v;
      }),
    },
    type: {
      get: (t) => {
        const st = stateOf(t);
        return st && 'list' in st.rule ? 'List' : st && Object.keys(st.rule).length ? 'Custom' : 'None';
      },
    },
    valid: { get: () => true },
  },
  methods: {
    clear: (t) => {
      put(liveSheet(t.sheet, 'DataValidation.clear'), t.rect, null);
      return null;
    },
  },
};
