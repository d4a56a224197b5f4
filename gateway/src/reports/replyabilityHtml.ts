/**
 * The replyability report as a self-contained HTML page: an SVG bar chart with a text
 * alternative (role="img", <title>, <desc>) and the same figures as a real data table, so
 * screen-reader users get everything the chart shows.
 * @module
 */
import { formatOffReasons } from './replyabilityReport.js';
import type { ReplyabilityReport } from './replyabilityReport.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (share: number): string => `${Math.round(share * 100)} %`;

function chart(report: ReplyabilityReport): string {
  const barH = 28;
  const height = report.rows.length * (barH + 12) + 20;
  const desc = report.rows.map((r) => `${r.senderSystem}: ${pct(r.replyEnabledShare)} besvarbare af ${r.lettersSent} breve`).join('; ') || 'Ingen breve i perioden.';
  const bars = report.rows.map((r, i) => {
    const y = 10 + i * (barH + 12);
    const w = Math.round(r.replyEnabledShare * 400);
    return `<g><text x="0" y="${y + 19}" font-size="14">${esc(r.senderSystem)}</text>` +
      `<rect x="160" y="${y}" width="400" height="${barH}" fill="#e8e8e8"/>` +
      `<rect x="160" y="${y}" width="${w}" height="${barH}" fill="#005a9c"/>` +
      `<text x="570" y="${y + 19}" font-size="14">${pct(r.replyEnabledShare)}</text></g>`;
  }).join('');
  return `<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 640 ${height}" width="640" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="chart-title">Andel besvarbare breve pr. afsendersystem</title><desc id="chart-desc">${esc(desc)}</desc>${bars}</svg>`;
}

export function replyabilityHtml(report: ReplyabilityReport): string {
  const rows = report.rows.map((r) =>
    `<tr><th scope="row">${esc(r.senderSystem)}</th><td>${r.lettersSent}</td><td>${r.replyEnabled}</td><td>${pct(r.replyEnabledShare)}</td><td>${r.repliesReceived}</td><td>${r.medianHoursToReply ?? '–'}</td><td>${r.replyTurnedOff}</td><td>${esc(formatOffReasons(r.replyOffReasons)) || '–'}</td><td>${r.physical}</td></tr>`,
  ).join('');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Besvarbarhed – Postbud</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse}th,td{padding:.4rem .8rem;border-bottom:1px solid #ccc;text-align:right}th[scope=row],thead th:first-child{text-align:left}</style></head>
<body><main><h1>Besvarbarhed</h1><p>Periode: <time datetime="${esc(report.from)}">${esc(report.from.slice(0, 10))}</time> – <time datetime="${esc(report.to)}">${esc(report.to.slice(0, 10))}</time></p>
<figure>${chart(report)}<figcaption>Andel af sendte breve, hvor modtageren kunne svare.</figcaption></figure>
<table><caption>Breve, svarmulighed og svar pr. afsendersystem</caption>
<thead><tr><th scope="col">Afsendersystem</th><th scope="col">Sendt</th><th scope="col">Besvarbare</th><th scope="col">Andel</th><th scope="col">Svar modtaget</th><th scope="col">Median timer til svar</th><th scope="col">Svar slået fra</th><th scope="col">Begrundelser</th><th scope="col">Fysisk post</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>
`;
}
