// The small pieces every form and table of the till repeats: a labelled text field, a table's header row, and a
// one-line outcome (an alert when it failed, a status when it worked).
import type { JSX } from "preact";

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onInput" | "label">;

/** A text field inside its label (the label names the control for screen readers and tests). */
export function TextField({
  label,
  value,
  onValue,
  ...input
}: InputProps & { readonly label: string; readonly value: string; readonly onValue: (value: string) => void }) {
  return (
    <label>
      {label}
      <input autoComplete="off" {...input} value={value} onInput={(event) => onValue(event.currentTarget.value)} />
    </label>
  );
}

/** A table's header row; `numeric` columns are right-aligned, `hidden` ones are read out but not shown. */
export function HeaderRow({
  columns,
}: {
  readonly columns: readonly { readonly label: string; readonly numeric?: boolean; readonly hidden?: boolean }[];
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column.label} class={column.numeric ? "num" : undefined}>
            {column.hidden ? <span class="visually-hidden">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** What an action did: `role="alert"` when it failed, `role="status"` when it worked. */
export function Outcome({ text, failed }: { readonly text: string; readonly failed: boolean }) {
  return (
    <p role={failed ? "alert" : "status"} class={failed ? "inline-error" : "inline-ok"}>
      {text}
    </p>
  );
}
