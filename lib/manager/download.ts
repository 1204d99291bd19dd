/** Saves a Blob as a file through a temporary object URL (no permission needed). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function dateStamp(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
