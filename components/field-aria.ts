/**
 * `aria-invalid` and `aria-describedby` for a form field whose error element is `${id}-error`
 * and hint element, if any, `${id}-hint`, so screen readers read both with the field.
 */
export function fieldAria(id: string, invalid: boolean, hint: boolean) {
  const describedBy = [invalid ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return {
    'aria-invalid': invalid ? ('true' as const) : ('false' as const),
    'aria-describedby': describedBy || undefined,
  };
}
