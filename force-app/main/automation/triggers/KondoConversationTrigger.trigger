trigger KondoConversationTrigger on Kondo_Conversation__c(before delete) {
  new KondoTriggerDispatcher(new List<Object>{ new ConversationTaskCleanup() }).run();
}
