// The regular expressions of one rule (`match`, `replace`, `rex`, `regex`), compiled once
// through RE2. Splunk runs PCRE; what RE2 cannot run (lookaround, backreferences) makes the
// condition undecided, with RE2's reason.

import { compileLinearRegex, type LinearRegex, type RegexRefusal } from '../linear-regex.js';

export type CompiledRegex = LinearRegex | RegexRefusal;

export class RuleRegexes {
  private readonly compiled = new Map<string, CompiledRegex>();

  get(pattern: string): CompiledRegex {
    let regex = this.compiled.get(pattern);
    if (!regex) {
      regex = compileLinearRegex(pattern);
      this.compiled.set(pattern, regex);
    }
    return regex;
  }
}

export function unsupportedReason(pattern: string, regex: RegexRefusal): string {
  const what = regex.invalid ? 'has a syntax error' : 'is one RE2 cannot run';
  return `the regular expression "${pattern}" ${what} (${regex.unsupported})`;
}
