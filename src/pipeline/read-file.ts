import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DerivationError, diagnostic } from '../diagnostics/index.ts';
import { LIMITS } from '../syntax/index.ts';

/**
 * Reads a file only if it is a regular file of at most {@link LIMITS.fileBytes}.
 * A FIFO would block the run until some writer appears, a device such as
 * /dev/zero never ends, a socket is not a file: each is an `io` error. The file
 * is opened without blocking and checked through its descriptor, so what is
 * checked is what is read (a symlink counts as what it points to), and no more
 * than the limit is ever read, even if the file grows meanwhile.
 */
export function readRegularFile(path: string): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new DerivationError(diagnostic('io', `not a regular file (${kindOf(stat)}): only regular files are read`, path, undefined,
        'a .deriv file is a plain text file; remove the entry or point it at a file'));
    }
    if (stat.size > LIMITS.fileBytes) {
      throw tooLarge(path);
    }
    const buffer = new Uint8Array(Math.min(stat.size, LIMITS.fileBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > LIMITS.fileBytes) throw tooLarge(path);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string): DerivationError {
  return new DerivationError(diagnostic('limit', `the file is larger than ${LIMITS.fileBytes} bytes`, path, undefined,
    'split it into several files'));
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
