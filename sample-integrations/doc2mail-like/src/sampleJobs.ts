/**
 * Copies the fictional sample jobs (fixtures/*.job|*.json) into an inbox together with their
 * PDFs, which are printed from fixtures/letters.json (one of them carries the marked line).
 * The PDF is written first and the ticket last, as print drivers do.
 * @module
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { letterPdf } from '../../shared/src/letterPdf.js';

export function fixturesDir(): string {
  for (const rel of ['../fixtures', '../../../doc2mail-like/fixtures']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path.join(dir, 'letters.json'))) return dir;
  }
  throw new Error('doc2mail-like/fixtures not found.');
}

export async function dropSampleJobs(inbox: string, only?: readonly string[]): Promise<string[]> {
  const dir = fixturesDir();
  const letters = JSON.parse(readFileSync(path.join(dir, 'letters.json'), 'utf8')) as Record<string, { title: string; lines: string[] }>;
  const jobs: string[] = [];
  for (const ticket of readdirSync(dir).filter((f) => (f.endsWith('.job') || f.endsWith('.json')) && f !== 'letters.json').sort()) {
    const job = path.basename(ticket, path.extname(ticket));
    const letter = letters[job];
    if (letter === undefined || (only && !only.includes(job))) continue;
    writeFileSync(path.join(inbox, `${job}.pdf`), await letterPdf(letter));
    copyFileSync(path.join(dir, ticket), path.join(inbox, ticket));
    jobs.push(job);
  }
  return jobs;
}
