"use client";

import { useState } from "react";
import type { ZodType } from "zod";
import { fieldErrorsFromIssues, type ActionError, type FieldErrors } from "@/lib/http/action-result";

/**
 * Form state validated with the same zod schema the server action parses (docs/code-style.md §9):
 * errors appear in place on submit, then follow each keystroke until the field is fixed. Server
 * failures land in the same places (`fieldErrors`) or above the form (`formError`).
 */
export function useZodForm<K extends string, Out>(schema: ZodType<Out>, initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  function errorsFor(next: Record<K, string>): FieldErrors {
    const result = schema.safeParse(next);
    return result.success ? {} : fieldErrorsFromIssues(result.error.issues);
  }

  function set(name: K, value: string) {
    const next = { ...values, [name]: value };
    setValues(next);
    if (submitted) setErrors((current) => ({ ...current, [name]: errorsFor(next)[name] }));
  }

  /** Parsed values, or null after showing every field's error. Send `values` (the raw strings)
   * to the server action, which parses them with the same schema. */
  function validate(): Out | null {
    setSubmitted(true);
    setFormError(null);
    const result = schema.safeParse(values);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(fieldErrorsFromIssues(result.error.issues));
    return null;
  }

  /** Shows a server action's failure: field messages in place, the rest above the form. */
  function showError(error: ActionError) {
    setErrors(error.fieldErrors ?? {});
    const fields = Object.keys(error.fieldErrors ?? {}).filter((key) => key in initial);
    setFormError(fields.length > 0 ? null : error.message);
  }

  /** Props for an <Input>: value, change handler, invalid flag and describedby wiring. */
  function input(name: K, options: { id?: string; hint?: boolean } = {}) {
    const id = options.id ?? name;
    const error = errors[name];
    const describedBy = [options.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
    return {
      id,
      name,
      value: values[name],
      onChange: (event: { target: { value: string } }) => set(name, event.target.value),
      invalid: Boolean(error),
      "aria-describedby": describedBy || undefined,
    };
  }

  return { values, set, errors, formError, setFormError, validate, showError, input, reset: () => setValues(initial) };
}
