import { invalidArgument } from '../model/errors';
import { styleTargets } from '../model/range-data';
import { typeInput } from '../model/typing';
import { Scalar } from '../host-type';
import { RangeTarget } from './range-target';

interface Link {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** range.hyperlink: read from the top-left cell; written to every cell (textToDisplay typed as a value). */
export const hyperlinkScalar: Scalar<RangeTarget> = {
  get: ({ sheet, rect }) => {
    const l = sheet.cell(rect.row, rect.col)?.link;
    return l ? { ...l } : null;
  },
  set: ({ sheet, rect }, value) => {
    const where = 'Range.hyperlink';
    const link = value as Link | null;
    if (link !== null && (typeof link !== 'object' || (!link.address && !link.documentReference)))
      throw invalidArgument('A hyperlink needs an address or a documentReference.', where);
    for (const cell of styleTargets(sheet, rect)) {
      if (link === null) {
        delete cell.link;
        continue;
      }
      cell.link = { address: link.address, documentReference: link.documentReference, screenTip: link.screenTip, textToDisplay: link.textToDisplay };
      if (link.textToDisplay !== undefined) {
        const typed = typeInput(link.textToDisplay, cell.nf ?? 'General', where)!;
        cell.v = typed.v;
        delete cell.f;
        delete cell.t;
      }
    }
  },
};
