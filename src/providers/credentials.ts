/**
 * Checking a platform's credentials as the user types them, against the fields its description
 * declares, and saying exactly what is wrong ("API key must be at least 8 characters; you typed
 * 7"), never only that something is. Secret fields may be left empty to keep what the vault holds.
 *
 * The builders below make a field's `pattern` and the `rules` that explain it from one
 * statement, so the two cannot drift apart.
 */
import type { Bilingual } from '../core/errors';
import { isSecureEndpoint } from '../core/transport';
import type { CredentialField, FieldChoice, FieldRules } from './types';

export interface FieldProblem {
  key: string;
  message: Bilingual;
}

type Rule = Pick<CredentialField, 'pattern' | 'rules' | 'choices'>;

/** Between `min` and `max` characters, each in the class `cls` (e.g. `A-Za-z0-9_-`). */
export function charsRule(cls: string, name: Bilingual, min: number, max: number): Rule {
  return {
    pattern: new RegExp(`^[${cls}]{${min},${max}}$`),
    rules: { minLength: min, maxLength: max, chars: { re: new RegExp(`^[${cls}]$`), name } },
  };
}

export const LETTERS_DIGITS_DOT_DASH: Bilingual = {
  en: 'letters, digits, “_”, “.” and “-”',
  zh: '字母、数字、“_”、“.”和“-”',
};
export const NO_SPACES: Bilingual = { en: 'any character but spaces', zh: '除空格外的任意字符' };

/** Between `min` and `max` characters, no whitespace. */
export const noSpacesRule = (min: number, max: number): Rule =>
  charsRule('\\S', NO_SPACES, min, max);

/** An http(s) address. */
export const urlRule = (): Rule => ({
  pattern: /^https?:\/\/[^\s]+$/,
  rules: { format: 'url', maxLength: 2048 },
});

export const emailRule = (): Rule => ({
  pattern: /^[^\s@]{1,64}@[^\s@]{1,189}$/,
  rules: { format: 'email' },
});

/** One of a fixed set of values (shown as a select). */
export const choicesRule = (choices: readonly FieldChoice[]): Rule => ({
  pattern: new RegExp(
    `^(${choices.map((c) => c.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
  ),
  choices,
});

function describeChar(c: string): Bilingual {
  if (c === ' ') return { en: 'a space', zh: '空格' };
  if (/\s/.test(c)) return { en: 'a tab or line break', zh: '制表符或换行' };
  return { en: `“${c}”`, zh: `“${c}”` };
}

/** What is wrong with a non-empty value under these rules, if anything. */
function ruleProblem(label: Bilingual, rules: FieldRules, v: string): Bilingual | undefined {
  const n = [...v].length;
  if (rules.format === 'url') {
    if (!/^https?:\/\//i.test(v)) {
      return {
        en: `${label.en} must start with http:// or https://`,
        zh: `${label.zh}必须以 http:// 或 https:// 开头`,
      };
    }
  }
  if (rules.format === 'email') {
    const at = v.indexOf('@');
    if (at < 0) return { en: `${label.en} needs an “@”`, zh: `${label.zh}缺少“@”` };
    if (at === 0) {
      return { en: `${label.en} needs a name before the “@”`, zh: `${label.zh}的“@”前缺少用户名` };
    }
    if (at === v.length - 1) {
      return { en: `${label.en} needs a domain after the “@”`, zh: `${label.zh}的“@”后缺少域名` };
    }
  }
  const { minLength: min, maxLength: max } = rules;
  if (min !== undefined && n < min) {
    return min === max
      ? {
          en: `${label.en} must be exactly ${min} characters; you typed ${n}`,
          zh: `${label.zh}必须为 ${min} 个字符；您输入了 ${n} 个`,
        }
      : {
          en: `${label.en} must be at least ${min} characters; you typed ${n}`,
          zh: `${label.zh}至少需要 ${min} 个字符；您输入了 ${n} 个`,
        };
  }
  if (max !== undefined && n > max) {
    return {
      en: `${label.en} can be at most ${max} characters; you typed ${n}`,
      zh: `${label.zh}最多 ${max} 个字符；您输入了 ${n} 个`,
    };
  }
  const chars = [...v];
  const bad = rules.chars ? chars.findIndex((c) => !rules.chars!.re.test(c)) : -1;
  const space = rules.format ? chars.findIndex((c) => /\s/.test(c)) : -1;
  const at = bad >= 0 ? bad : space;
  if (at >= 0) {
    const what = describeChar(chars[at]!);
    const allowed = rules.chars?.name ?? NO_SPACES;
    if (allowed === NO_SPACES) {
      return {
        en: `${label.en} cannot contain spaces or line breaks; there is ${what.en} at character ${at + 1}`,
        zh: `${label.zh}不能包含空格或换行；第 ${at + 1} 个字符是${what.zh}`,
      };
    }
    return {
      en: `${label.en} can only contain ${allowed.en}; ${what.en} at character ${at + 1} is not allowed`,
      zh: `${label.zh}只能包含${allowed.zh}；第 ${at + 1} 个字符${what.zh}不允许`,
    };
  }
  return undefined;
}

export function checkCredentialField(
  field: CredentialField,
  value: string,
  alreadyStored: boolean,
): FieldProblem | undefined {
  const v = value.trim();
  const problem = (message: Bilingual) => ({ key: field.key, message });
  if (v === '') {
    if (field.required && !(field.secret && alreadyStored)) {
      return problem({ en: `${field.label.en} is required`, zh: `请填写${field.label.zh}` });
    }
    return undefined;
  }
  if (field.choices && !field.choices.some((c) => c.value === v)) {
    const list = field.choices.map((c) => c.value).join(', ');
    return problem({
      en: `${field.label.en} must be one of ${list}; you typed “${v.slice(0, 40)}”`,
      zh: `${field.label.zh}只能是 ${list} 之一；您输入了“${v.slice(0, 40)}”`,
    });
  }
  if (field.check) {
    const said = field.check(v);
    if (said)
      return problem({ en: `${field.label.en}: ${said.en}`, zh: `${field.label.zh}：${said.zh}` });
  }
  if (field.rules) {
    const said = ruleProblem(field.label, field.rules, v);
    if (said) return problem(said);
  }
  if (field.pattern && !field.pattern.test(v)) {
    // Every field states its rules; this is the last word for one that forgot to.
    const hint = field.hint ? `: ${field.hint.en}` : '';
    return problem({
      en: `${field.label.en} is not in the form the platform gives it${hint}`,
      zh: `${field.label.zh}不是平台提供的格式${field.hint ? `：${field.hint.zh}` : ''}`,
    });
  }
  if (field.secureUrl && !isSecureEndpoint(v)) {
    return {
      key: field.key,
      message: {
        en: `${field.label.en} must start with https: (plain http: is not encrypted; it is accepted only for this computer — localhost, 127.0.0.1)`,
        zh: `${field.label.zh}必须以 https: 开头（http: 未加密，只有本机地址 localhost、127.0.0.1 可以使用）`,
      },
    };
  }
  return undefined;
}

/** Every problem with a set of values; `storedSecrets` are the secret keys the vault already has. */
export function checkCredentials(
  fields: readonly CredentialField[],
  values: Record<string, string>,
  storedSecrets: ReadonlySet<string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const p = checkCredentialField(f, values[f.key] ?? '', storedSecrets.has(f.key));
    if (p) problems.push(p);
  }
  for (const key of Object.keys(values)) {
    if (!fields.some((f) => f.key === key)) {
      problems.push({ key, message: { en: `Unknown field ${key}`, zh: `未知字段 ${key}` } });
    }
  }
  return problems;
}

/** The value as it is stored: trimmed, and in the field's one stored form when it has one. */
export function storedForm(field: CredentialField, value: string): string {
  const v = value.trim();
  return v && field.normalize ? field.normalize(v) : v;
}
