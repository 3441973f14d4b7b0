// Finds the event definitions of every domain slice: each services/*/src/**/events.ts, and its stream category.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface EventSource {
  /** Path from the repository root, with forward slashes. */
  path: string;
  /** The stream category its events are written to (the part of the stream id before the first '-'). */
  category: string;
  text: string;
}

/** Every events.ts under services/<service>/src, sorted by path. */
export function findEventSources(root: string): EventSource[] {
  const sources: EventSource[] = [];
  const services = join(root, 'services');
  for (const service of readdirSync(services).sort()) {
    const src = join(services, service, 'src');
    if (!isDirectory(src)) continue;
    for (const file of walk(src)) {
      if (!file.endsWith('/events.ts')) continue;
      const path = relative(root, file).split('\\').join('/');
      const text = readFileSync(file, 'utf8');
      sources.push({ path, category: categoryIn(path, text), text });
    }
  }
  return sources.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The category a slice writes to, read from how it names its streams: a string or template starting
 * `<category>-` (a template like `station-${id}`, or a *STREAM* constant like 'audit-checkpoints'), or an exported
 * STREAM_CATEGORY constant.
 */
export function categoryIn(path: string, text: string): string {
  const declared = /STREAM_CATEGORY\s*=\s*['"`]([a-z][a-z0-9]*)['"`]/.exec(text);
  if (declared) return declared[1]!;
  const found = new Set<string>();
  for (const match of text.matchAll(/`([a-z][a-z0-9]*)-\$\{/g)) found.add(match[1]!);
  for (const match of text.matchAll(/STREAM\w*\s*=\s*['"`]([a-z][a-z0-9]*)-/g)) found.add(match[1]!);
  if (found.size === 1) return [...found][0]!;
  throw new Error(
    `${path}: expected one stream category, named by a stream id like \`station-\${id}\` or by export const STREAM_CATEGORY = '…'; found ${found.size === 0 ? 'none' : [...found].join(', ')}`,
  );
}

function walk(directory: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(directory, name);
    if (isDirectory(path)) files.push(...walk(path));
    else files.push(path.split('\\').join('/'));
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
