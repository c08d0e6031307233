/** Joins class names, skipping falsy ones. No tailwind-merge: pass layout classes (margins,
 * widths, grid placement) through `className`, not colours that fight a component's variant. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
