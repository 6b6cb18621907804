import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  eventsCarryingField,
  eventTitle,
  providerNamed,
  providersOfChannel,
  providersOfChannelEvent,
  soleWriterOfChannel,
  windowsChannelNamed,
} from '../../src/semantics/event-catalog.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const committedFile = path.join(repoRoot, 'src/semantics/windows-events.json');
const reference = path.resolve(repoRoot, '../shared/reference/windows-events');
const skipReference = !existsSync(reference) && process.env.CI !== 'true';

interface CompiledProvider {
  name: string;
  events: [number, string][];
}
const compiled = JSON.parse(readFileSync(committedFile, 'utf8')) as {
  providers: CompiledProvider[];
};
const compiledTitle = (provider: string, id: number) =>
  compiled.providers.find((p) => p.name === provider)?.events.find(([e]) => e === id)?.[1];

describe('Windows event catalog', () => {
  test('our own title wins over the ETW task name', () => {
    assert.equal(compiledTitle('Microsoft-Windows-PowerShell', 4104), 'StartingCommand');
    assert.equal(eventTitle('Microsoft-Windows-PowerShell', 4104), 'Script block logged');
  });

  test('without our own title the compiled one is used, else none', () => {
    assert.equal(eventTitle('Microsoft-Windows-TaskScheduler', 102), 'Taskcompleted');
    assert.equal(eventTitle('Microsoft-Windows-Security-Auditing', 4612), null);
    assert.equal(eventTitle('Some-Unknown-Provider', 1), null);
  });

  test('message-like titles are kept, placeholder task names are not', () => {
    assert.equal(
      compiledTitle('Microsoft-Windows-Security-Auditing', 4624),
      'An account was successfully logged on',
    );
    const titles = compiled.providers.flatMap((p) => p.events.map(([, title]) => title));
    assert.ok(!titles.some((title) => title.startsWith('task_') || title === 'None'));
  });

  test('providers and channels match in any letter case', () => {
    assert.equal(providerNamed('microsoft-windows-sysmon')?.name, 'Microsoft-Windows-Sysmon');
    assert.deepEqual(
      providersOfChannel('microsoft-windows-powershell/operational').map((p) => p.name),
      ['Microsoft-Windows-PowerShell'],
    );
  });

  test('an event on a shared channel comes from the writer that has it', () => {
    const names = (channel: string, id: number) =>
      providersOfChannelEvent([channel], id).map((p) => p.name);
    assert.deepEqual(names('Security', 1102), ['Microsoft-Windows-Eventlog']);
    assert.deepEqual(names('Security', 4624), ['Microsoft-Windows-Security-Auditing']);
    assert.deepEqual(names('System', 7045), ['Service Control Manager']);
    assert.deepEqual(names('System', 4720), []);
  });

  test('a channel has a sole writer only when one provider owns it and none shares it', () => {
    const sysmon = soleWriterOfChannel('microsoft-windows-sysmon/operational');
    assert.equal(sysmon, 'Microsoft-Windows-Sysmon');
    assert.equal(soleWriterOfChannel('Security'), null);
    assert.equal(soleWriterOfChannel('System'), null);
    assert.equal(soleWriterOfChannel('No-Such-Channel/Operational'), null);
  });

  test('channels are named in the catalog spelling', () => {
    assert.equal(windowsChannelNamed('security'), 'Security');
    assert.equal(windowsChannelNamed('No-Such-Channel'), null);
  });

  test('script-block fields are carried by script-block logging events only', () => {
    const events = eventsCarryingField('powershell.file.script_block_entropy_bits');
    assert.deepEqual(events?.map((e) => `${e.provider} ${e.eventId}`), [
      'Microsoft-Windows-PowerShell 4104',
      'PowerShellCore 4104',
    ]);
    assert.deepEqual(eventsCarryingField('ScriptBlockText'), events);
    assert.equal(eventsCarryingField('process.name'), null);
  });
});

describe('compile-events', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ruledex-events-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const fresh = { skip: skipReference };
  test('the committed catalog is what the script makes from the reference data', fresh, () => {
    const out = path.join(scratch, 'windows-events.json');
    const script = path.join(repoRoot, 'scripts/compile-events.ts');
    execFileSync(process.execPath, ['--import', 'tsx', script, reference, '--out', out], {
      stdio: 'pipe',
    });
    assert.equal(readFileSync(out, 'utf8'), readFileSync(committedFile, 'utf8'));
  });
});
