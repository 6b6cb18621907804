// IP addresses as Elasticsearch's `ip` type reads them: IPv4 and IPv6 in one 16-byte space (IPv4
// as IPv4-mapped IPv6), so that `10.0.0.1` equals `::ffff:10.0.0.1`, and CIDR blocks over it.

/** Sixteen bytes, most significant first. */
export type IpAddress = readonly number[];

export interface CidrBlock {
  address: IpAddress;
  /** Leading bits that must match, in the 128-bit space. */
  bits: number;
}

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

export function parseIp(text: string): IpAddress | null {
  const trimmed = text.trim();
  if (trimmed.includes(':')) return parseIpv6(trimmed);
  const v4 = parseIpv4(trimmed);
  return v4 === null ? null : [...IPV4_MAPPED_PREFIX, ...v4];
}

/** `10.0.0.0/8`, `fe80::/10`, or a single address (all its bits). */
export function parseCidr(text: string): CidrBlock | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIp(addressText);
  if (address === null) return null;
  const isV4 = !addressText.includes(':');
  if (slash < 0) return { address, bits: 128 };

  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (isV4 ? 32 : 128)) return null;
  return { address, bits: isV4 ? prefix + 96 : prefix };
}

export function sameIp(a: IpAddress, b: IpAddress): boolean {
  return a.every((byte, index) => byte === b[index]);
}

export function inCidr(address: IpAddress, block: CidrBlock): boolean {
  for (let bit = 0; bit < block.bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((address[byte] & mask) !== (block.address[byte] & mask)) return false;
  }
  return true;
}

/** Orders addresses as numbers, for range comparisons. */
export function compareIp(a: IpAddress, b: IpAddress): number {
  for (let index = 0; index < 16; index++) {
    if (a[index] !== b[index]) return a[index] < b[index] ? -1 : 1;
  }
  return 0;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

/** IPv6 with `::` shortening, an IPv4 tail and a `%zone` suffix (ignored). */
function parseIpv6(text: string): IpAddress | null {
  const zone = text.indexOf('%');
  const address = zone < 0 ? text : text.slice(0, zone);
  const halves = address.split('::');
  if (halves.length > 2) return null;

  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;

  const zeros = new Array<number>(halves.length === 2 ? missing : 0).fill(0);
  const groups = [...head, ...zeros, ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** Colon-separated 16-bit groups; a last group holding an IPv4 address counts as two. */
function groupsOf(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return null;
    groups.push(parseInt(part, 16));
  }
  return groups;
}
