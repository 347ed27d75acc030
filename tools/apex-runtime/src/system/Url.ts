// System.URL: new URL(spec), getOrgDomainUrl() (from the context) and the parts of a URL.
import { apexThrow, unsupported } from '../interpreter/errors';
import type { ApexValue } from '../interpreter/values';
import { wrapNative, type InstanceMethod, type StaticMethod, type SystemContext } from './context';

export class ApexUrl {
  readonly url: URL;

  constructor(readonly spec: string) {
    try {
      this.url = new URL(spec);
    } catch {
      apexThrow('System.StringException', `Invalid URL: ${spec}`);
    }
  }

  apexToString(): string {
    return this.spec;
  }
}

export const wrapUrl = (u: ApexUrl) => wrapNative('System.URL', u);

/** new URL(spec) or new URL(protocol, host, port, file) / (protocol, host, file) / (context, spec). */
export function newUrl(args: ApexValue[]): ApexUrl {
  if (args.length === 1 && typeof args[0] === 'string') {
    return new ApexUrl(args[0]);
  }
  if (args.length === 3 && args.every((a) => typeof a === 'string')) {
    return new ApexUrl(`${args[0]}://${args[1]}${args[2]}`);
  }
  if (args.length === 4 && typeof args[2] === 'number') {
    return new ApexUrl(`${args[0]}://${args[1]}:${args[2]}${args[3]}`);
  }
  unsupported('new URL with these arguments');
}

function orgDomain(ctx: SystemContext): ApexUrl {
  if (!ctx.orgDomainUrl) {
    unsupported('URL.getOrgDomainUrl without an org domain in the context');
  }
  return new ApexUrl(ctx.orgDomainUrl);
}

export const urlStaticMethods: Record<string, StaticMethod> = {
  getorgdomainurl: (_a, ctx) => wrapUrl(orgDomain(ctx)),
  getsalesforcebaseurl: (_a, ctx) => wrapUrl(orgDomain(ctx)),
  getcurrentrequesturl: () => unsupported('URL.getCurrentRequestUrl'),
  getfiledownloadurl: () => unsupported('URL.getFileFieldURL'),
};

export const urlInstanceMethods: Record<string, InstanceMethod<ApexUrl>> = {
  toexternalform: (self) => self.spec,
  tostring: (self) => self.spec,
  getprotocol: (self) => self.url.protocol.replace(/:$/, ''),
  gethost: (self) => self.url.hostname,
  getport: (self) => (self.url.port ? Number(self.url.port) : -1),
  getdefaultport: (self) => ({ 'https:': 443, 'http:': 80 })[self.url.protocol] ?? -1,
  getpath: (self) =>
    self.url.pathname === '/' && !/^[a-z]+:\/\/[^/]+\//i.test(self.spec) ? '' : self.url.pathname,
  getquery: (self) => (self.url.search ? self.url.search.slice(1) : null),
  getref: (self) => (self.url.hash ? self.url.hash.slice(1) : null),
  getauthority: (self) => self.url.host,
  getfile: (self) => {
    const path =
      self.url.pathname === '/' && !/^[a-z]+:\/\/[^/]+\//i.test(self.spec) ? '' : self.url.pathname;
    return path + self.url.search;
  },
  getuserinfo: (self) =>
    self.url.username
      ? self.url.username + (self.url.password ? `:${self.url.password}` : '')
      : null,
};
