// EncodingUtil, Blob, Crypto and UUID (Apex Reference Guide; urlEncode/urlDecode follow
// java.net.URLEncoder/URLDecoder, which the guide names).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexError } from '../src/interpreter/errors';
import { ApexBlob, ApexObject } from '../src/interpreter/values';
import { blobInstanceMethods, blobOf, blobToString } from '../src/system/Blob';
import { defaultContext } from '../src/system/context';
import { cryptoStaticMethods } from '../src/system/Crypto';
import { encodingUtilStaticMethods as E, urlDecode, urlEncode } from '../src/system/EncodingUtil';
import { uuidStaticMethods } from '../src/system/UUID';
import { apexToString } from '../src/system/String';

const ctx = defaultContext();
// The tables define every method called below by its name (`E.base64encode!`).

describe('EncodingUtil', () => {
  it('urlEncode: space as +, *-._ kept, UTF-8 percent escapes in upper case', () => {
    assert.equal(urlEncode('a b*c-d.e_f~g/é'), 'a+b*c-d.e_f%7Eg%2F%C3%A9');
  });

  it('urlDecode: + is a space, bad UTF-8 becomes U+FFFD, a bad escape throws', () => {
    assert.equal(urlDecode('a+b%2Bc%C3%A9'), 'a b+cé');
    assert.equal(urlDecode('%FF'), '\uFFFD');
    assert.throws(() => urlDecode('%zz'), ApexError);
    assert.throws(() => urlDecode('abc%2'), ApexError);
  });

  it('base64 and hex', () => {
    assert.equal(E.base64encode!([blobOf('hello')], ctx), 'aGVsbG8=');
    assert.deepEqual([...(E.base64decode!(['/w=='], ctx) as ApexBlob).bytes], [255]);
    assert.equal(E.converttohex!([blobOf('AB')], ctx), '4142');
    assert.equal(blobToString(E.convertfromhex!(['4142'], ctx) as ApexBlob), 'AB');
    assert.equal(E.urlencode!(['a b', 'UTF-8'], ctx), 'a+b');
  });
});

describe('Blob', () => {
  it('UTF-8 both ways; invalid UTF-8 throws StringException', () => {
    assert.equal(blobInstanceMethods.size!(blobOf('é'), [], ctx), 2);
    assert.equal(blobToString(blobOf('héllo')), 'héllo');
    assert.throws(
      () => blobToString(new ApexBlob(new Uint8Array([0xff]))),
      (e: unknown) => e instanceof ApexError && e.message === 'BLOB is not a valid UTF-8 string'
    );
    assert.equal(apexToString(blobOf('abc')), 'Blob[3]');
  });
});

describe('Crypto and UUID', () => {
  it('digests and MACs', () => {
    const digest = cryptoStaticMethods.generatedigest!(['SHA-256', blobOf('abc')], ctx) as ApexBlob;
    assert.equal(
      E.converttohex!([digest], ctx),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
    const mac = cryptoStaticMethods.generatemac!(
      ['hmacSHA256', blobOf('data'), blobOf('key')],
      ctx
    ) as ApexBlob;
    assert.equal(mac.bytes.length, 32);
    assert.equal(typeof cryptoStaticMethods.getrandominteger!([], ctx), 'number');
    assert.equal(typeof cryptoStaticMethods.getrandomlong!([], ctx), 'bigint');
  });

  it('randomUUID is 36 characters', () => {
    const u = uuidStaticMethods.randomuuid!([], ctx) as ApexObject;
    assert.match(
      apexToString(u),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
  });
});
