// System.RestContext, RestRequest and RestResponse (Apex Reference Guide: RestContext Class,
// RestRequest Class, RestResponse Class). Their properties are plain read-write fields; the
// local org fills the request before it calls an @HttpPost or @HttpGet method.
import { defineNative } from '../interpreter/natives';
import { ApexMap, ApexObject, type ApexValue } from '../interpreter/values';
import { stateOf } from '../org/state';

const STRING = { name: 'String', args: [] };

export function newRestRequest(): ApexObject {
  const request = new ApexObject('System.RestRequest', null);
  request.fields.set('requestbody', null);
  request.fields.set('headers', new ApexMap(STRING, STRING));
  request.fields.set('params', new ApexMap(STRING, STRING));
  request.fields.set('requesturi', null);
  request.fields.set('resourcepath', null);
  request.fields.set('httpmethod', null);
  request.fields.set('remoteaddress', null);
  return request;
}

export function newRestResponse(): ApexObject {
  const response = new ApexObject('System.RestResponse', null);
  response.fields.set('responsebody', null);
  response.fields.set('statuscode', null);
  response.fields.set('headers', new ApexMap(STRING, STRING));
  return response;
}

function addTo(map: string) {
  return (self: ApexObject, args: ApexValue[]): ApexValue => {
    (self.fields.get(map) as ApexMap).put(args[0] ?? null, args[1] ?? null);
    return null;
  };
}

defineNative({
  name: 'System.RestRequest',
  construct: () => newRestRequest(),
  methods: { addheader: addTo('headers'), addparameter: addTo('params') },
});
defineNative({
  name: 'System.RestResponse',
  construct: () => newRestResponse(),
  methods: { addheader: addTo('headers') },
});

defineNative({
  name: 'System.RestContext',
  props: {
    request: (c) => stateOf(c).restRequest,
    response: (c) => stateOf(c).restResponse,
  },
  setProps: {
    request: (value, c) => {
      stateOf(c).restRequest = value as ApexObject | null;
    },
    response: (value, c) => {
      stateOf(c).restResponse = value as ApexObject | null;
    },
  },
});
