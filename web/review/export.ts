import type { ReviewApi } from './api.js';
import { el, showStatus } from './dom.js';
import type { Filters } from './types.js';

const FORMAT_NAMES = { csv: 'CSV', jsonl: 'JSON Lines' } as const;

/**
 * Downloads the export of a filter. The API needs the Authorization header, which a plain link
 * cannot send, so the file is fetched and handed to the browser as a Blob URL.
 */
export async function downloadExport(api: ReviewApi, format: 'csv' | 'jsonl', filters: Filters): Promise<void> {
  showStatus(`Preparing the ${FORMAT_NAMES[format]} export…`);
  const { blob, filename } = await api.exportFile(format, filters);
  saveFile(blob, filename);
  showStatus(`Exported ${filename} (${blob.size} bytes, masked).`);
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { className: 'visually-hidden', text: filename, attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download still starting; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
