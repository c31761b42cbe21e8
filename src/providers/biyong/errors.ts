/**
 * BiYong failures → typed errors. An envelope status from the seed's table gets its kind and
 * bilingual text (100000 carries BiYong's own message, as the seed says to read it); an unknown
 * status is a `platform` error with BiYong's message. BiYong's text is server text, never one of
 * our secrets, but it is still cut short so a hostile server cannot flood the UI.
 */
import { errors, type CoinDockError } from '../../core/errors';
import { biyongDescription } from './description';

export interface BiyongWhere {
  endpoint: string;
  status?: number;
}

export function shortText(s: string | null | undefined, max = 200): string {
  // Control characters out, whitespace collapsed: the text goes into a UI line.
  const clean = (s ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export function biyongStatusError(
  status: string,
  message: string | null | undefined,
  where: BiyongWhere,
): CoinDockError {
  const details = { platform: 'biyong' as const, platformCode: status, ...where };
  const said = shortText(message);
  const entry = biyongDescription.errorCodes[status];
  if (entry) {
    // 100000 is "see message": BiYong's text is the useful part.
    if (status === '100000' && said) {
      return errors[entry.kind]({ en: `BiYong: ${said}`, zh: `BiYong：${said}` }, details);
    }
    return errors[entry.kind]({ en: entry.en, zh: entry.zh }, details);
  }
  return errors.platform(
    {
      en: said ? `BiYong error ${status}: ${said}` : `BiYong error ${status}`,
      zh: said ? `BiYong 错误 ${status}：${said}` : `BiYong 错误 ${status}`,
    },
    details,
  );
}
