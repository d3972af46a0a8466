import { Button, Text, mergeClasses } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { useDropZoneStyles } from './drop-zone.styles';
import type { DropZoneProps } from './DropZone.types';

/** Drop (or choose) a saved template file to import it without opening it. */
export function DropZone(props: DropZoneProps) {
  const styles = useDropZoneStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) props.onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Text weight="semibold">Drag and drop completed import client template here</Text>
      {props.file ? (
        <div className={styles.file}>
          <Text>
            {props.file.name} ({Math.ceil(props.file.size / 1024)} KB)
          </Text>
          <Button onClick={props.onClose} disabled={props.busy} aria-label={`Close ${props.file.name}`}>
            Close
          </Button>
          <Button appearance="primary" onClick={props.onImport} disabled={props.busy || !props.connected}>
            Import file
          </Button>
          {props.canResume && (
            <Button onClick={props.onResume} disabled={props.busy}>
              Resume file import
            </Button>
          )}
        </div>
      ) : (
        <Button onClick={() => input.current?.click()}>Choose file…</Button>
      )}
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Template file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
