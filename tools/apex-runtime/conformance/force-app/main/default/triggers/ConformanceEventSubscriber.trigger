/**
 * Conformance suite only: records each message it receives as an Account (Name = the message,
 * Description = the running user's name, the retries and the ReplayId), so a test can see
 * what was delivered, in which order, as whom. Action__c makes it retry, fail or stop early.
 */
trigger ConformanceEventSubscriber on Conformance_Event__e(after insert) {
  EventBus.TriggerContext context = EventBus.TriggerContext.currentContext();
  List<Schema.Account> received = new List<Schema.Account>();
  for (Conformance_Event__e message : Trigger.new) {
    if (message.Action__c == 'retry' && context.retries < 2) {
      throw new EventBus.RetryableException('Not yet: retry ' + context.retries);
    }
    if (message.Action__c == 'fail') {
      throw new System.IllegalArgumentException('The subscriber refuses ' + message.Message__c);
    }
    received.add(
      new Schema.Account(
        Name = message.Message__c,
        Description = System.UserInfo.getName() +
          '|' +
          context.retries +
          '|' +
          context.lastError +
          '|' +
          (message.ReplayId != null) +
          '|' +
          (message.CreatedById != null)
      )
    );
    if (message.Action__c == 'checkpoint') {
      context.setResumeCheckpoint(message.ReplayId);
      break;
    }
  }
  insert received;
}
