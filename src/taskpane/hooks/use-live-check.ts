import { useEffect, useRef } from 'react';
import type { FirmRules } from '../../domain';
import type { TemplateLocation } from '../../excel';
import type { WorkbookPort } from '../workbook/workbook-port';
import { LiveChecker, type LiveSnapshot } from './live-checker';

export interface LiveCheckOptions {
  workbook: WorkbookPort;
  /** The template as last found; null while there is none. */
  template: TemplateLocation | null;
  firm: FirmRules | undefined;
  /** False while the pane is hidden: the handler is removed. */
  visible: boolean;
  /** True while an import or another pane task runs: changes are not checked, and the next one checks the whole template. */
  paused: boolean;
  onChecked(snapshot: LiveSnapshot): void;
  onError(error: unknown): void;
}

export interface LiveCheck {
  /** Hands a full check's rows and issues to the live checks. */
  seed(snapshot: Pick<LiveSnapshot, 'rows' | 'issues'>): void;
}

/** Where the template is: a change of sheet, header row or columns is a move, and the handler moves with it. */
const placeOf = (t: TemplateLocation | null) => (t === null ? null : JSON.stringify([t.sheetName, t.headerRow, t.columns]));

/**
 * Checks the template's changed rows as the user edits them (DESIGN §2, §7): one Worksheet.onChanged handler
 * on the template's sheet while the pane is open and shows a template; removed when the pane closes or
 * hides, or when the template moves.
 */
export function useLiveCheck(options: LiveCheckOptions): LiveCheck {
  const latest = useRef(options);
  latest.current = options;
  const checker = useRef<LiveChecker | null>(null);
  const place = placeOf(options.template);
  const watching = options.visible && place !== null;

  useEffect(() => {
    const template = latest.current.template;
    if (!watching || template === null) return;
    const live = new LiveChecker(template, {
      port: latest.current.workbook,
      firm: () => latest.current.firm,
      onChecked: (s) => latest.current.onChecked(s),
      onError: (e) => latest.current.onError(e),
    });
    checker.current = live;
    let stop: (() => Promise<void>) | null = null;
    let ended = false;
    latest.current.workbook
      .watchChanges(template.sheetName, (change) => {
        if (latest.current.paused) live.invalidate();
        else live.changed(change);
      })
      .then((s) => {
        if (ended) return s();
        stop = s;
      })
      .catch((error: unknown) => !ended && latest.current.onError(error));
    return () => {
      ended = true;
      live.close();
      if (checker.current === live) checker.current = null;
      // The pane may be closing: nothing is left to tell about a failed removal.
      stop?.().catch(() => undefined);
    };
  }, [watching, place]);

  useEffect(() => {
    if (options.template) checker.current?.setTemplate(options.template);
  }, [options.template]);

  // The pane's own tasks write to the sheet; what they leave is read afresh at the next change.
  useEffect(() => {
    if (options.paused) checker.current?.invalidate();
  }, [options.paused]);

  return { seed: (s) => checker.current?.seed(s.rows, s.issues) };
}
