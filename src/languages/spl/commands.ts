// The SPL commands ruledex knows, and which reader parses each one's arguments.

import { readAggregations } from './aggregation-reader.js';
import { ArgumentList } from './argument-list.js';
import { parseArguments } from './argument-parser.js';
import { readBin } from './bin-reader.js';
import { readMultisearch, readUnion } from './combined-search-readers.js';
import { readCyberchef } from './cyberchef-reader.js';
import {
  readDatamodel,
  readFrom,
  readInputlookup,
  readMakeresults,
  readRest,
} from './dataset-readers.js';
import {
  readAccum,
  readAddinfo,
  readAddtotals,
  readDelta,
  readFilldown,
  readIplocation,
  readRangemap,
  readStrcat,
  readTojson,
} from './derived-field-readers.js';
import { parseAssignments, parseEval } from './eval-parser.js';
import {
  readExtract,
  readFromjson,
  readMultikv,
  readSpath,
  readXmlkv,
} from './extraction-readers.js';
import {
  readConvert,
  readDedup,
  readFields,
  readFillnull,
  readRename,
} from './field-command-readers.js';
import { readLookup } from './lookup-reader.js';
import { readMap } from './map-reader.js';
import { readAnomalydetection, readApply, readFit, readOutlier } from './model-readers.js';
import {
  readMakemv,
  readMvcombine,
  readMvexpand,
  readNomv,
} from './multivalue-readers.js';
import { readCollect, readOutputlookup } from './output-readers.js';
import { readRegex, readRex } from './regex-readers.js';
import { readReplace } from './replace-reader.js';
import { readUntable, readXyseries } from './reshape-readers.js';
import { readHead, readTail } from './row-limit-readers.js';
import { parsePipeline } from './pipeline-parser.js';
import { parseSearch } from './search-parser.js';
import { readSort } from './sort-reader.js';
import { readFormat, readReturn } from './subsearch-output-readers.js';
import type { CommandArgs, ParseIssue } from './syntax.js';
import { readTop } from './top-reader.js';
import { readTransaction } from './transaction-reader.js';
import { readTstats } from './tstats-reader.js';

/** Commands that aggregate with function lists and `by` fields. */
const AGGREGATING = [
  'stats', 'eventstats', 'streamstats', 'chart', 'timechart', 'geostats', 'sistats',
];

/**
 * Every other command the corpus and common detections use. Their arguments are read in the
 * shared argument syntax (words, strings, options, calls, subsearches).
 */
const GENERIC = [
  'join', 'append', 'appendcols', 'metadata', 'reverse', 'uniq', 'xmlunescape', 'xpath',
  'inputcsv', 'outputcsv',
];

const READERS: Record<string, Reader> = {
  search: (text, start, end, issues) => {
    return { kind: 'search', expr: parseSearch(text, start, end, issues) };
  },
  where: (text, start, end, issues) => {
    return { kind: 'where', expr: parseEval(text, start, end, issues) };
  },
  eval: (text, start, end, issues) => {
    return { kind: 'eval', assignments: parseAssignments(text, start, end, issues) };
  },
  tstats: readTstats,
  rename: items(readRename),
  table: items(readFields),
  fields: items(readFields),
  fillnull: items(readFillnull),
  convert: items(readConvert),
  dedup: items(readDedup),
  lookup: items(readLookup),
  rex: (text, start, end, issues) => {
    return readRex(parseArguments(text, start, end, issues), issues, { start, end });
  },
  regex: (text, start, end, issues) => {
    return readRegex(parseArguments(text, start, end, issues), issues, { start, end });
  },
  foreach: readStreamingTemplate,
  appendpipe: readStreamingTemplate,
  bin: listed(readBin),
  bucket: listed(readBin),
  mvexpand: listed(readMvexpand),
  makemv: listed(readMakemv),
  mvcombine: listed(readMvcombine),
  nomv: listed(readNomv),
  spath: listed(readSpath),
  fromjson: listed(readFromjson),
  xmlkv: listed(readXmlkv),
  extract: listed(readExtract),
  kv: listed(readExtract),
  multikv: listed(readMultikv),
  iplocation: listed(readIplocation),
  addtotals: listed(readAddtotals),
  strcat: listed(readStrcat),
  filldown: listed(readFilldown),
  rangemap: listed(readRangemap),
  delta: listed(readDelta),
  accum: listed(readAccum),
  addinfo: listed(readAddinfo),
  tojson: listed(readTojson),
  sort: listed(readSort),
  replace: listed(readReplace),
  transaction: readTransaction,
  inputlookup: readInputlookup,
  outputlookup: listed(readOutputlookup),
  collect: listed(readCollect),
  from: listed(readFrom),
  datamodel: listed(readDatamodel),
  makeresults: listed(readMakeresults),
  rest: listed(readRest),
  union: listed(readUnion),
  multisearch: listed(readMultisearch),
  apply: listed(readApply),
  fit: listed(readFit),
  outlier: listed(readOutlier),
  anomalydetection: listed(readAnomalydetection),
  cyberchef: readCyberchef,
  map: listed(readMap),
  head: readHead,
  tail: listed(readTail),
  return: listed(readReturn),
  format: listed(readFormat),
  xyseries: listed(readXyseries),
  untable: listed(readUntable),
};

/**
 * `foreach … [ eval … ]` and `appendpipe [ stats … ]`: the brackets hold commands run on the
 * current results, so they open with a command, not with a search.
 */
function readStreamingTemplate(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const items = parseArguments(text, start, end, issues).map((item) => {
    if (item.kind !== 'subsearch') return item;
    const { start: from, end: to } = item.pipeline.span;
    return { ...item, pipeline: parsePipeline(text, from, to, 'command') };
  });
  return { kind: 'arguments', items };
}

type Reader = (
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
  command: string,
) => CommandArgs;

/** A reader that takes the arguments by name and position (see ArgumentList). */
function listed(read: (list: ArgumentList) => CommandArgs): Reader {
  return (text, start, end, issues, command) => {
    return read(ArgumentList.of(command, text, start, end, issues));
  };
}

function items(read: (
  items: ReturnType<typeof parseArguments>,
  issues: ParseIssue[],
) => CommandArgs): Reader {
  return (text, start, end, issues) => read(parseArguments(text, start, end, issues), issues);
}

for (const name of AGGREGATING) {
  READERS[name] = (text, start, end, issues) => {
    const list = readAggregations(text, parseArguments(text, start, end, issues), issues);
    for (const field of list.fields) {
      issues.push({ message: `\`${field}\` is not an aggregation`, span: { start, end } });
    }
    const { options, optionSpans, aggregations, by } = list;
    return { kind: 'stats', options, optionSpans, aggregations, by };
  };
}
READERS.mstats = readTstats;
READERS.top = readTop;
READERS.rare = readTop;

const KNOWN = new Set([...Object.keys(READERS), ...GENERIC]);

/** Commands that may open a search or subsearch without a leading `|`. */
const GENERATING = new Set([
  'search', 'tstats', 'mstats', 'inputlookup', 'from', 'makeresults', 'datamodel', 'rest',
  'metadata', 'dbinspect', 'eventcount', 'union', 'multisearch', 'pivot', 'inputcsv', 'loadjob',
]);

export function isKnownCommand(name: string): boolean {
  return KNOWN.has(name.toLowerCase());
}

export function startsWithoutPipe(name: string): boolean {
  return GENERATING.has(name.toLowerCase());
}

export function readCommandArguments(
  name: string,
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
): CommandArgs {
  const reader = READERS[name.toLowerCase()];
  if (reader) return reader(text, start, end, issues, name);
  if (isKnownCommand(name)) return {
    kind: 'arguments',
    items: parseArguments(text, start, end, issues),
  };
  return { kind: 'unknown', text: text.slice(start, end) };
}
