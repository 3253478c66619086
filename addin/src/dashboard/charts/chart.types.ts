/** A row drawn as a bar or a slice: its label, its value, and the value as the table writes it (for the hover text). */
export type ChartPoint = { label: string; value: number; text: string };
