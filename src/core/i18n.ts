/**
 * Strings for people, in English and Simplified Chinese. `resolveLanguage` picks the browser's
 * language unless the user chose one; `t` fills `{name}` placeholders.
 */
import type { LanguageSetting } from './settings';
import type { Platform } from './errors';

export type Lang = 'en' | 'zh-CN';

const en = {
  'app.name': 'CoinDock',
  'app.tagline': 'Your crypto accounts in one place',
  'status.ready': 'Ready',
  'status.unreachable': 'Background not reachable',
  'portfolio.title': 'Accounts',
  'portfolio.notConnected': 'Not connected',
  'portfolio.environment': 'Environment: {env}',
  'returns.title': 'Recent returns',
  'returns.empty': 'No return pages seen yet',
  'returns.seen': '{platform} return, {when}',
  'action.openOptions': 'Settings',
  'options.title': 'CoinDock settings',
  'options.language': 'Language',
  'options.language.auto': 'Browser default',
  'options.sandbox': 'Sandbox address',
  'options.sandbox.hint': 'Where the local CoinDock sandbox runs (npm start).',
  'options.platforms': 'Platforms',
  'options.environment': 'Environment',
  'options.customBaseUrl': 'Custom base URL',
  'options.returnUrls': 'Return / redirect URLs (one per line)',
  'options.returnUrls.hint': 'CoinDock reads the result on these pages only.',
  'options.save': 'Save',
  'options.saved': 'Saved',
  'options.permissionDenied': 'Permission to read those pages was not granted',
  'env.production': 'Production',
  'env.test': 'Test',
  'env.sandbox': 'Sandbox',
  'env.custom': 'Custom',
  'time.justNow': 'just now',
  'time.minutesAgo': '{n} min ago',
  'time.hoursAgo': '{n} h ago',
  'time.daysAgo': '{n} d ago',
  'popup.locked': 'Locked — unlock to use your keys',
  'popup.noVault': 'Set up a vault and your keys in Settings to connect accounts.',
  'account.connect': 'Connect',
  'account.reconnect': 'Reconnect',
  'account.disconnect': 'Disconnect',
  'account.connected': 'Connected',
  'account.needsReconnect': 'Needs reconnecting',
  'account.error': 'Error',
  'account.connecting': 'Connecting… finish in the tab that opened',
  'account.finishing': 'Finishing…',
  'account.failed': 'Connection failed: {reason}',
  'account.dismiss': 'Dismiss',
  'account.updated': 'updated {when}',
  'account.signIn': 'Sign in',
  'vault.title': 'Vault',
  'vault.explain':
    'Your app keys and tokens are encrypted with a passphrase only you know. CoinDock cannot recover it.',
  'vault.create': 'Create vault',
  'vault.passphrase': 'Passphrase',
  'vault.confirm': 'Repeat passphrase',
  'vault.mismatch': 'The two passphrases differ',
  'vault.unlock': 'Unlock',
  'vault.lock': 'Lock now',
  'vault.locked': 'Locked',
  'vault.unlocked': 'Unlocked',
  'vault.oldPassphrase': 'Current passphrase',
  'vault.newPassphrase': 'New passphrase',
  'vault.change': 'Change passphrase',
  'vault.changed': 'Passphrase changed',
  'vault.autoLock': 'Lock after idle (minutes, 0 = never)',
  'vault.iterations': 'Key derivation: PBKDF2-SHA256, {n} iterations',
  'vault.forget': 'Forget everything',
  'vault.reset': 'Forgot it? Reset the vault',
  'vault.resetConfirm':
    'Erase the vault’s keys and tokens (settings stay) and start with a new passphrase?',
  'vault.resetDone': 'Vault erased: create a new one',
  'vault.forgetConfirm':
    'Erase all CoinDock data in this browser: keys, tokens, settings and history?',
  'vault.forgotten': 'Everything was erased',
  'creds.title': 'Keys and account',
  'creds.save': 'Save keys',
  'creds.saved': 'Keys saved',
  'creds.stored': 'stored — leave empty to keep',
  'creds.lockedHint': 'Unlock the vault to enter or change secret keys.',
  'creds.generate': 'Generate key pair',
  'creds.test': 'Test connection',
  'creds.testing': 'Testing…',
  'creds.generated': 'New key pair generated: register the public key with BiYong, then save.',
  'backup.title': 'Backup',
  'backup.explain':
    'Export your settings and keys as a file encrypted with a passphrase of its own; import it in another browser.',
  'backup.passphrase': 'File passphrase',
  'backup.export': 'Export settings',
  'backup.exported': 'Exported {file}',
  'backup.file': 'Settings file',
  'backup.import': 'Import settings',
  'backup.imported': 'Settings imported',
  'backup.chooseFile': 'Choose a file first',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.name': 'CoinDock 币坞',
  'app.tagline': '你的加密账户，一处管理',
  'status.ready': '就绪',
  'status.unreachable': '无法连接后台',
  'portfolio.title': '账户',
  'portfolio.notConnected': '未连接',
  'portfolio.environment': '环境：{env}',
  'returns.title': '最近的返回页',
  'returns.empty': '尚未看到返回页',
  'returns.seen': '{platform} 返回，{when}',
  'action.openOptions': '设置',
  'options.title': 'CoinDock 设置',
  'options.language': '语言',
  'options.language.auto': '跟随浏览器',
  'options.sandbox': '沙盒地址',
  'options.sandbox.hint': '本地 CoinDock 沙盒的地址（npm start）。',
  'options.platforms': '平台',
  'options.environment': '环境',
  'options.customBaseUrl': '自定义接口地址',
  'options.returnUrls': '返回 / 回调地址（每行一个）',
  'options.returnUrls.hint': 'CoinDock 只在这些页面读取结果。',
  'options.save': '保存',
  'options.saved': '已保存',
  'options.permissionDenied': '未获得读取这些页面的权限',
  'env.production': '生产',
  'env.test': '测试',
  'env.sandbox': '沙盒',
  'env.custom': '自定义',
  'time.justNow': '刚刚',
  'time.minutesAgo': '{n} 分钟前',
  'time.hoursAgo': '{n} 小时前',
  'time.daysAgo': '{n} 天前',
  'popup.locked': '已锁定——解锁后才能使用密钥',
  'popup.noVault': '请在设置中创建保险库并填写密钥，以连接账户。',
  'account.connect': '连接',
  'account.reconnect': '重新连接',
  'account.disconnect': '断开',
  'account.connected': '已连接',
  'account.needsReconnect': '需要重新连接',
  'account.error': '出错',
  'account.connecting': '连接中……请在新打开的页面中完成',
  'account.finishing': '正在完成……',
  'account.failed': '连接失败：{reason}',
  'account.dismiss': '关闭',
  'account.updated': '{when}更新',
  'account.signIn': '登录',
  'vault.title': '保险库',
  'vault.explain': '你的应用密钥和令牌使用只有你知道的密码加密。CoinDock 无法找回该密码。',
  'vault.create': '创建保险库',
  'vault.passphrase': '密码',
  'vault.confirm': '再次输入密码',
  'vault.mismatch': '两次输入的密码不一致',
  'vault.unlock': '解锁',
  'vault.lock': '立即锁定',
  'vault.locked': '已锁定',
  'vault.unlocked': '已解锁',
  'vault.oldPassphrase': '当前密码',
  'vault.newPassphrase': '新密码',
  'vault.change': '修改密码',
  'vault.changed': '密码已修改',
  'vault.autoLock': '闲置多久后锁定（分钟，0 表示从不）',
  'vault.iterations': '密钥派生：PBKDF2-SHA256，{n} 次迭代',
  'vault.forget': '清除全部数据',
  'vault.reset': '忘记密码？重置保险库',
  'vault.resetConfirm': '清除保险库中的密钥和令牌（保留设置），并使用新密码重新开始？',
  'vault.resetDone': '保险库已清除：请创建新的保险库',
  'vault.forgetConfirm': '清除此浏览器中 CoinDock 的全部数据：密钥、令牌、设置和记录？',
  'vault.forgotten': '已清除全部数据',
  'creds.title': '密钥与账户',
  'creds.save': '保存密钥',
  'creds.saved': '密钥已保存',
  'creds.stored': '已保存——留空则保持不变',
  'creds.lockedHint': '解锁保险库后才能填写或修改密钥。',
  'creds.generate': '生成密钥对',
  'creds.test': '测试连接',
  'creds.testing': '正在测试…',
  'creds.generated': '已生成新的密钥对：请将公钥登记到 BiYong，然后保存。',
  'backup.title': '备份',
  'backup.explain': '将设置和密钥导出为用单独密码加密的文件；可在其他浏览器中导入。',
  'backup.passphrase': '文件密码',
  'backup.export': '导出设置',
  'backup.exported': '已导出 {file}',
  'backup.file': '设置文件',
  'backup.import': '导入设置',
  'backup.imported': '设置已导入',
  'backup.chooseFile': '请先选择文件',
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zh };

export const PLATFORM_NAMES: Record<Platform, Record<Lang, string>> = {
  fomo: { en: 'FOMO', 'zh-CN': 'FOMO' },
  gow: { en: 'GOW', 'zh-CN': 'GOW' },
  biyong: { en: 'BiYong', 'zh-CN': '币用' },
  grandchain: { en: 'Grand Chain', 'zh-CN': '大链' },
  hicoin: { en: 'HiCoin', 'zh-CN': 'HiCoin' },
};

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** "updated 2 min ago" style freshness. */
export function timeAgo(lang: Lang, then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return t(lang, 'time.justNow');
  const m = Math.round(s / 60);
  if (m < 60) return t(lang, 'time.minutesAgo', { n: m });
  const h = Math.round(m / 60);
  if (h < 48) return t(lang, 'time.hoursAgo', { n: h });
  return t(lang, 'time.daysAgo', { n: Math.round(h / 24) });
}

/** The language key for a CoinDockError's bilingual message. */
export function errorLang(lang: Lang): 'en' | 'zh' {
  return lang === 'zh-CN' ? 'zh' : 'en';
}
