import type { CrawlProgress } from '../queue/index.js';

export function describeProgress(p: CrawlProgress & { elapsedMs: number }): string {
  const queued = Math.max(0, p.seen - p.done - p.failed);
  const rate = p.elapsedMs > 0 ? ((p.done + p.failed) / (p.elapsedMs / 1000)).toFixed(1) : '0';
  return `pages ${p.done} done, ${queued} queued, ${p.failed} failed · listings ${p.listings}, flagged ${p.flagged} · ${rate} pages/s · ${(p.elapsedMs / 1000).toFixed(0)} s`;
}

/** Progress on stderr: one line rewritten in place on a terminal, a line every 5 s otherwise (logs, CI). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = 0;
  return {
    update(p: CrawlProgress & { elapsedMs: number }) {
      if (stream.isTTY) stream.write(`\r\x1b[2K${describeProgress(p)}`);
      else if (Date.now() - lastLine >= 5000) {
        lastLine = Date.now();
        stream.write(`${describeProgress(p)}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
