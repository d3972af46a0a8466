import { Button, Field, Select, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useViewStyles } from '../shell/pane-styles';
import { useCheckStyles } from './check-view.styles';
import type { CheckViewProps } from './CheckView.types';

const MAX_LISTED = 500;

/** Every issue with its row and column; choosing one selects the cell in the sheet. */
export function CheckView(props: CheckViewProps) {
  const styles = useViewStyles();
  const own = useCheckStyles();
  const [column, setColumn] = useState('');
  const [problem, setProblem] = useState('');
  const columns = [...new Set(props.issues.map((i) => i.column))];
  const problems = [...new Set(props.issues.map((i) => i.problem))];
  const matching = props.issues.filter((i) => (column === '' || i.column === column) && (problem === '' || i.problem === problem));
  const shown = matching.slice(0, MAX_LISTED);
  return (
    <section className={styles.view} aria-label="Check">
      <div className={styles.row}>
        <Button appearance="primary" onClick={props.onCheck} disabled={props.busy !== null}>
          Check template
        </Button>
        {props.busy && <Spinner size="tiny" label={`${props.busy}…`} />}
      </div>
      {props.checked && (
        <Text role="status">
          {props.issues.length === 0
            ? `All ${props.checked.rows.toLocaleString('en-US')} rows pass the checks.`
            : `${props.issues.length.toLocaleString('en-US')} ${props.issues.length === 1 ? 'issue' : 'issues'} in ${props.checked.rows.toLocaleString('en-US')} rows; invalid cells are marked in the sheet.`}
          {!props.checked.withFirmRules && ' Owner and Office are checked against the firm once connected.'}
        </Text>
      )}
      {props.issues.length > 1 && (
        <div className={styles.row} role="group" aria-label="Filter issues">
          <Field label="Column" size="small">
            <Select size="small" value={column} onChange={(_, d) => setColumn(d.value)}>
              <option value="">All columns</option>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
          <Field label="Problem" size="small">
            <Select size="small" value={problem} onChange={(_, d) => setProblem(d.value)}>
              <option value="">All problems</option>
              {problems.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {matching.length < props.issues.length && (
        <Text size={200}>
          Showing {matching.length.toLocaleString('en-US')} of {props.issues.length.toLocaleString('en-US')} issues.
        </Text>
      )}
      {shown.length > 0 && (
        <ul className={own.list} aria-label="Issues">
          {shown.map((issue) => (
            <li key={issue.key}>
              <Button appearance="subtle" className={own.item} onClick={() => props.onSelect(issue.key)}>
                <span className={own.where}>
                  Row {issue.row}, {issue.column}
                </span>
                <span>{issue.message}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {matching.length > MAX_LISTED && <Text className={styles.hint}>Showing the first {MAX_LISTED}; fix these and check again.</Text>}
    </section>
  );
}
