import { useId, type ReactNode } from 'react';

/** Form pieces the sales screens share, built like ui/Field: labelled, errors next to the field and announced. */

export interface DateValue {
  value: string;
  /** The browser holds text that is not a real day (31 February): the value reads empty but is not. */
  bad: boolean;
}

export const emptyDate = (value = ''): DateValue => ({ value, bad: false });

interface DateFieldProps {
  label: string;
  value: DateValue;
  onValue(value: DateValue): void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
}

/** A calendar-day input (`YYYY-MM-DD`) that notices a day which does not exist instead of silently clearing it. */
export function DateField({ label, value, onValue, error, hint, required, autoFocus }: DateFieldProps) {
  const id = useId();
  const read = (input: HTMLInputElement) => {
    const next = { value: input.value, bad: input.validity.badInput };
    if (next.value !== value.value || next.bad !== value.bad) onValue(next);
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type="date"
        value={value.value}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => read(e.currentTarget)}
        onInput={(e) => read(e.currentTarget)}
        onKeyUp={(e) => read(e.currentTarget)}
        onBlur={(e) => read(e.currentTarget)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; icon?: string }[];
  onValue(value: T): void;
}

/** A row of radio buttons that reads like a segmented control; arrow keys move between choices. */
export function Choice<T extends string>({ label, value, options, onValue }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="sales-choice">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={value === o.value ? 'is-checked' : undefined}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
          />
          {o.icon && <span aria-hidden="true">{o.icon} </span>}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
