// Lines of a rule file's offsets, from an index of line starts built once per file: a file of
// many documents asks for thousands of lines, and counting line feeds each time is quadratic.

export class LineIndex {
  /** Offsets at which each line starts; the first line starts at 0. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.starts.push(at + 1);
    }
  }

  /** 1-based line of an offset: the line feeds before it, plus one. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    // The last line start at or before the offset; a line feed belongs to the line it ends.
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
