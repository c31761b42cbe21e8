/**
 * Grand Chain payments (docs/providers/grandchain.md): environments, endpoints (deployed paths;
 * see revisions.ts for the documented ones), credentials and the complete error table.
 */
import type { EndpointSpec, ProviderDescription } from '../types';
import { grandchainCapabilities } from './capabilities';
import { choicesRule, emailRule } from '../credentials';
import { flatErrorTable } from './error-table';
import { ENDPOINTS, pathFor } from './revisions';

export const grandchainDescription: ProviderDescription = {
  id: 'grandchain',
  capabilities: grandchainCapabilities,
  about: {
    en: 'Payments in yuan between Grand Chain users; sign in with email.',
    zh: '大链用户之间的人民币支付；用邮箱登录。',
  },
  environments: {
    // docs/providers/grandchain.md: gateway http://www.vaskka.com/ and every route under /grand/chain/.
    production: 'http://www.vaskka.com/grand/chain/',
    sandbox: 'http://127.0.0.1:8787/grandchain/',
  },
  endpoints: Object.fromEntries(
    ENDPOINTS.map((ep): [string, EndpointSpec] => [
      ep,
      { method: 'POST', path: pathFor(ep, 'deployed') ?? ep },
    ]),
  ),
  credentials: [
    {
      key: 'email',
      label: { en: 'Email', zh: '注册邮箱' },
      secret: false,
      required: true,
      ...emailRule(),
      hint: {
        en: 'The address you sign in to Grand Chain with.',
        zh: '您登录大链所用的邮箱。',
      },
    },
    {
      key: 'revision',
      label: { en: 'API version', zh: '接口版本' },
      secret: false,
      required: false,
      ...choicesRule([
        { value: 'auto', label: { en: 'Detect automatically', zh: '自动识别' } },
        { value: 'deployed', label: { en: 'Current live service', zh: '当前线上版本' } },
        { value: 'seed', label: { en: 'Original 2018 documentation', zh: '2018 年原始文档版本' } },
      ]),
      hint: {
        en: 'Leave on “Detect automatically” unless Grand Chain tells you which one to use.',
        zh: '除非大链告知使用哪个版本，请保持“自动识别”。',
      },
    },
    // The password is asked for at login/registration only and never stored
    // (docs/providers/grandchain.md); the session token that login returns is the secret the
    // vault keeps.
  ],
  errorCodes: flatErrorTable(),
};

export default grandchainDescription;
