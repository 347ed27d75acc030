/**
 * Filling Custom Labels in (template-less module). A label holds a whole sentence with numbered
 * placeholders, `{0}` and `{1}`, so a translator can move them; counts choose between the
 * label for none, one and more, because languages do not make plurals by adding a letter.
 */

/** The label with each `{n}` replaced by the n-th value; a placeholder without a value stays. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}

export interface CountLabels {
  /** Shown for 0 when given (“No errors”); otherwise `many` is. */
  none?: string;
  /** Shown for exactly 1; may hold `{0}`. */
  one: string;
  /** Shown for any other count, with the count as `{0}`. */
  many: string;
}

/** The sentence for a count: `none`, `one` or `many`, its `{0}` filled with the count. */
export function formatCount(count: number, labels: CountLabels): string {
  if (count === 0 && labels.none !== undefined) {
    return formatLabel(labels.none, count);
  }
  return formatLabel(count === 1 ? labels.one : labels.many, count);
}
