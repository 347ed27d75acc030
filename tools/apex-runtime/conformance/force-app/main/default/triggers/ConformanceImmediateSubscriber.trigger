/** Conformance suite only: records each message of the Publish Immediately event as an Account. */
trigger ConformanceImmediateSubscriber on Conformance_Immediate_Event__e(after insert) {
  List<Schema.Account> received = new List<Schema.Account>();
  for (Conformance_Immediate_Event__e message : Trigger.new) {
    received.add(new Schema.Account(Name = message.Message__c));
  }
  insert received;
}
