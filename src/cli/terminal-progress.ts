// Build progress on stderr: a bar on a terminal, a line per phase otherwise.

import cliProgress from 'cli-progress';
import type { BuildPhase, BuildProgress } from '../build/build-progress.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

class BarProgress implements BuildProgress {
  private bar: cliProgress.SingleBar | null = null;
  private counted = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  phase(_phase: BuildPhase, label: string, total?: number): void {
    this.stopBar();
    this.counted = 0;
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: total === undefined
          ? `${label.padEnd(20)} {value} files`
          : `${label.padEnd(20)} [{bar}] {value}/{total}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total ?? 0, 0);
  }

  step(): void {
    this.counted += 1;
    this.bar?.update(this.counted);
  }

  done(): void {
    this.stopBar();
  }

  private stopBar(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

class LineProgress implements BuildProgress {
  private label = '';
  private counted = 0;
  private started = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  phase(_phase: BuildPhase, label: string): void {
    this.finishLine();
    this.label = label;
    this.counted = 0;
    this.started = performance.now();
  }

  step(): void {
    this.counted += 1;
  }

  done(): void {
    this.finishLine();
  }

  private finishLine(): void {
    if (!this.label) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(2);
    const count = this.counted > 0 ? ` ${this.counted} items,` : '';
    this.stream.write(`ruledex: ${this.label}:${count} ${seconds}s\n`);
    this.label = '';
  }
}
