import { containsRect, fullAddress, Rect } from './a1';
import { FakeClientObject } from './client-object';
import type { FakeRequestContext } from './context';
import { invalidArgument } from './errors';
import type { FakeRange, RangeTarget } from './range';
import { SheetModel, ValidationState } from './sheet-model';
import { liveSheet } from './worksheet';

const ALERT_STYLES = ['Stop', 'Warning', 'Information'];

function defaults(): ValidationState {
  return { rule: {}, errorAlert: { style: 'Stop', showAlert: true, title: '', message: '' }, prompt: { showPrompt: false, title: '', message: '' }, ignoreBlanks: true };
}

function put(s: SheetModel, rect: Rect, state: ValidationState | null): void {
  s.validations = s.validations.filter((v) => !containsRect(rect, v.rect));
  s.validations.push({ rect, state });
}

/** range.dataValidation: list rules, alert and prompt, with Excel's length limits. */
export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  protected readonly _type = 'DataValidation';
  protected readonly _scalars = ['rule', 'errorAlert', 'prompt', 'ignoreBlanks', 'type', 'valid'] as const;
  constructor(context: FakeRequestContext, derive: () => RangeTarget | null) { super(context, { derive }); }

  get rule(): Excel.DataValidationRule { return this._get('rule'); }
  set rule(v: Excel.DataValidationRule) { this._set('rule', v); }
  get errorAlert(): Excel.DataValidationErrorAlert { return this._get('errorAlert'); }
  set errorAlert(v: Excel.DataValidationErrorAlert) { this._set('errorAlert', v); }
  get prompt(): Excel.DataValidationPrompt { return this._get('prompt'); }
  set prompt(v: Excel.DataValidationPrompt) { this._set('prompt', v); }
  get ignoreBlanks(): boolean { return this._get('ignoreBlanks'); }
  set ignoreBlanks(v: boolean) { this._set('ignoreBlanks', v); }
  get type(): string { return this._get('type'); }
  get valid(): boolean { return this._get('valid'); }

  protected _read(prop: string, t: RangeTarget): unknown {
    const st = t.sheet.validationAt(t.rect.row, t.rect.col);
    switch (prop) {
      case 'rule': return st ? structuredClone(st.rule) : {};
      case 'errorAlert': return { ...(st ?? defaults()).errorAlert };
      case 'prompt': return { ...(st ?? defaults()).prompt };
      case 'ignoreBlanks': return (st ?? defaults()).ignoreBlanks;
      case 'type': return st && 'list' in st.rule ? 'List' : st && Object.keys(st.rule).length ? 'Custom' : 'None';
      case 'valid': return true;
      default: throw invalidArgument(`DataValidation.${prop} is not supported by the fake.`);
    }
  }

  protected override _write(prop: string, v: unknown, t: RangeTarget): void {
    const where = `DataValidation.${prop}`;
    const s = liveSheet(t.sheet, where);
    const st = structuredClone(s.validationAt(t.rect.row, t.rect.col) ?? defaults());
    if (prop === 'rule') st.rule = this.checkRule(v, where);
    else if (prop === 'errorAlert') {
      const a = { ...st.errorAlert, ...(v as object) };
      if (!ALERT_STYLES.includes(a.style)) throw invalidArgument(`Bad alert style '${a.style}'.`, where);
      if (a.title.length > 32 || a.message.length > 225) throw invalidArgument('An error alert title is at most 32 characters and its message at most 225.', where);
      st.errorAlert = a;
    } else if (prop === 'prompt') {
      const p = { ...st.prompt, ...(v as object) };
      if (p.title.length > 32 || p.message.length > 255) throw invalidArgument('A prompt title is at most 32 characters and its message at most 255.', where);
      st.prompt = p;
    } else if (prop === 'ignoreBlanks') st.ignoreBlanks = !!v;
    else return super._write(prop, v, t);
    put(s, t.rect, st);
  }

  private checkRule(v: unknown, where: string): ValidationState['rule'] {
    const rule = v as Excel.DataValidationRule;
    if (!rule || typeof rule !== 'object' || Object.keys(rule).length !== 1) throw invalidArgument('A rule has exactly one kind (list, wholeNumber, ...).', where);
    if (!rule.list) return structuredClone(rule) as Record<string, unknown>;
    let source = rule.list.source as unknown;
    if (typeof source === 'object' && source !== null) {
      const rt = (source as FakeRange)._require(where);
      source = `=${fullAddress(rt.sheet.name, rt.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    }
    if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('A list rule needs a source.', where);
    // Excel limits a typed-in list ("Yes,No") to 255 characters; a range reference has no such limit.
    if (!source.startsWith('=') && source.length > 255) throw invalidArgument(`The list source is ${source.length} characters; Excel allows 255.`, where);
    return { list: { inCellDropDown: rule.list.inCellDropDown ?? true, source } };
  }

  clear(): void {
    this._op('clear', 0, (t) => put(liveSheet(t.sheet, 'DataValidation.clear'), t.rect, null));
  }
}
