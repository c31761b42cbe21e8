/**
 * Checking a platform's credentials as the user types them, against the fields its description
 * declares (required, pattern). Secret fields may be left empty to keep what the vault holds.
 */
import type { Bilingual } from '../core/errors';
import { isSecureEndpoint } from '../core/transport';
import type { CredentialField } from './types';

export interface FieldProblem {
  key: string;
  message: Bilingual;
}

export function checkCredentialField(
  field: CredentialField,
  value: string,
  alreadyStored: boolean,
): FieldProblem | undefined {
  const v = value.trim();
  if (v === '') {
    if (field.required && !(field.secret && alreadyStored)) {
      return {
        key: field.key,
        message: { en: `${field.label.en} is required`, zh: `请填写${field.label.zh}` },
      };
    }
    return undefined;
  }
  if (field.pattern && !field.pattern.test(v)) {
    return {
      key: field.key,
      message: {
        en: `${field.label.en} does not look right${field.hint ? `: ${field.hint.en}` : ''}`,
        zh: `${field.label.zh}格式不正确${field.hint ? `：${field.hint.zh}` : ''}`,
      },
    };
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
