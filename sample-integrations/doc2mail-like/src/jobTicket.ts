/**
 * The job ticket that comes with each "printed" PDF (`<job>.job` as `key: value` lines, or
 * `<job>.json`). Keys:
 *
 *   recipient: 010190-1234 | 13748136 | pdf      (pdf = read the ##DP-MODTAGER: ...## line)
 *   pnumber:   1000000011                        (optional, a company's production unit)
 *   name:      Anna Jensen                       (optional, recipient name)
 *   title:     Afgørelse om boligstøtte          (required, ≤ 256 characters)
 *   senderSystem: OPUS Debitor                   (required, the system that printed)
 *   caseId:    SAG-2025-17                       (optional)
 *   address:   Møllevej 8, 8001 Solbjerg Nord    (optional; needed when the recipient has no Digital Post)
 *
 * Problems are collected, each in Danish and English with what to fix.
 * @module
 */

export interface Problem {
  readonly da: string;
  readonly en: string;
}

export interface JobTicket {
  readonly recipient: string;
  readonly pNumber?: string;
  readonly name?: string;
  readonly title: string;
  readonly senderSystem: string;
  readonly caseId?: string;
  readonly address?: { readonly street: string; readonly building: string; readonly postCode: string; readonly city: string };
}

const KEYS: Record<string, keyof JobTicket | 'pnumber'> = {
  recipient: 'recipient', modtager: 'recipient', pnumber: 'pnumber', pnummer: 'pnumber', name: 'name', navn: 'name', title: 'title', titel: 'title',
  sendersystem: 'senderSystem', afsendersystem: 'senderSystem', caseid: 'caseId', sagsnummer: 'caseId', address: 'address', adresse: 'address',
};

type Read = { readonly ok: true; readonly fields: Record<string, string> } | { readonly ok: false; readonly problem: Problem };

function readKeyValue(text: string): Read {
  const out: Record<string, string> = {};
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z]+)\s*[:=]\s*(.*)$/.exec(line);
    if (m === null) return { ok: false, problem: { da: `Linje ${i + 1} i jobfilen er ikke på formen "nøgle: værdi".`, en: `Line ${i + 1} of the job ticket is not "key: value".` } };
    out[(m[1] ?? '').toLowerCase()] = (m[2] ?? '').trim();
  }
  return { ok: true, fields: out };
}

function readJson(text: string): Read {
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return { ok: true, fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' || typeof v === 'number' ? String(v) : ''])) };
  } catch {
    return { ok: false, problem: { da: 'Jobfilen er ikke gyldig JSON (et objekt med nøglerne recipient, title, senderSystem ...).', en: 'The job ticket is not valid JSON (an object with recipient, title, senderSystem ...).' } };
  }
}

function parseAddress(value: string): JobTicket['address'] | undefined {
  const m = /^(.+?)\s+(\d+[A-Za-z]?)\s*,\s*(\d{4})\s+(.+)$/.exec(value.trim());
  return m ? { street: m[1] ?? '', building: m[2] ?? '', postCode: m[3] ?? '', city: m[4] ?? '' } : undefined;
}

export function parseJobTicket(text: string, format: 'keyvalue' | 'json'): JobTicket | Problem[] {
  const raw = format === 'json' ? readJson(text) : readKeyValue(text);
  if (!raw.ok) return [raw.problem];
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.fields)) {
    const key = KEYS[k];
    if (key !== undefined) fields[key] = v;
  }
  const problems: Problem[] = [];
  if (!fields['recipient']) problems.push({ da: 'Angiv modtageren: "recipient: <CPR-nummer eller CVR-nummer>" eller "recipient: pdf", hvis PDF\'en har en linje ##DP-MODTAGER: ...##.', en: 'Give the recipient: "recipient: <CPR or CVR number>", or "recipient: pdf" when the PDF has a ##DP-MODTAGER: ...## line.' });
  if (!fields['title']) problems.push({ da: 'Angiv brevets titel: "title: ..." (det borgeren ser i sin postkasse).', en: 'Give the letter\'s title: "title: ..." (what the recipient sees in the mailbox).' });
  else if (fields['title'].length > 256) problems.push({ da: 'Titlen er længere end 256 tegn; forkort den.', en: 'The title is longer than 256 characters; shorten it.' });
  if (!fields['senderSystem']) problems.push({ da: 'Angiv hvilket system der har udskrevet brevet: "senderSystem: ...".', en: 'Say which system printed the letter: "senderSystem: ...".' });
  if (fields['pnumber'] && !/^\d{10}$/.test(fields['pnumber'])) problems.push({ da: 'P-nummeret skal have 10 cifre.', en: 'The P-number must have 10 digits.' });
  const address = fields['address'] ? parseAddress(fields['address']) : undefined;
  if (fields['address'] && address === undefined) problems.push({ da: 'Adressen skal skrives som "Vejnavn 12, 8000 By".', en: 'Write the address as "Street 12, 8000 Town".' });
  if (problems.length > 0) return problems;
  return {
    recipient: fields['recipient'] ?? '', title: fields['title'] ?? '', senderSystem: fields['senderSystem'] ?? '',
    ...(fields['pnumber'] ? { pNumber: fields['pnumber'] } : {}), ...(fields['name'] ? { name: fields['name'] } : {}),
    ...(fields['caseId'] ? { caseId: fields['caseId'] } : {}), ...(address ? { address } : {}),
  };
}
