// The size of a file as the user's locale writes it: "940 bytes", "12 kB", "3.4 MB" (MB of 1,048,576 bytes, as the
// API's limits count them).
const KB = 1024;
const MB = KB * 1024;

export function fileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'megabyte'] : bytes >= KB ? [bytes / KB, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
