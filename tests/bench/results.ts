import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** One benchmark figure, as stored in `.bench/results.json`. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** What the issue asks for, in words (`p95 ≤ 100 ms`), or '' when it only asks to report. */
  target: string;
}

export const RESULTS_FILE = resolve(import.meta.dirname, '../../.bench/results.json');

/** Percentile (0–100) of a sample, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Merges rows into the results file by name, so later benchmarks add to one file. */
export async function saveRows(rows: BenchRow[]): Promise<void> {
  const old: BenchRow[] = existsSync(RESULTS_FILE)
    ? (JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as BenchRow[])
    : [];
  const byName = new Map(old.map((r) => [r.name, r]));
  for (const r of rows) byName.set(r.name, r);
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify([...byName.values()], null, 2)}\n`);
}

/** Prints rows as a table. */
export function printRows(rows: BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(1);
    console.log(`${r.name.padEnd(w)}  ${value.padStart(9)} ${r.unit.padEnd(5)} ${r.target}`);
  }
}
