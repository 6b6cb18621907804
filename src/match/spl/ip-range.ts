// IP addresses and CIDR ranges for `cidrmatch()` and search values such as `10.0.0.0/8`,
// read digit by digit (IPv4 dotted quads, IPv6 with `::`), never with a regular expression.

export interface IpRange {
  version: 4 | 6;
  network: bigint;
  bits: number;
}

/** `10.0.0.0/8` or `fe80::/10`; null when the text is not a CIDR range. */
export function cidrOf(text: string): IpRange | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const address = addressOf(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (!address || !isDigits(bits)) return null;
  const prefix = Number(bits);
  if (prefix > width(address.version)) return null;
  return { version: address.version, network: address.value, bits: prefix };
}

export function inRange(range: IpRange, text: string): boolean {
  const address = addressOf(text.trim());
  if (!address || address.version !== range.version) return false;
  const shift = BigInt(width(range.version) - range.bits);
  return address.value >> shift === range.network >> shift;
}

interface Address {
  version: 4 | 6;
  value: bigint;
}

function width(version: 4 | 6): number {
  return version === 4 ? 32 : 128;
}

function addressOf(text: string): Address | null {
  if (text.includes(':')) return ipv6Of(text);
  const value = ipv4Of(text);
  return value === null ? null : { version: 4, value };
}

function ipv4Of(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!isDigits(part) || part.length > 3 || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function ipv6Of(text: string): Address | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const zeros = new Array<number>(halves.length === 2 ? missing : 0).fill(0);
  const groups = [...head, ...zeros, ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return { version: 6, value };
}

function groupsOf(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (group.length === 0 || group.length > 4 || !isHex(group)) return null;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (const c of text) if (c < '0' || c > '9') return false;
  return true;
}

function isHex(text: string): boolean {
  for (const c of text.toLowerCase()) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}
