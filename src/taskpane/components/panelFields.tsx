/** Native form fields for the panels loaded on demand, styled by the pane (panelKit.ts): no Fluent import here. */
import { ReactNode, useId } from 'react';
import type { PanelClasses } from './panelKit';

export function TextField(props: { classes: PanelClasses; label: string; value: string; onChange(v: string): void; error?: string; placeholder?: string; testId?: string; multiline?: boolean }) {
  const id = useId();
  const { classes } = props;
  const common = {
    id,
    className: classes.input,
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? `${id}-error` : undefined,
    'data-testid': props.testId,
  };
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        {props.label}
      </label>
      {props.multiline ? <textarea {...common} rows={5} onChange={(e) => props.onChange(e.target.value)} /> : <input type="text" {...common} onChange={(e) => props.onChange(e.target.value)} />}
      {props.error && (
        <p id={`${id}-error`} className={classes.error} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function CheckField(props: { classes: PanelClasses; label: string; checked: boolean; onChange(v: boolean): void; testId?: string }) {
  const id = useId();
  return (
    <div className={props.classes.check}>
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function SelectField(props: { classes: PanelClasses; label: string; value: string; onChange(v: string): void; disabled?: boolean; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className={props.classes.field}>
      <label htmlFor={id} className={props.classes.label}>
        {props.label}
      </label>
      <select id={id} className={props.classes.input} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.children}
      </select>
    </div>
  );
}

export function FileField(props: { classes: PanelClasses; label: string; accept: string; disabled?: boolean; testId: string; onFile(f: File): void }) {
  const id = useId();
  return (
    <div className={props.classes.field}>
      <label htmlFor={id} className={props.classes.label}>
        {props.label}
      </label>
      <input
        id={id}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </div>
  );
}
