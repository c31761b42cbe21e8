/**
 * Grand Chain payments (seed 003, providers.md §4): environments, endpoints (deployed paths; see
 * revisions.ts for the seed's), credentials and the complete error table.
 */
import type { EndpointSpec, ProviderDescription } from '../types';
import { flatErrorTable } from './error-table';
import { ENDPOINTS, pathFor } from './revisions';

export const grandchainDescription: ProviderDescription = {
  id: 'grandchain',
  name: { en: 'Grand Chain', zh: 'Grand Chain' },
  environments: {
    // Seed 003: gateway http://www.vaskka.com/ and every route under /grand/chain/.
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
      pattern: /^[^\s@]{1,64}@[^\s@]{1,189}$/,
    },
    {
      key: 'revision',
      label: { en: 'API revision', zh: '接口版本' },
      secret: false,
      required: false,
      pattern: /^(auto|seed|deployed)$/,
      hint: {
        en: 'auto detects whether the server speaks the 2018 document or the deployed API',
        zh: 'auto 自动识别服务器使用的是文档版本还是线上版本',
      },
    },
    // The password is asked for at login/registration only and never stored (providers.md §4);
    // the session token that login returns is the secret the vault keeps.
  ],
  errorCodes: flatErrorTable(),
};
