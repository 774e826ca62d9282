import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './results';

/** Raw and gzip sizes of every script in a build, and of each entrypoint with what it loads. */
export async function sizeRows(outDir: string): Promise<BenchRow[]> {
  const files = await listFiles(outDir);
  const rows: BenchRow[] = [];
  for (const file of files.filter((f) => /\.(js|css)$/.test(f))) {
    const data = await readFile(join(outDir, file));
    const name = relative(outDir, join(outDir, file));
    const target = name === 'content-scripts/content.js' ? '≤ 25 KB: runs on every page and frame' : '';
    rows.push({
      name: `size.${name}.gzip`,
      value: Math.round(gzipSync(data).length / 102.4) / 10,
      unit: 'KiB',
      target,
    });
  }
  for (const page of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(outDir, page), 'utf8');
    const deps = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    let gz = 0;
    for (const dep of new Set(deps)) gz += gzipSync(await readFile(join(outDir, dep))).length;
    rows.push({
      name: `size.entry.${page.replace('.html', '')}.gzip`,
      value: Math.round(gz / 102.4) / 10,
      unit: 'KiB',
      target: '',
    });
  }
  return rows;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await listFiles(path, base)));
    else out.push(relative(base, path));
  }
  return out;
}
