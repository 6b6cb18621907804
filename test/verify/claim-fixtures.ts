// The rules the verify tests share: rundll32 with a JavaScript URL, written as Sigma and as
// Splunk searches, one wider and one narrower in each language, and a few unrelated rules.

import type { AnalyzedRule } from '../../src/ir/index.js';
import { buildRules, sigmaRule, splunkDetection } from './rule-repository.js';

const PROCESS_CREATION = 'process_creation';

export const SIGMA_FILES: Record<string, string> = {
  'rules/js_wide.yml': sigmaRule('js-wide', PROCESS_CREATION, [
    'selection:',
    "    Image|endswith: '\\rundll32.exe'",
    "    CommandLine|contains: 'javascript:'",
    'condition: selection',
  ]),
  'rules/js_narrow.yml': sigmaRule('js-narrow', PROCESS_CREATION, [
    'selection:',
    "    Image|endswith: '\\rundll32.exe'",
    '    CommandLine|contains|all:',
    "        - 'javascript:'",
    "        - 'RunHTMLApplication'",
    'condition: selection',
  ]),
  'rules/wmi_child.yml': sigmaRule('wmi-child', PROCESS_CREATION, [
    'selection:',
    "    ParentImage|endswith: '\\wmiprvse.exe'",
    "    Image|endswith: '\\rundll32.exe'",
    'condition: selection',
  ]),
  'rules/cmd.yml': sigmaRule('cmd', PROCESS_CREATION, [
    'selection:',
    "    Image|endswith: '\\cmd.exe'",
    'condition: selection',
  ]),
};

export const SPLUNK_FILES: Record<string, string> = {
  'detections/endpoint/spl_js_wide.yml': splunkDetection(
    'spl-js-wide',
    'search sourcetype=XmlWinEventLog Image="*\\\\rundll32.exe" CommandLine="*javascript:*"',
  ),
  'detections/endpoint/spl_js_narrow.yml': splunkDetection(
    'spl-js-narrow',
    'search sourcetype=XmlWinEventLog EventCode=1 Image="*\\\\rundll32.exe" '
      + 'CommandLine="*javascript:*" CommandLine="*RunHTMLApplication*"',
  ),
};

let built: Map<string, AnalyzedRule> | null = null;

/** The fixture rules, built once per test file, by upstream id. */
export function fixtureRules(): Map<string, AnalyzedRule> {
  built ??= buildRules({ sigma: SIGMA_FILES, splunk: SPLUNK_FILES });
  return built;
}

export function fixtureRule(upstreamId: string): AnalyzedRule {
  const rule = fixtureRules().get(upstreamId);
  if (!rule) throw new Error(`no fixture rule ${upstreamId}`);
  return rule;
}
