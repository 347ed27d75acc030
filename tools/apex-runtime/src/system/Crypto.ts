// System.Crypto: random numbers, digests and MACs through node:crypto. Encryption is not
// implemented (unsupported).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { apexThrow, unsupported } from '../interpreter/errors';
import { ApexBlob, type ApexValue } from '../interpreter/values';
import type { StaticMethod } from './context';

const DIGESTS: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  'sha-256': 'sha256',
  'sha-512': 'sha512',
  'sha3-256': 'sha3-256',
  'sha3-384': 'sha3-384',
  'sha3-512': 'sha3-512',
};

const MACS: Record<string, string> = {
  hmacmd5: 'md5',
  hmacsha1: 'sha1',
  hmacsha256: 'sha256',
  hmacsha512: 'sha512',
};

function blob(v: ApexValue): ApexBlob {
  if (!(v instanceof ApexBlob)) {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  return v;
}

function algorithm(table: Record<string, string>, name: ApexValue): string {
  if (typeof name !== 'string') {
    apexThrow('System.NullPointerException', 'Argument cannot be null.');
  }
  const a = table[name.toLowerCase()];
  if (!a) {
    apexThrow('System.NoSuchAlgorithmException', `Algorithm ${name} is not supported.`);
  }
  return a;
}

export const cryptoStaticMethods: Record<string, StaticMethod> = {
  getrandominteger: () => randomBytes(4).readInt32BE(0),
  getrandomlong: () => randomBytes(8).readBigInt64BE(0),
  // A missing argument reads as null (the Apex compiler lets no call leave one out).
  generatedigest: ([alg = null, input = null]) =>
    new ApexBlob(
      new Uint8Array(createHash(algorithm(DIGESTS, alg)).update(blob(input).bytes).digest())
    ),
  generatemac: ([alg = null, input = null, key = null]) =>
    new ApexBlob(
      new Uint8Array(
        createHmac(algorithm(MACS, alg), blob(key).bytes).update(blob(input).bytes).digest()
      )
    ),
  encrypt: () => unsupported('Crypto.encrypt'),
  decrypt: () => unsupported('Crypto.decrypt'),
  encryptwithmanagediv: () => unsupported('Crypto.encryptWithManagedIV'),
  decryptwithmanagediv: () => unsupported('Crypto.decryptWithManagedIV'),
  generateaeskey: () => unsupported('Crypto.generateAesKey'),
  sign: () => unsupported('Crypto.sign'),
  verify: () => unsupported('Crypto.verify'),
};
