// Named neighbor claims across vendors on the real corpora, each checked by hand: the claim is
// found, and `verify`'s witnesses confirm it under each rule's own evaluator.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { claimBetween } from '../../src/analysis/neighbors/claims.js';
import { eventScopeOf, type EventScope } from '../../src/analysis/neighbors/event-scope.js';
import { SOURCE_KINDS } from '../../src/build/source-kinds.js';
import type { AnalyzedRule, Rule, SourceName } from '../../src/ir/index.js';
import { finishRule } from '../../src/lower/finish-rule.js';
import { canonicalize } from '../../src/semantics/canonicalize.js';
import { constrainLogSource } from '../../src/semantics/log-source-constraints.js';
import { ClaimChecker } from '../../src/verify/claim-check.js';
import { corpusPath, corpusSkip } from './corpora.js';

/** The rule files of the pairs, by source. */
const FILES: Partial<Record<SourceName, string[]>> = {
  sigma: [
    'rules/cloud/aws/cloudtrail/aws_cloudtrail_disable_logging.yml',
    'rules/cloud/aws/cloudtrail/aws_sts_assumerole_misuse.yml',
    'deprecated/windows/proc_creation_win_indirect_command_execution_forfiles.yml',
    'rules/windows/powershell/powershell_script/'
      + 'posh_ps_susp_get_addefaultdomainpasswordpolicy.yml',
    'rules/windows/builtin/security/account_management/win_security_overpass_the_hash.yml',
  ],
  splunk: [
    'detections/cloud/aws_defense_evasion_delete_cloudtrail.yml',
    'detections/cloud/aws_detect_sts_assume_role_abuse.yml',
    'detections/endpoint/get_addefaultdomainpasswordpolicy_with_powershell_script_block.yml',
    'detections/deprecated/detect_activity_related_to_pass_the_hash_attacks.yml',
  ],
  elastic: [
    'rules/integrations/aws/defense_evasion_cloudtrail_logging_deleted.toml',
    'rules_building_block/defense_evasion_indirect_command_exec_pcalua_forfiles.toml',
  ],
};

const TRAIL_CHANGES = 'sigma:4db60cc0-36fb-42b7-9b58-a5b53019fb74';
const ASSUMED_ROLE = 'sigma:905d389b-b853-46d0-9d3d-dea0d3a3cd49';
const FORFILES = 'sigma:a85cf4e3-56ee-4e79-adeb-789f8fb209a8';
const PASSWORD_POLICY = 'sigma:bbb9495b-58fc-4016-b9df-9a3a1b67ca82';
const OVERPASS_THE_HASH = 'sigma:192a0330-c20b-4356-90b6-7b7049ae0b87';
const SPLUNK_DELETE_TRAIL = 'splunk:82092925-9ca1-4e06-98b8-85a2d3889552';
const SPLUNK_ASSUMED_ROLE = 'splunk:8e565314-b6a2-46d8-9f05-1a34a176a662';
const SPLUNK_PASSWORD_POLICY = 'splunk:1ff7ccc8-065a-11ec-91e4-acde48001122';
const SPLUNK_PASS_THE_HASH = 'splunk:f5939373-8054-40ad-8c64-cec478a22a4b';
const ELASTIC_TRAIL_DELETED = 'elastic:7024e2a0-315d-4334-bb1a-441c593e16ab';
const ELASTIC_PROXY_EXECUTION = 'elastic:98843d35-645e-4e66-9d6a-5049acd96ce1';

const skip = corpusSkip();
const rules = new Map<string, AnalyzedRule>();
const checker = new ClaimChecker();

/** The named rules, read from the corpora and lowered as a build does. */
function readRules(): void {
  for (const [source, files] of Object.entries(FILES) as [SourceName, string[]][]) {
    const kind = SOURCE_KINDS[source];
    const read = kind.read(corpusPath(source as 'splunk' | 'sigma' | 'elastic'));
    for (const doc of read.documents.filter((d) => files.includes(d.file))) {
      const rule = finishRule(doc, kind.lower(doc, read.context));
      constrainLogSource(rule, read.context);
      canonicalize(rule);
      rules.set(rule.id, analyzed(rule));
    }
  }
}

function analyzed(rule: Rule): AnalyzedRule {
  const neighbors = { broader: [], narrower: [] };
  return { ...rule, attack: [], events: [], indicators: [], neighbors };
}

function scope(id: string): EventScope {
  const rule = rules.get(id);
  assert.ok(rule, `${id} is read from the corpus`);
  const result = eventScopeOf(rule);
  assert.ok('scope' in result, `${id} is compared: ${'excluded' in result ? result.excluded : ''}`);
  return result.scope;
}

/** Whether `broader` is claimed broader than `narrower`, and verify confirms it. */
function confirmedBroader(broader: string, narrower: string): boolean {
  const claim = claimBetween(scope(broader), scope(narrower));
  if (!claim) return false;
  const [a, b] = [rules.get(broader)!, rules.get(narrower)!];
  const outcome = checker.check({ relation: 'broader', a, b });
  assert.equal(outcome.status, 'confirmed', JSON.stringify(outcome));
  return true;
}

describe('neighbor claims across vendors on the real corpora', { skip }, () => {
  before(readRules);

  test('Sigma → Splunk: CloudTrail changes cover the search for a deleted trail', () => {
    // Splunk's `cloudtrail` macro reads sourcetype aws:cloudtrail, the log of dataset
    // aws.cloudtrail that Sigma's aws/cloudtrail log source covers; eventSource is equal and
    // DeleteTrail is one of Sigma's three event names; the search adds userAgent and errorCode.
    assert.equal(confirmedBroader(TRAIL_CHANGES, SPLUNK_DELETE_TRAIL), true);
    assert.equal(claimBetween(scope(SPLUNK_DELETE_TRAIL), scope(TRAIL_CHANGES)), null);
  });

  test('Sigma → Elastic: CloudTrail changes cover the rule for a deleted trail', () => {
    // data_stream.dataset aws.cloudtrail is the aws/cloudtrail log source; event.provider and
    // event.action are Sigma's eventSource and eventName (DeleteTrail among its three); the
    // Elastic rule adds event.outcome success.
    assert.equal(confirmedBroader(TRAIL_CHANGES, ELASTIC_TRAIL_DELETED), true);
  });

  test('Sigma ↔ Splunk: the AssumeRole misuse rules are equivalent', () => {
    // Both read CloudTrail (log source aws/cloudtrail, sourcetype aws:cloudtrail) and ask for
    // userIdentity.type AssumedRole (Splunk's user_type) and sessionIssuer type Role, nothing else.
    assert.equal(confirmedBroader(ASSUMED_ROLE, SPLUNK_ASSUMED_ROLE), true);
    assert.equal(confirmedBroader(SPLUNK_ASSUMED_ROLE, ASSUMED_ROLE), true);
  });

  test('Elastic → Sigma: forfiles or pcalua children cover the forfiles proxy execution', () => {
    // Sigma's process_creation is Sysmon 1 or Security 4688: Elastic Agent collects them into
    // logs-windows.sysmon_operational and logs-system.security, which the rule's logs-windows.*
    // and logs-system.security* read, and files both as Windows process starts; ParentImage
    // ending in \forfiles.exe is parent name forfiles.exe, one of the rule's two names.
    assert.equal(confirmedBroader(ELASTIC_PROXY_EXECUTION, FORFILES), true);
    assert.equal(claimBetween(scope(FORFILES), scope(ELASTIC_PROXY_EXECUTION)), null);
  });

  test('Sigma → Splunk: script blocks naming the cmdlet cover the search for it', () => {
    // Splunk's `powershell` macro reads the PowerShell operational channel (as WinEventLog or
    // XmlWinEventLog source) and the search asks EventCode 4104: one of the two event kinds
    // ps_script covers; both compare ScriptBlockText containing the cmdlet name without case.
    assert.equal(confirmedBroader(PASSWORD_POLICY, SPLUNK_PASSWORD_POLICY), true);
  });

  test('Splunk → Sigma: the pass-the-hash search covers the overpass-the-hash logons', () => {
    // Sigma's security service is the Security channel, which the `wineventlog_security` macro
    // reads (its `Channel=security` alternative); Sigma's 4624 logons of type 9 by seclogo are
    // the search's second alternative; Sigma adds the authentication package.
    assert.equal(confirmedBroader(SPLUNK_PASS_THE_HASH, OVERPASS_THE_HASH), true);
  });
});
