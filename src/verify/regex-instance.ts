// Strings a simple regular expression matches, for witness values: literals, `.`, classes,
// groups, alternation and counted repetition are read by a small recursive-descent reader;
// anything else (lookaround, backreferences, Unicode classes) gives no instance at all.

/** Instances built per pattern at most: alternatives and classes multiply them. */
const INSTANCE_LIMIT = 8;
/** Deepest group nesting read; deeper patterns give no instance. */
const DEPTH_LIMIT = 64;
/** Largest repetition count honoured (`a{5000}` gives no instance). */
const REPEAT_LIMIT = 256;

/** Characters tried, in order, for `.` and negated classes. */
const FILLERS = ['x', 'a', '0', '_', '-', ' ', 'Z', '9', '.', '/'];

type Node =
  | { kind: 'text'; options: string[] }
  | { kind: 'sequence'; parts: Node[] }
  | { kind: 'choice'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number };

class Unsupported extends Error {}

// LIMITATION: lookaround, backreferences, Unicode and POSIX classes are not read — a claim whose
// narrower rule needs such a regex is counted unknown (`regex-not-simple`), never confirmed.
/**
 * Up to a few strings the pattern matches (from its shortest readings), or null when the
 * pattern uses syntax this reader does not model. Callers check each instance with a real
 * engine before using it.
 */
export function regexInstances(pattern: string): string[] | null {
  try {
    const reader = new PatternReader(pattern);
    const node = reader.read();
    return instancesOf(node);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function instancesOf(node: Node): string[] {
  switch (node.kind) {
    case 'text':
      return node.options.slice(0, INSTANCE_LIMIT);
    case 'choice':
      return node.options.flatMap(instancesOf).slice(0, INSTANCE_LIMIT);
    case 'repeat': {
      const [first = ''] = instancesOf(node.node);
      return [first.repeat(node.min)];
    }
    case 'sequence': {
      let built = [''];
      for (const part of node.parts) {
        const options = instancesOf(part);
        built = built.flatMap((head) => options.map((tail) => head + tail));
        built = built.slice(0, INSTANCE_LIMIT);
      }
      return built;
    }
  }
}

class PatternReader {
  private position = 0;
  private depth = 0;

  constructor(private readonly pattern: string) {}

  read(): Node {
    const node = this.alternation();
    if (this.position < this.pattern.length) throw new Unsupported('unbalanced parenthesis');
    return node;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'choice', options };
  }

  private sequence(): Node {
    const parts: Node[] = [];
    while (this.position < this.pattern.length && this.peek() !== '|' && this.peek() !== ')') {
      parts.push(this.quantified(this.atom()));
    }
    return { kind: 'sequence', parts };
  }

  private quantified(node: Node): Node {
    const char = this.peek();
    let min: number | null = null;
    if (char === '*' || char === '?') min = 0;
    if (char === '+') min = 1;
    if (min !== null) this.position++;
    if (char === '{') min = this.counted();
    if (min === null) return node;
    if (this.peek() === '?' || this.peek() === '+') this.position++;
    return { kind: 'repeat', node, min };
  }

  /** `{n}`, `{n,}`, `{n,m}`: the least count. A `{` not starting a count is a literal. */
  private counted(): number | null {
    const close = this.pattern.indexOf('}', this.position);
    if (close < 0) return null;
    const body = this.pattern.slice(this.position + 1, close);
    const [low, high, ...rest] = body.split(',');
    const digits = (text: string | undefined) => text !== undefined && /^\d+$/.test(text);
    if (rest.length > 0 || !digits(low) || (high !== undefined && high !== '' && !digits(high))) {
      return null;
    }
    const min = Number(low);
    if (min > REPEAT_LIMIT) throw new Unsupported('repetition too long');
    this.position = close + 1;
    return min;
  }

  private atom(): Node {
    const char = this.pattern[this.position++];
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '.':
        return text(FILLERS[0]);
      case '^':
      case '$':
        return text('');
      case '\\':
        return text(this.escape(false));
      case '*':
      case '+':
      case '?':
        throw new Unsupported('a quantifier with nothing to repeat');
      default:
        return text(char);
    }
  }

  private group(): Node {
    if (++this.depth > DEPTH_LIMIT) throw new Unsupported('groups nest too deeply');
    if (this.peek() === '?') this.groupPrefix();
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.position++;
    this.depth--;
    return inner;
  }

  /** `(?:`, named groups and inline flags are read; lookaround and the rest are not modelled. */
  private groupPrefix(): void {
    this.position++;
    const rest = this.pattern.slice(this.position);
    if (rest.startsWith(':')) {
      this.position++;
      return;
    }
    const named = rest.startsWith('P<') ? 2 : rest.startsWith('<') && !/^<[=!]/.test(rest) ? 1 : 0;
    if (named > 0) {
      const close = rest.indexOf('>');
      if (close < 0) throw new Unsupported('unclosed group name');
      this.position += close + 1;
      return;
    }
    const flags = /^[imsU-]+[:)]/.exec(rest);
    if (!flags) throw new Unsupported(`group (?${rest.slice(0, 2)}`);
    this.position += flags[0].length;
    // `(?i)` alone sets flags for what follows: the group it opened is empty.
    if (flags[0].endsWith(')')) this.position--;
  }

  private characterClass(): Node {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const members: { low: string; high: string }[] = [];
    let first = true;
    while (this.position < this.pattern.length && (this.peek() !== ']' || first)) {
      first = false;
      const low = this.classChar();
      if (this.peek() === '-' && this.pattern[this.position + 1] !== ']' && low.length === 1) {
        this.position++;
        members.push({ low, high: this.classChar() });
      } else {
        members.push({ low, high: low });
      }
    }
    if (this.peek() !== ']') throw new Unsupported('unclosed character class');
    this.position++;

    const inClass = (char: string) =>
      members.some(({ low, high }) => char.length === 1 && char >= low && char <= high);
    if (negated) {
      const options = FILLERS.filter((char) => !inClass(char));
      if (options.length === 0) throw new Unsupported('a class excluding every filler');
      return { kind: 'text', options };
    }
    return { kind: 'text', options: members.map(({ low }) => low).filter((c) => c !== '') };
  }

  private classChar(): string {
    const char = this.pattern[this.position++];
    if (char === '[' && this.peek() === ':') throw new Unsupported('POSIX class');
    return char === '\\' ? this.escape(true) : char;
  }

  /** The character an escape stands for (a representative one for `\d`, `\w`, `\s`). */
  private escape(inClass: boolean): string {
    const char = this.pattern[this.position++];
    if (char === undefined) throw new Unsupported('a pattern ending in a backslash');
    const classes: Record<string, string> = { d: '0', w: 'a', s: ' ', D: 'x', W: '-', S: 'x' };
    if (Object.hasOwn(classes, char)) return classes[char];
    const controls: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };
    if (Object.hasOwn(controls, char)) return controls[char];
    if ((char === 'b' || char === 'B' || char === 'A' || char === 'z') && !inClass) return '';
    if (char === 'x') return this.hexEscape();
    if (/[A-Za-z0-9]/.test(char)) throw new Unsupported(`escape \\${char}`);
    return char;
  }

  private hexEscape(): string {
    const hex = /^[0-9A-Fa-f]{2}/.exec(this.pattern.slice(this.position));
    if (!hex) throw new Unsupported('escape \\x');
    this.position += 2;
    return String.fromCharCode(parseInt(hex[0], 16));
  }

  private peek(): string | undefined {
    return this.pattern[this.position];
  }
}

function text(value: string): Node {
  return { kind: 'text', options: [value] };
}
