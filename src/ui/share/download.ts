/** Saves `data` as a file through the browser's download mechanism. */
export function downloadFile(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started once click() returns; the URL only needs to live until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
