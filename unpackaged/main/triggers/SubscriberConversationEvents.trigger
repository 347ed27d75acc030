trigger SubscriberConversationEvents on Kondo_Conversation_Event__e(after insert) {
  SubscriberEventAutomation.onConversationEvents(Trigger.new);
}
