/**
 * Strings only the options page shows (its sections and the guided setup), in a table of their
 * own: the popup loads its language table before its first paint, and these would weigh on it
 * for nothing. The options page adds them with `addStrings` (src/options/main.tsx).
 */
export const optionsEn = {
  'options.nav': 'Settings sections',
  'options.nav.platforms': 'Platforms',
  'options.nav.security': 'Vault and backup',
  'options.nav.general': 'General',
  'options.nav.setup': 'Guided setup',
  'options.nav.vault': 'Vault',
  'options.nav.backup': 'Backup',
  'options.nav.language': 'Language & environments',
  'options.unsaved': 'Unsaved changes',
  'options.allSaved': 'All changes saved',
  'options.unsavedLeave': 'This section has unsaved changes. Leave without saving them?',
  'options.discard': 'Discard changes',
  'options.fixFields': 'Fix the marked fields first ({n})',
  'options.baseUrl': 'CoinDock connects to {url}',
  'options.baseUrl.none':
    '{name} publishes no address for this environment: choose Custom and enter the one {name} gave you.',
  'options.returnUrls.bad': 'Line {n} is not a web address starting with http:// or https://',
  'options.section.where': 'Where CoinDock connects',
  'options.section.keys': 'Keys',
  'options.section.account': 'Account',
  'options.connected': 'Connected as {who}',
  'options.notConnected': 'Not connected',
  'options.connecting': 'Connecting… finish in the tab that opened',
  'options.connect': 'Connect',
  'options.disconnect': 'Disconnect',
  'options.disconnectConfirm':
    'Disconnect {name}? CoinDock forgets this account’s sign-in; your keys stay saved.',
  'options.disconnected': '{name} disconnected',
  'options.connectOpened': 'Finish connecting in the tab that opened',
  'options.connectDone': '{name} connected',
  'options.demoKeys': 'Fill in sandbox demo keys',
  'options.demoKeys.filled': 'Sandbox demo keys filled in: press Save to keep them',
  'options.demoKeys.unreachable':
    'The sandbox at {origin} is not reachable. Start it with npm start (or npm run sandbox), or correct the sandbox address under Language & environments.',
  'options.demoKeys.noEndpoint':
    'The sandbox at {origin} answered {status} and offers no demo keys: update the sandbox.',
  'options.demoKeys.invalid':
    'The sandbox at {origin} answered, but not with demo keys CoinDock can read.',
  'options.wrongSignature':
    '{name} refused the signature made with this key: it is not the one issued with this API key{code}',
  'options.environments.hint':
    'Each platform’s environment (production, test, sandbox or custom) is chosen in its own section.',
  'options.choose': 'Choose…',
  'options.customBaseUrl.bad':
    'Enter the address {name} gave you, starting with http:// or https://',
  'options.customBaseUrl.insecure':
    'This address is plain http: (not encrypted): CoinDock will not send your keys, sign-in or money over it. Enter {name}’s https:// address (http:// only for this computer: localhost, 127.0.0.1).',
  'options.returnUrls.insecure':
    'Line {n} is plain http: (not encrypted), so what comes back to it could be read on the way: use https:// (http:// only for this computer: localhost, 127.0.0.1).',
  'vault.autoLockLegend': 'Auto-lock',
  'vault.dangerZone': 'Danger zone',
  'vault.forgetExplain':
    'Erase every key, sign-in, setting and history CoinDock keeps in this browser. This cannot be undone; export a backup first if you may need them.',
  'options.section.details': 'Account details',
  'setup.title': 'Set up CoinDock',
  'setup.steps': 'Setup steps',
  'setup.step.vault': 'Vault',
  'setup.step.platforms': 'Platforms',
  'setup.step.keys': 'Keys',
  'setup.step.connect': 'Connect',
  'setup.step.done': 'Done',
  'setup.stepOf': 'Step {n} of {total}',
  'setup.back': 'Back',
  'setup.next': 'Next',
  'setup.vault.intro':
    'First, a vault: your keys and sign-ins are encrypted with a passphrase only you know. CoinDock cannot recover it, so write it down somewhere safe.',
  'setup.vault.ready': 'Your vault is ready and unlocked.',
  'setup.vault.locked': 'Your vault is locked: unlock it to go on.',
  'setup.strength': 'Strength: {level}',
  'setup.strength.weak': 'weak — use 12 or more characters, or a few unrelated words',
  'setup.strength.fair': 'fair — longer is stronger',
  'setup.strength.strong': 'strong',
  'setup.strength.tooShort': 'Use at least 8 characters',
  'setup.platforms.intro': 'Which platforms do you use? You can add the others later.',
  'setup.choose': 'Choose at least one platform',
  'setup.keys.intro':
    'Enter each platform’s keys: every field is checked as you type. Save, then test the connection.',
  'setup.keys.pending': 'Still to save: {names}',
  'setup.connect.intro':
    'Connect your accounts. FOMO, HiCoin and BiYong ask you on their own page, in a new tab; GOW connects with its keys; Grand Chain asks you to sign in.',
  'setup.done.title': 'CoinDock is set up',
  'setup.done.text':
    'Open CoinDock from the browser toolbar to see your accounts. Everything here can be changed later in its section.',
  'setup.done.open': 'Go to settings',
} as const;

export type OptionsKey = keyof typeof optionsEn;
