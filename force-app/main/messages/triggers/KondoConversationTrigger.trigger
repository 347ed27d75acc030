trigger KondoConversationTrigger on Kondo_Conversation__c(before delete) {
  new ConversationTaskCleanup(Trigger.old).run();
}
