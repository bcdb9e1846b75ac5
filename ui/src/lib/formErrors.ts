import type { UseFormReturnType } from "@mantine/form";
import { useState } from "react";
import { toAppError } from "../api/errors";

/**
 * A refused command's `{kind, message, fields}` error, shown on a @mantine/form form: each field
 * error under the field it names (`rename` maps a backend field name to the form's, where they
 * differ), and everything else in the form's general message, so nothing the backend said is lost.
 */
export type FormFailure = {
  /** The error's own message, then `field: message` for each field error the form has no field for. */
  message: string;
  /** Whether at least one field error found its field (forms that state it there keep the alert short). */
  placed: boolean;
};

export function applyFieldErrors<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  rename: Record<string, string> = {},
): FormFailure {
  const err = toAppError(error);
  const known = new Set(Object.keys(form.getValues() as object));
  const unplaced: string[] = [];
  let placed = false;
  for (const f of err.fields) {
    const path = rename[f.field] ?? f.field;
    if (known.has(path)) {
      form.setFieldError(path, f.message);
      placed = true;
    } else {
      unplaced.push(`${f.field}: ${f.message}`);
    }
  }
  return { message: [err.message, ...unplaced].join("\n"), placed };
}

/**
 * A form's save and what it refused: `attempt` runs the write; a refusal's field errors go under their
 * fields, the rest into `formError`, which each new save and `clearFormError` empty.
 */
export function useFormSave<Values>(form: UseFormReturnType<Values>, rename?: Record<string, string>) {
  const [formError, setFormError] = useState<string | null>(null);
  const attempt = async (write: () => Promise<unknown>) => {
    setFormError(null);
    try {
      await write();
    } catch (err) {
      const failure = applyFieldErrors(form, err, rename);
      if (!failure.placed) setFormError(failure.message);
    }
  };
  return { formError, attempt, clearFormError: () => setFormError(null) };
}
