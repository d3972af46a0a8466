import { useState } from 'react';
import type { SettingsStore } from '../services/settings-store';

/**
 * A yes/no choice remembered per firm (a pane may connect to several firms over time). Read from
 * the store while rendering, not in an effect, so the first render after connecting already has the
 * firm's choice (a ribbon click waiting for the pane runs in that render's handlers).
 */
export function useFirmSetting(settings: SettingsStore, firmId: string | null, name: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const key = firmId ? `${name}:${firmId}` : null;
  const [unsaved, setUnsaved] = useState(fallback); // the choice before any firm is connected
  const [, rerender] = useState(0);
  const value = key ? (settings.read<boolean>(key) ?? fallback) : unsaved;
  return [
    value,
    (next) => {
      if (key) settings.write(key, next);
      else setUnsaved(next);
      rerender((n) => n + 1);
    },
  ];
}
