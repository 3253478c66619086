/** Saves bytes the pane holds as a file with the given name, as a download would (the browser asks where, or saves it). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading it; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
