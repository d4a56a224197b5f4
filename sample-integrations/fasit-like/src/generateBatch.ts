/**
 * Writes a fictional batch (CSV + PDFs) for demos and load runs: recipients cycle through the
 * sandbox world's citizens (registered and exempt), case ids are made up.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { letterPdf } from '../../shared/src/letterPdf.js';
import { CITIZENS } from '../../shared/src/world.js';

const TEMPLATES = [
  { title: 'Indkaldelse til samtale i jobcentret', lines: ['Du er indkaldt til en samtale om dit forløb.', 'Svar på dette brev, hvis tidspunktet ikke passer.'] },
  { title: 'Din jobplan er opdateret', lines: ['Din jobplan er opdateret efter jeres seneste samtale.', 'Skriv til os, hvis noget ikke passer.'] },
  { title: 'Partshøring om sygedagpenge', lines: ['Vi overvejer at ændre din ret til sygedagpenge.', 'Du kan svare på brevet inden 14 dage.'] },
] as const;

/** Writes `<dir>/batch.csv` with `count` rows and returns its path. Rows with `badEvery` > 0 get a broken CPR. */
export async function generateBatch(dir: string, count: number, options: { readonly badEvery?: number } = {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const [i, t] of TEMPLATES.entries()) writeFileSync(path.join(dir, `skabelon-${i}.pdf`), await letterPdf({ title: t.title, lines: [...t.lines, '', 'Med venlig hilsen', 'Jobcenter Solbjerg'] }));
  const lines = ['cpr;name;caseId;title;pdf;street;building;postCode;city'];
  for (let n = 1; n <= count; n++) {
    const c = CITIZENS[(n - 1) % CITIZENS.length]!;
    const t = (n - 1) % TEMPLATES.length;
    const cpr = options.badEvery && n % options.badEvery === 0 ? '3213901234' : c.cpr;
    lines.push([cpr, c.name, `FASIT-${String(100000 + n)}`, TEMPLATES[t]!.title, `skabelon-${t}.pdf`, c.address.street, c.address.building, c.address.postCode, c.address.city].join(';'));
  }
  const file = path.join(dir, 'batch.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
