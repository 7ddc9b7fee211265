import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { PathError } from './collect-files.ts';

/** A watch on files and folders, until {@link PathWatch.close}. */
export interface PathWatch {
  close(): void;
}

/** Options of {@link watchPaths}. */
export interface WatchOptions {
  /** Milliseconds without a change before `onChange` is called: an editor's save is several events. Default: 150. */
  readonly quietMs?: number;
  /** Called when a watch fails (its folder removed, too many watches): the others go on. Default: ignored. */
  readonly onError?: (path: string, error: Error) => void;
}

/**
 * Calls `onChange` once after each burst of changes to the `.deriv` files the
 * paths name: a folder's files at any depth (files added and removed too), a
 * file itself. A file is watched through its folder, since editors save by
 * writing a new file and renaming it over the old one, which ends a watch on
 * the file. Changes to other files (a report written into the folder) are not
 * changes. Throws {@link PathError} for a path that does not exist.
 */
export function watchPaths(paths: readonly string[], onChange: () => void, options: WatchOptions = {}): PathWatch {
  const { quietMs = 150, onError } = options;
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, quietMs);
  };
  const watchers: FSWatcher[] = [];
  try {
    for (const path of paths) {
      let folder: boolean;
      try {
        folder = statSync(path).isDirectory();
      } catch {
        throw new PathError(`${path}: no such file or folder`);
      }
      // A folder: any .deriv file, and entries without a name or a .deriv ending (a subfolder moved in or out).
      const relevant = folder
        ? (name: string | null) => name === null || name.endsWith('.deriv') || !basename(name).includes('.')
        : (name: string | null) => name === null || basename(name) === basename(path);
      const watcher = watch(folder ? path : dirname(path), { recursive: folder, persistent: true }, (_event, name) => {
        if (relevant(name === null ? null : String(name))) changed();
      });
      watcher.on('error', (error) => onError?.(path, error));
      watchers.push(watcher);
    }
  } catch (error) {
    for (const w of watchers) w.close();
    throw error;
  }
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
