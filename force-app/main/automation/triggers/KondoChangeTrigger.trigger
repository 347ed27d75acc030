trigger KondoChangeTrigger on Kondo_Change__c(before insert) {
  new KondoTriggerDispatcher(new List<Object>{ new WebhookChangeMarker() }).run();
}
