// Child process of memo.bench.js: builds a letter whose attachment streams from a file,
// writes its MeMo XML to another file with the streaming writer, and reports its own peak
// RSS. Run alone so the parent's heap does not count.
import { createWriteStream, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createMemoMessage, writeMemoStream } from '../dist/index.js';
import { fileContent } from '../dist/runtime/node/index.js';

const [attachmentPath, outputPath] = process.argv.slice(2);

function vmHwmBytes() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

const baselineRss = process.memoryUsage().rss;
const message = createMemoMessage({
  title: 'Bench: stor vedhæftning',
  sender: { id: '13748136', label: 'Postbud Demo Kommune' },
  recipient: { type: 'cpr', cpr: '0101901234' },
  mainDocument: { label: 'Brev', files: [{ filename: 'stor.pdf', content: fileContent(attachmentPath) }] },
});
const start = process.hrtime.bigint();
await pipeline(Readable.from(writeMemoStream(message)), createWriteStream(outputPath));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const result = {
  attachmentBytes: statSync(attachmentPath).size,
  outputBytes: statSync(outputPath).size,
  seconds,
  baselineRssBytes: baselineRss,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  vmHwmBytes: vmHwmBytes(),
};
process.stdout.write(JSON.stringify(result));
