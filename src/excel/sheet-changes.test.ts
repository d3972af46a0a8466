import { changeOf } from './sheet-changes';

describe('changeOf', () => {
  it('reads the rows of an edited area, with or without the sheet and $ signs', () => {
    expect(changeOf({ address: 'B3:K20', changeType: 'RangeEdited', triggerSource: 'Unknown' })).toEqual({ rows: { first: 3, last: 20 }, ours: false });
    expect(changeOf({ address: "'My Clients'!$D$7", changeType: 'RangeEdited', triggerSource: 'Unknown' })).toEqual({
      rows: { first: 7, last: 7 },
      ours: false,
    });
    expect(changeOf({ address: '5:9', changeType: 'RangeEdited', triggerSource: 'Unknown' }).rows).toEqual({ first: 5, last: 9 });
  });

  it('has no rows for a whole column or rows that moved, and knows the add-in’s own writes', () => {
    expect(changeOf({ address: 'D:D', changeType: 'RangeEdited', triggerSource: 'Unknown' }).rows).toBeNull();
    expect(changeOf({ address: '4:4', changeType: 'RowInserted', triggerSource: 'Unknown' }).rows).toBeNull();
    expect(changeOf({ address: 'A2', changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' }).ours).toBe(true);
  });

  it('says where whole rows were inserted or deleted, and how many (changeType RowInserted, RowDeleted)', () => {
    expect(changeOf({ address: '4:6', changeType: 'RowInserted', triggerSource: 'Unknown' })).toEqual({ rows: null, ours: false, moved: { at: 4, count: 3 } });
    expect(changeOf({ address: '$9:$9', changeType: 'RowDeleted', triggerSource: 'Unknown' }).moved).toEqual({ at: 9, count: -1 });
  });
});
