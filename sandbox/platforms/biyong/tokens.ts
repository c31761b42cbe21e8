/**
 * Tokens BiYong lists in /common/token-info/page (docs/providers/biyong.md, Endpoints):
 * `{symbol, name, projectName}`.
 */
export const TOKEN_INFO: readonly { symbol: string; name: string; projectName: string }[] = [
  { symbol: 'ACT', name: 'ACT', projectName: 'Achain' },
  { symbol: 'BTC', name: 'Bitcoin', projectName: 'Bitcoin' },
  { symbol: 'ETH', name: 'Ether', projectName: 'Ethereum' },
  { symbol: 'USDT', name: 'Tether USD', projectName: 'Tether' },
  { symbol: 'EOS', name: 'EOS', projectName: 'EOS.IO' },
  { symbol: 'LTC', name: 'Litecoin', projectName: 'Litecoin' },
  { symbol: 'BCH', name: 'Bitcoin Cash', projectName: 'Bitcoin Cash' },
  { symbol: 'TRX', name: 'TRON', projectName: 'TRON' },
  { symbol: 'NEO', name: 'NEO', projectName: 'NEO' },
  { symbol: 'QTUM', name: 'Qtum', projectName: 'Qtum' },
  { symbol: 'OMG', name: 'OmiseGO', projectName: 'OmiseGO' },
  { symbol: 'ZRX', name: '0x', projectName: '0x Protocol' },
];
