import fs from 'node:fs';

/** Whether `p` is a regular file (following links); false when it is missing or unreadable. */
export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether `p` is a folder (following links); false when it is missing or unreadable. */
export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
