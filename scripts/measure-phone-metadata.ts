/**
 * Which libphonenumber-js metadata set should the phone kit use? Runs the detection corpus and a
 * 20,000-row CRM-like batch against `min`, `mobile` and `max` and prints accuracy, size and speed.
 * The chosen set is recorded in lib/phone/metadata-choice.ts.
 *
 *   npx tsx scripts/measure-phone-metadata.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { findPhoneNumbersInText, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import mobile from 'libphonenumber-js/metadata.mobile.json';
import { createPhoneKit, type PhoneKit } from '../lib/phone/kit';
import { NEGATIVE_COUNTRIES, NEGATIVES, POSITIVES } from '../tests/unit/phone-corpus';

const SETS: Record<string, MetadataJson> = { min, mobile, max };
const BATCH_ROWS = 20_000;
const REPEATED_DISTINCT = 2_000;
const RANDOM_RUNS = 2_500;

interface Accuracy {
  tp: number;
  fp: number;
  fn: number;
  e164Mismatch: number;
}

function accuracy(kit: PhoneKit): Accuracy {
  const acc: Accuracy = { tp: 0, fp: 0, fn: 0, e164Mismatch: 0 };
  for (const c of POSITIVES) {
    const found = kit.findPhoneNumbers(c.text, { defaultCountry: c.country });
    for (const want of c.expect) {
      const hit = found.find((f) => f.raw === want.raw);
      if (!hit) acc.fn += 1;
      else if (hit.e164 !== want.e164) acc.e164Mismatch += 1;
      else acc.tp += 1;
    }
    acc.fp += found.filter((f) => !c.expect.some((want) => want.raw === f.raw)).length;
  }
  for (const c of NEGATIVES) {
    for (const country of NEGATIVE_COUNTRIES)
      acc.fp += kit.findPhoneNumbers(c.text, { defaultCountry: country }).length;
  }
  return acc;
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same batch. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = { text: string; country: CountryCode };

/**
 * Rows of one number each in a country's usual format; `crm` rows also carry a name, a date, an
 * amount and an order ID, as a CRM table row does.
 */
function batch(rows: number, distinct: number, crm = true): Row[] {
  const rnd = random(42);
  const d = (len: number) => Array.from({ length: len }, () => Math.floor(rnd() * 10)).join('');
  const templates: (() => Row)[] = [
    () => ({ country: 'RU', text: `+7 (9${d(2)}) ${d(3)}-${d(2)}-${d(2)}` }),
    () => ({ country: 'RU', text: `8 (495) ${1 + Math.floor(rnd() * 9)}${d(2)}-${d(2)}-${d(2)}` }),
    () => ({ country: 'PL', text: `+48 5${d(2)} ${d(3)} ${d(3)}` }),
    () => ({ country: 'DE', text: `030 ${1 + Math.floor(rnd() * 9)}${d(7)}` }),
    () => ({ country: 'US', text: `(212) ${2 + Math.floor(rnd() * 8)}${d(2)}-${d(4)}` }),
    () => ({ country: 'UA', text: `+380 50 ${d(3)} ${d(2)} ${d(2)}` }),
  ];
  const numbers = Array.from({ length: distinct }, (_, i) => (templates[i % templates.length] as () => Row)());
  return Array.from({ length: rows }, (_, i) => {
    const { country, text } = numbers[i % distinct] as Row;
    return crm
      ? { country, text: `Клиент ${i} | ${text} | 12.03.2024 14:30 | 1 234 567 ₽ | Заказ № ${d(8)}` }
      : { country, text };
  });
}

/** Share of random unformatted 7–12 digit runs (homes RU, PL, DE, US) the kit calls a phone. */
function randomRunsLinked(metadata: MetadataJson): number {
  const kit = createPhoneKit(metadata);
  const rnd = random(7);
  let linked = 0;
  let total = 0;
  for (const country of ['RU', 'PL', 'DE', 'US']) {
    for (let i = 0; i < RANDOM_RUNS; i++) {
      const digits = Array.from({ length: 7 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 10)).join('');
      linked += kit.findPhoneNumbers(`Итого ${digits} за месяц`, { defaultCountry: country }).length;
      total += 1;
    }
  }
  return (100 * linked) / total;
}

/** Microseconds per row (one number each) of `scan` over `rows`. */
function speed(rows: Row[], scan: (row: Row) => number): { us: number; found: number } {
  const t0 = performance.now();
  let found = 0;
  for (const row of rows) found += scan(row);
  return { us: ((performance.now() - t0) * 1000) / rows.length, found };
}

const require = createRequire(import.meta.url);
const plainRows = batch(BATCH_ROWS, BATCH_ROWS, false);
const distinctRows = batch(BATCH_ROWS, BATCH_ROWS);
const repeatedRows = batch(BATCH_ROWS, REPEATED_DISTINCT);
const table: Record<string, Record<string, string | number>> = {};

// Warm the JIT on every set first, so that the set measured first is not penalised.
for (const metadata of Object.values(SETS)) {
  const warmUp = createPhoneKit(metadata);
  speed(distinctRows.slice(0, 5_000), (r) => warmUp.findPhoneNumbers(r.text, { defaultCountry: r.country }).length);
  speed(
    distinctRows.slice(0, 500),
    (r) => findPhoneNumbersInText(r.text, { defaultCountry: r.country }, metadata).length,
  );
}

for (const [name, metadata] of Object.entries(SETS)) {
  const file = readFileSync(require.resolve(`libphonenumber-js/metadata.${name}.json`));
  const acc = accuracy(createPhoneKit(metadata));
  // Fresh kits: the memo is empty, as in a background page that has just loaded the metadata.
  const plain = createPhoneKit(metadata);
  const kitPlain = speed(plainRows, (r) => plain.findPhoneNumbers(r.text, { defaultCountry: r.country }).length);
  const cold = createPhoneKit(metadata);
  const kitDistinct = speed(distinctRows, (r) => cold.findPhoneNumbers(r.text, { defaultCountry: r.country }).length);
  const memo = createPhoneKit(metadata);
  const kitRepeated = speed(repeatedRows, (r) => memo.findPhoneNumbers(r.text, { defaultCountry: r.country }).length);
  const lib = speed(
    distinctRows,
    (r) => findPhoneNumbersInText(r.text, { defaultCountry: r.country }, metadata).length,
  );
  table[name] = {
    'true pos': acc.tp,
    'false pos': acc.fp,
    'false neg': acc.fn,
    'e164 mismatch': acc.e164Mismatch,
    'raw kB': +(file.length / 1024).toFixed(1),
    'gzip kB': +(gzipSync(file).length / 1024).toFixed(1),
    'random runs linked %': +randomRunsLinked(metadata).toFixed(1),
    'µs plain': +kitPlain.us.toFixed(1),
    'µs CRM': +kitDistinct.us.toFixed(1),
    'µs CRM repeats': +kitRepeated.us.toFixed(1),
    'µs lib find CRM': +lib.us.toFixed(1),
    'found kit/lib': `${kitDistinct.found}/${lib.found}`,
  };
}

const expected = POSITIVES.reduce((sum, c) => sum + c.expect.length, 0);
console.log(
  [
    `Corpus: ${POSITIVES.length} positive texts (${expected} numbers), ${NEGATIVES.length} negative texts checked in ` +
      `${NEGATIVE_COUNTRIES.length} home countries each.`,
    `µs = microseconds per number over ${BATCH_ROWS} texts of one number each, fresh kit: "plain" texts are the`,
    `number alone; "CRM" rows add a name, date, amount and order ID; "repeats" draws the rows' numbers from`,
    `${REPEATED_DISTINCT}; "lib find" is libphonenumber's findPhoneNumbersInText on the CRM rows (no vetoes).`,
  ].join('\n'),
);
console.table(table);
