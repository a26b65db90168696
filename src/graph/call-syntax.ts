/**
 * Parser for the small call syntax that initializer and regularizer parameters use:
 * `l2`, `l2(0.01)`, `l1_l2(l1=0.01, l2=0.001)`, `truncated_normal(stddev=0.01)`.
 * Only numbers are accepted as argument values; nothing is ever evaluated.
 */

export interface ParsedCall {
  name: string;
  positional: number[];
  keywords: Record<string, number>;
}

const CALL_PATTERN = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s;
const NUMBER_PATTERN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const KEYWORD_PATTERN = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/s;

/** Returns the parsed call, or a short English reason when `text` is not a call with numeric arguments. */
export function parseCall(text: string): ParsedCall | { error: string } {
  const match = CALL_PATTERN.exec(text);
  if (!match) return { error: 'expected a name such as l2 or l2(0.01)' };

  const call: ParsedCall = { name: match[1], positional: [], keywords: {} };
  const argumentText = match[2];
  if (argumentText === undefined || argumentText.trim() === '') return call;

  for (const rawPart of argumentText.split(',')) {
    const part = rawPart.trim();
    const keyword = KEYWORD_PATTERN.exec(part);
    const valueText = keyword ? keyword[2].trim() : part;
    if (!NUMBER_PATTERN.test(valueText)) return { error: `argument "${part}" is not a number` };

    const value = Number(valueText);
    if (!Number.isFinite(value)) return { error: `argument "${part}" is not a finite number` };

    if (keyword) {
      if (keyword[1] in call.keywords) return { error: `argument ${keyword[1]} is given twice` };
      call.keywords[keyword[1]] = value;
    } else {
      if (Object.keys(call.keywords).length > 0) return { error: 'a positional argument follows a keyword argument' };
      call.positional.push(value);
    }
  }
  return call;
}
