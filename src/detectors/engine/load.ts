import { readFileSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { parseYamlFile } from '../../core/yaml.js';
import { RuleFile } from './rule-schema.js';

export function loadRuleFile(file: string): RuleFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read rule file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file });
  }
  return parseYamlFile(file, text, RuleFile);
}
