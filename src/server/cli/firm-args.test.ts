import { parseFirmArgs } from './firm-args';

describe('parseFirmArgs', () => {
  it('reads repeatable owners, offices, users and admins and the offline switch', () => {
    expect(
      parseFirmArgs([
        'create',
        '--name',
        'Acme Tax',
        '--owner',
        'a@acme.test',
        '--owner',
        'b@acme.test',
        '--office',
        'Main',
        '--office',
        'North',
        '--user',
        'c@acme.test',
        '--admin',
        'boss@acme.test',
        '--offline',
      ]),
    ).toEqual({
      command: 'create',
      settings: {
        name: 'Acme Tax',
        owners: ['a@acme.test', 'b@acme.test'],
        offices: ['Main', 'North'],
        users: ['c@acme.test'],
        admins: ['boss@acme.test'],
        offlineClientsEnabled: true,
      },
    });
  });

  it('reads update with only the fields given, rotate-token and list', () => {
    expect(parseFirmArgs(['update', '--id', 'f1', '--name', 'New', '--no-offline'])).toEqual({
      command: 'update',
      id: 'f1',
      change: { name: 'New', offlineClientsEnabled: false },
    });
    expect(parseFirmArgs(['update', '--id', 'f1', '--owner', 'a@b.c', '--office', 'M', '--user', 'u@b.c'])).toEqual({
      command: 'update',
      id: 'f1',
      change: { owners: ['a@b.c'], offices: ['M'], users: ['u@b.c'] },
    });
    expect(parseFirmArgs(['rotate-token', '--id', 'f1'])).toEqual({ command: 'rotate-token', id: 'f1' });
    expect(parseFirmArgs(['update', '--id', 'f1', '--admin', 'boss@b.c'])).toEqual({ command: 'update', id: 'f1', change: { admins: ['boss@b.c'] } });
    expect(parseFirmArgs(['create-key', '--id', 'f1', '--name', 'Nightly sync'])).toEqual({ command: 'create-key', id: 'f1', name: 'Nightly sync' });
    expect(() => parseFirmArgs(['create-key', '--id', 'f1'])).toThrow('--name is required');
    expect(parseFirmArgs(['list'])).toEqual({ command: 'list' });
  });

  it('reads move: an owner pair and/or an office pair, removing the old ones unless --keep', () => {
    expect(parseFirmArgs(['move', '--id', 'f1', '--from-owner', 'a@b.c', '--to-owner', 'd@b.c'])).toEqual({
      command: 'move',
      id: 'f1',
      move: { owner: { from: 'a@b.c', to: 'd@b.c' }, remove: true },
    });
    expect(parseFirmArgs(['move', '--id', 'f1', '--from-office', 'Main', '--to-office', 'North', '--keep'])).toEqual({
      command: 'move',
      id: 'f1',
      move: { office: { from: 'Main', to: 'North' }, remove: false },
    });
    expect(() => parseFirmArgs(['move', '--id', 'f1', '--from-owner', 'a@b.c'])).toThrow(/--from-owner and --to-owner go together/);
    expect(() => parseFirmArgs(['move', '--id', 'f1', '--keep'])).toThrow(/move needs/);
    expect(() => parseFirmArgs(['move', '--from-office', 'A', '--to-office', 'B'])).toThrow(/--id is required/);
    expect(() => parseFirmArgs(['move', '--id', 'f1', '--from-office', 'A', '--to-office', 'B', '--name', 'X'])).toThrow(/move does not take --name/);
    expect(() => parseFirmArgs(['update', '--id', 'f1', '--keep'])).toThrow(/update does not take --keep/);
  });

  it('refuses a missing value, an unknown option, missing required options and other commands', () => {
    expect(() => parseFirmArgs(['create', '--name'])).toThrow(/--name needs a value/);
    expect(() => parseFirmArgs(['create', '--name', 'X', '--owner', 'a@b.c', '--office', 'M', '--colour', 'red'])).toThrow(/unknown option --colour/);
    expect(() => parseFirmArgs(['create', '--name', 'X', '--office', 'M'])).toThrow(/required/);
    expect(() => parseFirmArgs(['create', '--id', 'f1', '--name', 'X', '--owner', 'a@b.c', '--office', 'M'])).toThrow(/create does not take --id/);
    expect(() => parseFirmArgs(['update', '--name', 'X'])).toThrow(/--id is required/);
    expect(() => parseFirmArgs(['update', '--id', 'f1'])).toThrow(/needs something to change/);
    expect(() => parseFirmArgs(['rotate-token', '--id', 'f1', '--name', 'X'])).toThrow(/does not take --name/);
    expect(() => parseFirmArgs(['list', '--all'])).toThrow(/no options/);
    expect(() => parseFirmArgs(['delete'])).toThrow(/usage/);
  });
});
