// Saving a fetched answer as a file: a temporary link to a blob: URL (the pages load nothing from elsewhere, and a
// POST answer cannot be a plain link).

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
