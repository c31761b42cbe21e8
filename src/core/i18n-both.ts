/**
 * Both languages, loaded statically, for the contexts that may speak either at any moment and
 * cannot wait for a chunk: the service worker (notifications, return decoding; a service worker
 * cannot import() at all) and the content script (its banner). Imported for its effect.
 */
import { provideTables } from './i18n';
import { en } from './i18n/en';
import { zh } from './i18n/zh';

provideTables({ en, 'zh-CN': zh });
