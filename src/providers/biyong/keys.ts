/**
 * Reading the RSA keys a merchant pastes for BiYong (docs/providers/biyong.md): base64 DER as
 * BiYong's console shows them, or PEM as openssl writes them — `BEGIN PRIVATE KEY` (PKCS#8),
 * `BEGIN RSA PRIVATE KEY` (PKCS#1), `BEGIN PUBLIC KEY` (X.509 SubjectPublicKeyInfo) and
 * `BEGIN RSA PUBLIC KEY` (PKCS#1). PKCS#1 is wrapped into PKCS#8 / SPKI here (a few DER bytes, no
 * library), so WebCrypto always gets the one form it imports. Every refusal says what is wrong in
 * words; no key text ever goes into a message.
 */
import { concatBytes, toBase64 } from '../../core/bytes';
import type { Bilingual } from '../../core/errors';

export type KeyRole = 'private' | 'public';

export type KeyReading = { der: Uint8Array<ArrayBuffer> } | { problem: Bilingual };

/** rsaEncryption, 1.2.840.113549.1.1.1, as DER (tag, length, value). */
const RSA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01);
const NULL = Uint8Array.of(0x05, 0x00);

const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30 };

interface Tlv {
  tag: number;
  /** The value's bytes. */
  value: Uint8Array<ArrayBuffer>;
  /** Offset just past this element. */
  end: number;
}

class Truncated extends Error {}

function readTlv(b: Uint8Array<ArrayBuffer>, at: number): Tlv {
  if (at + 2 > b.length) throw new Truncated();
  const tag = b[at]!;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > b.length) throw new Truncated();
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    start += n;
  }
  if (start + len > b.length) throw new Truncated();
  return { tag, value: b.subarray(start, start + len), end: start + len };
}

function children(seq: Uint8Array<ArrayBuffer>): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < seq.length;) {
    const el = readTlv(seq, at);
    out.push(el);
    at = el.end;
  }
  return out;
}

function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function der(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concatBytes(...parts);
  return concatBytes(Uint8Array.of(tag), derLength(body.length), body);
}

const rsaAlgorithm = () => der(TAG.sequence, RSA_OID, NULL);

/** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, the key as octets). */
function pkcs8FromPkcs1(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return der(
    TAG.sequence,
    der(TAG.integer, Uint8Array.of(0)),
    rsaAlgorithm(),
    der(TAG.octetString, pkcs1),
  );
}

/** PKCS#1 RSAPublicKey → SubjectPublicKeyInfo (rsaEncryption, the key as a bit string). */
function spkiFromPkcs1(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return der(TAG.sequence, rsaAlgorithm(), der(TAG.bitString, Uint8Array.of(0), pkcs1));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const say = (en: string, zh: string): { problem: Bilingual } => ({ problem: { en, zh } });

const OPENSSL_PKCS8 = 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem';

/** What the PEM label alone tells (forms that are not RSA keys at all, or are locked). */
function refuseByLabel(label: string, role: KeyRole): { problem: Bilingual } | undefined {
  switch (label) {
    case 'PRIVATE KEY':
    case 'RSA PRIVATE KEY':
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY':
      return undefined;
    case 'ENCRYPTED PRIVATE KEY':
      return say(
        `This private key is locked with a passphrase; export it without one (${OPENSSL_PKCS8}) and paste that`,
        `此私钥已用密码加密；请先导出未加密的私钥（${OPENSSL_PKCS8}）再粘贴`,
      );
    case 'CERTIFICATE':
      return role === 'public'
        ? say(
            'This is a certificate, not a public key; take the key out of it with: openssl x509 -pubkey -noout -in cert.pem',
            '这是证书而不是公钥；请用 openssl x509 -pubkey -noout -in cert.pem 取出公钥',
          )
        : say('This is a certificate; paste the private key', '这是证书；请粘贴私钥');
    case 'OPENSSH PRIVATE KEY':
      return say(
        `This is an OpenSSH key; BiYong needs an RSA key in PEM or base64 (${OPENSSL_PKCS8} after ssh-keygen -p -m PEM -f key)`,
        `这是 OpenSSH 格式的密钥；BiYong 需要 PEM 或 base64 格式的 RSA 密钥（先 ssh-keygen -p -m PEM -f key，再 ${OPENSSL_PKCS8}）`,
      );
    case 'EC PRIVATE KEY':
    case 'DSA PRIVATE KEY':
      return say(
        `This is not an RSA key (${label.split(' ')[0]}); BiYong signs with RSA keys`,
        `这不是 RSA 密钥（${label.split(' ')[0]}）；BiYong 使用 RSA 密钥签名`,
      );
    default:
      return say(
        `“${label}” is not a key form CoinDock reads; paste a PEM “PRIVATE KEY”, “RSA PRIVATE KEY”, “PUBLIC KEY” or base64`,
        `无法识别“${label}”格式；请粘贴 PEM 格式的 PRIVATE KEY、RSA PRIVATE KEY、PUBLIC KEY 或 base64 文本`,
      );
  }
}

/** The base64 text's bytes, or where it stops being base64 (1-based, in the pasted text). */
function decodeBase64(text: string, offset: number): KeyReading {
  let clean = '';
  let padding = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) continue;
    const at = offset + i + 1;
    if (c === '=') {
      padding = true;
    } else if (/[A-Za-z0-9+/_-]/.test(c) && !padding) {
      clean += c;
      continue;
    } else {
      const shown = c === '"' || c === "'" ? `a quote (${c})` : `“${c}”`;
      return say(
        `Not valid base64 at character ${at}: ${shown}`,
        `第 ${at} 个字符不是有效的 base64：${c === '"' || c === "'" ? `引号（${c}）` : `“${c}”`}`,
      );
    }
  }
  if (clean.length % 4 === 1) {
    return say(
      `The base64 text is cut short (${clean.length} characters); paste the whole key`,
      `base64 文本不完整（${clean.length} 个字符）；请粘贴完整的密钥`,
    );
  }
  const bin = atob(
    clean
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(clean.length / 4) * 4, '='),
  );
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return { der: out };
}

/** The DER structure's kind, and the form WebCrypto imports (PKCS#8 / SPKI). */
function classify(bytes: Uint8Array<ArrayBuffer>, role: KeyRole): KeyReading {
  const notAKey = say(
    'This is not an RSA key: the text decodes, but not to a key',
    '这不是 RSA 密钥：文本可以解码，但内容不是密钥',
  );
  // A key starts with a SEQUENCE; anything else is not worth reading on.
  if (bytes[0] !== TAG.sequence) return notAKey;
  try {
    const top = readTlv(bytes, 0);
    if (top.end !== bytes.length) {
      return say(
        'The key has extra bytes after its end; paste exactly one key',
        '密钥末尾有多余内容；请只粘贴一个密钥',
      );
    }
    const parts = children(top.value);
    const [a, b, c] = parts;
    if (!a || !b) return notAKey;
    let kind: 'pkcs8' | 'pkcs1-private' | 'spki' | 'pkcs1-public' | 'encrypted';
    let algorithm: Tlv | undefined;
    if (a.tag === TAG.sequence && b.tag === TAG.bitString) {
      kind = 'spki';
      algorithm = a;
    } else if (a.tag === TAG.sequence && b.tag === TAG.octetString) {
      kind = 'encrypted';
    } else if (a.tag === TAG.integer && b.tag === TAG.sequence && c?.tag === TAG.octetString) {
      kind = 'pkcs8';
      algorithm = b;
    } else if (parts.length === 2 && a.tag === TAG.integer && b.tag === TAG.integer) {
      kind = 'pkcs1-public';
    } else if (parts.length >= 9 && parts.every((p) => p.tag === TAG.integer)) {
      kind = 'pkcs1-private';
    } else {
      return notAKey;
    }
    if (kind === 'encrypted') return refuseByLabel('ENCRYPTED PRIVATE KEY', role)!;
    if (algorithm) {
      const oid = children(algorithm.value)[0];
      if (oid?.tag !== TAG.oid) return notAKey;
      const whole = der(TAG.oid, oid.value);
      if (!sameBytes(whole, RSA_OID)) {
        return say(
          'This is not an RSA key (another algorithm, such as EC); BiYong signs with RSA keys',
          '这不是 RSA 密钥（例如 EC 等其他算法）；BiYong 使用 RSA 密钥签名',
        );
      }
    }
    const isPrivate = kind === 'pkcs8' || kind === 'pkcs1-private';
    if (role === 'private' && !isPrivate) {
      return say('This is a public key; paste the private key', '这是公钥；请粘贴私钥');
    }
    if (role === 'public' && isPrivate) {
      return say(
        'This is a private key; paste the public key (the private one stays with you)',
        '这是私钥；请粘贴公钥（私钥只留在您这里）',
      );
    }
    if (kind === 'pkcs1-private') return { der: pkcs8FromPkcs1(bytes) };
    if (kind === 'pkcs1-public') return { der: spkiFromPkcs1(bytes) };
    return { der: bytes };
  } catch (e) {
    if (e instanceof Truncated) {
      return say(
        'The key is incomplete: it ends before its own stated length; paste it whole',
        '密钥不完整：内容比其声明的长度短；请粘贴完整的密钥',
      );
    }
    throw e;
  }
}

/**
 * Read a pasted RSA key in any of the accepted forms: its DER in the form WebCrypto imports
 * (PKCS#8 for `private`, SPKI for `public`), or what is wrong with it.
 */
export function readRsaKey(text: string, role: KeyRole): KeyReading {
  const s = text.trim();
  if (s === '') return say('No key was pasted', '未粘贴密钥');
  const begin = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(s);
  if (!begin) {
    if (s.includes('-----')) {
      return say(
        'The PEM block has no “-----BEGIN …-----” line; paste the whole key, first line included',
        'PEM 文本缺少“-----BEGIN …-----”行；请完整粘贴密钥（包括第一行）',
      );
    }
    const decoded = decodeBase64(s, 0);
    return 'der' in decoded ? classify(decoded.der, role) : decoded;
  }
  const label = begin[1]!;
  const bodyStart = begin.index + begin[0].length;
  const endMark = `-----END ${label}-----`;
  const endAt = s.indexOf(endMark, bodyStart);
  if (endAt < 0) {
    return say(
      `The PEM block has no “${endMark}” line; paste the whole key, last line included`,
      `PEM 文本缺少“${endMark}”行；请完整粘贴密钥（包括最后一行）`,
    );
  }
  const refused = refuseByLabel(label, role);
  if (refused) return refused;
  let body = s.slice(bodyStart, endAt);
  // Legacy OpenSSL encryption puts headers (Proc-Type: 4,ENCRYPTED) before the base64.
  if (/Proc-Type:\s*4,ENCRYPTED/.test(body)) return refuseByLabel('ENCRYPTED PRIVATE KEY', role)!;
  body = body.replace(/^[\w-]+:.*$/gm, (line) => ' '.repeat(line.length));
  const decoded = decodeBase64(body, bodyStart);
  return 'der' in decoded ? classify(decoded.der, role) : decoded;
}

/** The problem with a pasted key, or undefined when it reads (for the live field check). */
export function rsaKeyProblem(text: string, role: KeyRole): Bilingual | undefined {
  const r = readRsaKey(text, role);
  return 'problem' in r ? r.problem : undefined;
}

/**
 * The stored form of a key: base64 DER as BiYong's console shows it (PKCS#8 / SPKI), whatever
 * was pasted. Text that does not read is returned as it is (the field check refuses it).
 */
export function normalizeRsaKey(text: string, role: KeyRole): string {
  const r = readRsaKey(text, role);
  return 'der' in r ? toBase64(r.der) : text;
}
