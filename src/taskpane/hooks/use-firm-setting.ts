import { useEffect, useState } from 'react';
import type { SettingsStore } from '../services/settings-store';

/** A yes/no choice remembered per firm (a pane may connect to several firms over time). */
export function useFirmSetting(settings: SettingsStore, firmId: string | null, name: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const key = firmId ? `${name}:${firmId}` : null;
  const [value, setValue] = useState(fallback);
  useEffect(() => setValue(key ? (settings.read<boolean>(key) ?? fallback) : fallback), [settings, key, fallback]);
  return [
    value,
    (next) => {
      setValue(next);
      if (key) settings.write(key, next);
    },
  ];
}
