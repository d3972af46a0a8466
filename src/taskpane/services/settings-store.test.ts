import { createSettingsStore } from './settings-store';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('createSettingsStore', () => {
  it('keeps each workbook partition apart', () => {
    const storage = memoryStorage();
    createSettingsStore(storage, 'book-1').write('connection', { token: 'one' });
    createSettingsStore(storage, 'book-2').write('connection', { token: 'two' });
    expect(createSettingsStore(storage, 'book-1').read('connection')).toEqual({ token: 'one' });
    expect([...storage.map.keys()].sort()).toEqual(['book-1:client-import:connection', 'book-2:client-import:connection']);
  });
  it('treats an unreadable value as unset', () => {
    const storage = memoryStorage();
    storage.setItem('client-import:resume', '{oops');
    expect(createSettingsStore(storage, undefined).read('resume')).toBeNull();
  });
});
