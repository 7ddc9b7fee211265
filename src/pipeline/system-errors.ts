/**
 * A file system error in words: `permission denied`, not `EACCES`; a symbolic link that loops, not "no such file"
 * (probe 58: raw codes and syscall names reached the user, and a loop was reported as a missing file).
 */
const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ELOOP: 'a symbolic link that points back to itself (a loop)',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files open',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is busy',
};

/** The words for an error's code, or its message where the code has none. */
export function systemErrorWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && WORDS[code] !== undefined) return WORDS[code];
  return error instanceof Error ? error.message : String(error);
}
