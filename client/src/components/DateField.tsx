import { TextField } from './TextField.js';

/** A date typed as DD/MM/YYYY; the caller validates it with shared/dates.ts parseUkDate. */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint ?? 'For example, 27/03/2024'}
      value={value}
      onChange={onChange}
      error={error}
      inputMode="numeric"
      autoComplete="off"
      className="input--date"
      disabled={disabled}
    />
  );
}
