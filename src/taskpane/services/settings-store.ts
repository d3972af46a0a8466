import type { KeyValueStore } from './pane-services';

/**
 * JSON settings in localStorage, prefixed by the workbook's partition key: Excel on the web may
 * give add-ins in different workbooks one storage, so each workbook keeps its own connection.
 */
export interface SettingsStore {
  read<T>(name: string): T | null;
  write(name: string, value: unknown): void;
  remove(name: string): void;
}

export function createSettingsStore(storage: KeyValueStore, partitionKey: string | undefined): SettingsStore {
  const key = (name: string) => `${partitionKey ? `${partitionKey}:` : ''}client-import:${name}`;
  return {
    read<T>(name: string): T | null {
      const text = storage.getItem(key(name));
      if (text === null) return null;
      try {
        return JSON.parse(text) as T;
      } catch {
        return null; // an older or hand-edited value: behave as if unset
      }
    },
    write: (name, value) => storage.setItem(key(name), JSON.stringify(value)),
    remove: (name) => storage.removeItem(key(name)),
  };
}
