import { parseFirmArgs } from './firm-args';

describe('parseFirmArgs', () => {
  it('reads repeatable owners, offices and users and the offline switch', () => {
    expect(parseFirmArgs(['create', '--name', 'Acme Tax', '--owner', 'a@acme.test', '--owner', 'b@acme.test',
      '--office', 'Main', '--office', 'North', '--user', 'c@acme.test', '--offline'])).toEqual({
      name: 'Acme Tax', owners: ['a@acme.test', 'b@acme.test'], offices: ['Main', 'North'], users: ['c@acme.test'], offlineClientsEnabled: true,
    });
  });

  it('refuses a missing value, an unknown option, missing required options and other commands', () => {
    expect(() => parseFirmArgs(['create', '--name'])).toThrow(/--name needs a value/);
    expect(() => parseFirmArgs(['create', '--name', 'X', '--owner', 'a@b.c', '--office', 'M', '--colour', 'red'])).toThrow(/unknown option --colour/);
    expect(() => parseFirmArgs(['create', '--name', 'X', '--office', 'M'])).toThrow(/required/);
    expect(() => parseFirmArgs(['delete'])).toThrow(/usage/);
  });
});
